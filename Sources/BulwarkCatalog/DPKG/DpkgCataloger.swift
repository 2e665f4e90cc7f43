import BulwarkCore

/// Lists packages from the dpkg database: `/var/lib/dpkg/status`, the distroless
/// `/var/lib/dpkg/status.d/*` files, and file ownership from `/var/lib/dpkg/info/*.list`.
public struct DpkgCataloger: Cataloger {
    public let id = "dpkg"

    static let statusPath = "/var/lib/dpkg/status"
    static let statusDirectory = "/var/lib/dpkg/status.d/"
    static let infoDirectory = "/var/lib/dpkg/info/"

    /// Package states whose files are on disk.
    static let presentStates: Set<String> = ["installed", "half-configured", "triggers-awaited", "triggers-pending"]

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool {
        if PathMatch.hasPrefix(path, "/var/lib/dpkg/") {
            if path == Self.statusPath { return true }
            if path.hasPrefix(Self.statusDirectory) { return !PathMatch.hasSuffix(path, ".md5sums") }
            if path.hasPrefix(Self.infoDirectory) { return PathMatch.hasSuffix(path, ".list") }
            return false
        }
        if PathMatch.hasPrefix(path, "/usr/share/doc/") && PathMatch.hasSuffix(path, "/copyright") {
            return path.utf8.split(separator: UInt8(ascii: "/")).count == 5
        }
        return false
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        var sources: [(path: String, bytes: [UInt8])] = []
        if let status = tree.contents(of: Self.statusPath) { sources.append((Self.statusPath, status)) }
        for path in tree.collectedPaths() where path.hasPrefix(Self.statusDirectory) && isInterested(in: path) {
            if let bytes = tree.contents(of: path) { sources.append((path, bytes)) }
        }
        for (path, bytes) in sources {
            for paragraph in try ControlFileParser.parse(bytes, path: path) {
                guard let package = try makePackage(paragraph, path: path, tree: tree, context: context) else { continue }
                result.packages.append(package)
            }
        }
        return result
    }

    private func makePackage(_ paragraph: ControlFileParser.Paragraph, path: String, tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> Package? {
        let fields = paragraph.fields
        guard let name = fields["Package"], !name.isEmpty else {
            throw BulwarkError.invalid(path, "paragraph at line \(paragraph.line) has no Package field")
        }
        if let status = fields["Status"] {
            let words = status.split(separator: " ")
            guard words.count == 3 else {
                throw BulwarkError.invalid(path, "line \(paragraph.line): malformed Status '\(status.prefix(60))' for \(name)")
            }
            if !Self.presentStates.contains(String(words[2])) { return nil }
        } else if path == Self.statusPath {
            return nil  // the main status file always records a Status; without it the package is not installed
        }
        guard let version = fields["Version"], !version.isEmpty else {
            throw BulwarkError.invalid(path, "line \(paragraph.line): package \(name) has no Version")
        }
        let architecture = fields["Architecture"]
        var sourceName = name
        var sourceVersion = version
        if let source = fields["Source"], !source.isEmpty {
            if let open = source.firstIndex(of: "("), let close = source.lastIndex(of: ")"), open < close {
                sourceName = source[..<open].trimmingSpaces()
                sourceVersion = source[source.index(after: open)..<close].trimmingSpaces()
            } else {
                sourceName = source.trimmingSpaces()
            }
        }
        let parsed = DebianVersion(version)
        var qualifiers: [String: String] = [:]
        if let architecture { qualifiers["arch"] = architecture }
        if let os = context.operatingSystem { qualifiers["distro"] = os.purlDistro }
        let namespace = context.operatingSystem.map { ["debian", "ubuntu"].contains($0.family) ? $0.family : ($0.idLike.contains("ubuntu") ? "ubuntu" : "debian") } ?? "debian"
        if sourceName != name || sourceVersion != version {
            qualifiers["upstream"] = sourceVersion != version ? "\(sourceName)@\(sourceVersion)" : sourceName
        }
        let purl = PackageURL(type: "deb", namespace: namespace, name: name, version: version, qualifiers: qualifiers)
        return Package(
            type: .deb, name: name, version: version, epoch: parsed.epoch, upstreamVersion: parsed.upstream,
            release: parsed.revision, architecture: architecture, sourceName: sourceName, sourceVersion: sourceVersion,
            licenses: licenses(of: name, tree: tree), maintainer: fields["Maintainer"], purl: purl, location: path,
            installedFiles: installedFiles(name: name, architecture: architecture, tree: tree))
    }

    private func installedFiles(name: String, architecture: String?, tree: any FileTree) -> [String] {
        var bytes = tree.contents(of: Self.infoDirectory + name + ".list")
        if bytes == nil, let architecture { bytes = tree.contents(of: Self.infoDirectory + name + ":" + architecture + ".list") }
        guard let bytes else { return [] }
        let listed = bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty && $0 != "/." }
        // Directories are listed too: drop those that are directories in the image or ancestors of other
        // entries (byte scans; a walk up stops at the first ancestor already seen).
        var parents: Set<Substring> = []
        parents.reserveCapacity(listed.count)
        for path in listed {
            var end = path.utf8.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: 0x2F), slash != path.utf8.startIndex {
                if !parents.insert(path[..<slash]).inserted { break }
                end = slash
            }
        }
        return listed.filter { path in
            if parents.contains(Substring(path)) { return false }
            if let node = tree.node(at: path), node.kind == .directory { return false }
            return true
        }
    }

    /// Licenses from the machine-readable copyright file (`License:` fields), in first-seen order.
    private func licenses(of name: String, tree: any FileTree) -> [String] {
        guard let bytes = tree.contents(of: "/usr/share/doc/\(name)/copyright") else { return [] }
        return DebianCopyright.licenses(in: bytes)
    }
}
