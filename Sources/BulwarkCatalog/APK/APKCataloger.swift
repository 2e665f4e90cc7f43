import BulwarkCore

/// Lists packages from the apk database `/lib/apk/db/installed` (Alpine, Wolfi, Chainguard),
/// with origin (source package), license, maintainer and owned files.
public struct APKCataloger: Cataloger {
    public let id = "apk"

    static let paths: Set<String> = ["/lib/apk/db/installed", "/usr/lib/apk/db/installed"]

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool { Self.paths.contains(path) }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for path in Self.paths.sorted() {
            guard let bytes = tree.contents(of: path) else { continue }
            if path == "/usr/lib/apk/db/installed", tree.resolve("/lib/apk/db/installed") == path { continue }
            result.packages += try parse(bytes, path: path, context: context)
        }
        return result
    }

    private struct Record {
        var fields: [Character: String] = [:]
        var files: [String] = []
        var directory = ""
        var line = 0
    }

    func parse(_ bytes: [UInt8], path: String, context: CatalogContext) throws(BulwarkError) -> [Package] {
        var packages: [Package] = []
        var record = Record()
        var lineNumber = 0
        func flush() throws(BulwarkError) {
            defer { record = Record() }
            guard !record.fields.isEmpty else { return }
            guard let name = record.fields["P"], !name.isEmpty, let version = record.fields["V"], !version.isEmpty else {
                throw BulwarkError.invalid(path, "record at line \(record.line) lacks a package name (P:) or version (V:)")
            }
            packages.append(makePackage(name: name, version: version, record: record, path: path, context: context))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                try flush()
                continue
            }
            guard line.count >= 2, let key = line.first, line[line.index(after: line.startIndex)] == ":" else {
                throw BulwarkError.invalid(path, "line \(lineNumber): expected 'X:value', found '\(line.prefix(60))'")
            }
            if record.fields.isEmpty && record.files.isEmpty { record.line = lineNumber }
            let value = String(line.dropFirst(2))
            switch key {
            case "F": record.directory = value
            case "R": record.files.append("/" + (record.directory.isEmpty ? value : record.directory + "/" + value))
            case "a", "M", "Z", "z", "q", "r": continue  // per-file/dir ACLs, checksums, triggers
            default: record.fields[key] = value
            }
        }
        try flush()
        return packages
    }

    private func makePackage(name: String, version: String, record: Record, path: String, context: CatalogContext) -> Package {
        let architecture = record.fields["A"]
        let origin = record.fields["o"]
        var upstream = version
        var release: String?
        if let dash = version.lastIndex(of: "-"), version[version.index(after: dash)...].hasPrefix("r") {
            upstream = String(version[..<dash])
            release = String(version[version.index(after: dash)...])
        }
        var qualifiers: [String: String] = [:]
        if let architecture { qualifiers["arch"] = architecture }
        if let os = context.operatingSystem { qualifiers["distro"] = os.purlDistro }
        if let origin, origin != name { qualifiers["upstream"] = origin }
        let namespace = context.operatingSystem?.purlNamespace ?? "alpine"
        let licenses = record.fields["L"].map { [$0] }?.filter { !$0.isEmpty } ?? []
        return Package(
            type: .apk, name: name, version: version, upstreamVersion: upstream, release: release,
            architecture: architecture, sourceName: origin ?? name, sourceVersion: version, licenses: licenses,
            maintainer: record.fields["m"], purl: PackageURL(type: "apk", namespace: namespace, name: name, version: version, qualifiers: qualifiers),
            location: path, installedFiles: record.files)
    }
}
