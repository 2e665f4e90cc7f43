import BulwarkCore

/// Lists the packages of an rpm package database (SQLite, NDB or Berkeley DB hash).
///
/// Looks in `/var/lib/rpm` and `/usr/lib/sysimage/rpm`. In each directory one database is
/// read, preferring `rpmdb.sqlite`, then `Packages.db`, then `Packages` (a migrated system can
/// keep the old file next to the new one); a directory or database file that is a symlink to
/// the other location is read once, and packages are located at the file's real path. The format is detected from the content, not the name. `gpg-pubkey` pseudo
/// packages (imported signing keys) are skipped, as Trivy and Syft do.
public struct RPMCataloger: Cataloger {
    /// Directories that hold an rpm database, in the order they are read.
    public static let databaseDirectories = ["/var/lib/rpm", "/usr/lib/sysimage/rpm"]
    /// Database file names, most preferred first.
    public static let databaseFileNames = ["rpmdb.sqlite", "Packages.db", "Packages"]

    /// Creates the cataloger.
    public init() {}

    /// `rpm`.
    public var id: String { "rpm" }

    /// True for the six database paths (`{/var/lib/rpm,/usr/lib/sysimage/rpm}/{rpmdb.sqlite,Packages.db,Packages}`).
    public func isInterested(in path: String) -> Bool {
        // Cheap byte-prefix rejection first: this runs for every file of every scan.
        guard path.utf8.starts(with: "/var/lib/rpm/".utf8) || path.utf8.starts(with: "/usr/lib/sysimage/rpm/".utf8),
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        else { return false }
        let directory = path[..<slash]
        let file = path[path.index(after: slash)...]
        return Self.databaseFileNames.contains(where: { $0 == file })
            && Self.databaseDirectories.contains(where: { $0 == directory })
    }

    /// Reads every database found in `tree`; throws a ``BulwarkError`` naming the file when one is corrupt.
    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        var readDirectories: Set<String> = []
        var readFiles: Set<String> = []
        for directory in Self.databaseDirectories {
            let realDirectory = tree.resolve(directory) ?? directory
            guard readDirectories.insert(realDirectory).inserted else { continue }
            var chosen: (path: String, bytes: [UInt8])?
            var emptyFiles: [String] = []
            for fileName in Self.databaseFileNames {
                let path = directory + "/" + fileName
                guard let bytes = tree.contents(of: path) else { continue }
                let location = tree.resolve(path) ?? path
                if bytes.isEmpty {
                    emptyFiles.append(location)
                    continue
                }
                chosen = (location, bytes)
                break
            }
            guard let chosen else {
                result.warnings += emptyFiles.map { "\($0): empty rpm database file, no packages read" }
                continue
            }
            // The same file reached through a file symlink from the other directory.
            guard readFiles.insert(chosen.path).inserted else { continue }
            let infos = try RPMDatabase.packages(from: chosen.bytes, path: chosen.path)
            for info in infos where !info.isGPGPublicKey {
                result.packages.append(Self.package(from: info, location: chosen.path, context: context))
            }
        }
        return result
    }

    /// Builds the Bulwark package for one rpm header's fields.
    public static func package(from info: RPMPackageInfo, location: String, context: CatalogContext) -> Package {
        let release = info.release.flatMap { $0.isEmpty ? nil : $0 }
        let versionRelease = info.version + (release.map { "-" + $0 } ?? "")
        // rpm compares a missing epoch and epoch 0 as equal; like Trivy, show only a non-zero epoch.
        let visibleEpoch = info.epoch.flatMap { $0 == 0 ? nil : $0 }
        let epochPrefix = visibleEpoch.map { "\($0):" } ?? ""
        let source = info.source
        var qualifiers: [String: String] = [:]
        if let arch = nonEmpty(info.architecture) { qualifiers["arch"] = arch }
        if let epoch = visibleEpoch { qualifiers["epoch"] = String(epoch) }
        if let os = context.operatingSystem { qualifiers["distro"] = os.purlDistro }
        // rpm writes the literal "(none)" for packages without a source (imported keys).
        if let sourceRPM = nonEmpty(info.sourceRPM), sourceRPM != "(none)" { qualifiers["upstream"] = sourceRPM }
        let purl = PackageURL(
            type: "rpm", namespace: context.operatingSystem?.purlNamespace, name: info.name,
            version: versionRelease, qualifiers: qualifiers)
        return Package(
            type: .rpm,
            name: info.name,
            version: epochPrefix + versionRelease,
            epoch: info.epoch,
            upstreamVersion: info.version,
            release: release,
            architecture: nonEmpty(info.architecture),
            sourceName: source?.name,
            sourceVersion: source.map { epochPrefix + $0.version + "-" + $0.release },
            licenses: nonEmpty(info.license).map { [$0] } ?? [],
            maintainer: nonEmpty(info.packager),
            vendor: nonEmpty(info.vendor),
            modularityLabel: nonEmpty(info.modularityLabel),
            purl: purl,
            location: location,
            installedFiles: info.files
        )
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
