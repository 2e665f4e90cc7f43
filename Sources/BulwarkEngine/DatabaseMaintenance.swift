import BulwarkCore
import BulwarkVulnDB
import Foundation

/// Builds and replaces the advisory database: imports of local paths (air-gapped machines), updates
/// from the configured sources, bundles. Every change is written to a new file and renamed over the
/// old one only when complete, so a scan never sees half a database and a failure keeps the old one.
public enum DatabaseMaintenance {
    /// What an import or update did.
    public struct Outcome: Sendable {
        public var statistics: ImportStatistics
        public var notModified: [String] = []
    }

    /// Imports `paths` (OSV directories, zips or files; feed files; URLs; or one exported bundle) into
    /// the database at `database`, on top of its current content unless `replace` is set.
    public static func importPaths(_ paths: [String], database: String, replace: Bool, cacheDirectory: String) async throws(BulwarkError) -> Outcome {
        try createParent(of: database)
        if paths.count == 1, let only = paths.first, !isURL(only), DatabaseBundle.isBundle(path: only) {
            try DatabaseBundle.importBundle(only, destination: database)
            return Outcome(statistics: ImportStatistics())
        }
        let builder: DatabaseBuilder
        if !replace && FileManager.default.fileExists(atPath: database) {
            builder = try DatabaseBuilder(copying: database, destination: database)
        } else {
            builder = try DatabaseBuilder(destination: database)
        }
        do throws(BulwarkError) {
            for path in paths {
                var local = path
                if isURL(path) {
                    let name = URL(string: path)?.lastPathComponent ?? "download"
                    let source = UpdateSource(name: "import-" + name, url: path, kind: kindForFileName(name))
                    let results = try await FeedDownloader(cacheDirectory: cacheDirectory + "/downloads").download([source])
                    guard let result = results.first else { throw BulwarkError(.io, "\(path): download produced no file") }
                    local = result.path
                }
                let before = builder.statistics.advisories + builder.statistics.enrichments
                try importLocal(local, label: path, into: builder)
                try builder.recordSource(name: path, kind: "import", records: builder.statistics.advisories + builder.statistics.enrichments - before)
            }
            try builder.commit()
        } catch {
            builder.abort()
            throw error
        }
        return Outcome(statistics: builder.statistics)
    }

    /// Downloads `sources` into the cache and rebuilds the database from everything downloaded.
    public static func update(
        database: String, cacheDirectory: String, sources: [UpdateSource], progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) async throws(BulwarkError) -> Outcome {
        try createParent(of: database)
        let results = try await FeedDownloader(cacheDirectory: cacheDirectory + "/feeds").download(sources, progress: progress)
        let builder = try DatabaseBuilder(destination: database)
        do throws(BulwarkError) {
            for result in results {
                let before = builder.statistics.advisories + builder.statistics.enrichments
                try importLocal(result.path, label: result.source.name, kind: result.source.kind, into: builder)
                try builder.recordSource(
                    name: result.source.name, kind: result.source.kind, records: builder.statistics.advisories + builder.statistics.enrichments - before)
            }
            try builder.commit()
        } catch {
            builder.abort()
            throw error
        }
        var outcome = Outcome(statistics: builder.statistics)
        outcome.notModified = results.filter(\.notModified).map(\.source.name)
        return outcome
    }

    /// Imports one local file or directory, choosing the parser by kind or by content.
    static func importLocal(_ path: String, label: String, kind: String? = nil, into builder: DatabaseBuilder) throws(BulwarkError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BulwarkError(.notFound, "\(path): no such file or directory")
        }
        if isDirectory.boolValue || kind == "osv-zip" || path.hasSuffix(".zip") {
            try OSVImporter.importPath(path, into: builder)
            return
        }
        let bytes = try readFile(path)
        let decompressed = try FeedBytes.decompressIfNeeded(bytes, label: path)
        if let format = FeedFormat.detect(decompressed, fileName: (path as NSString).lastPathComponent) {
            try FeedImporter.parse(decompressed, format: format, label: label, into: builder)
        } else {
            try OSVImporter.importPath(path, into: builder)
        }
    }

    static func readFile(_ path: String) throws(BulwarkError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BulwarkError(.io, "\(path): cannot read")
        }
        return [UInt8](data)
    }

    static func isURL(_ text: String) -> Bool { text.hasPrefix("http://") || text.hasPrefix("https://") }

    static func kindForFileName(_ name: String) -> String {
        if name.hasSuffix(".zip") { return "osv-zip" }
        if name.contains("epss") { return "epss" }
        return "file"
    }

    static func createParent(of path: String) throws(BulwarkError) {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw BulwarkError(.io, "\(parent): cannot create the database directory")
        }
    }
}
