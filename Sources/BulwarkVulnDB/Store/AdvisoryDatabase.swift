import BulwarkCore
import CSQLite
import Foundation

/// A read-only vulnerability database. Opened `immutable` (the builder never changes a file in
/// place, it renames a new one over it), so any number of processes read it without locks, and
/// a scan that opened the old file keeps reading the old inode after an update.
/// Each call is serialized by a lock, so one instance may be shared between tasks.
public final class AdvisoryDatabase: @unchecked Sendable {
    /// The schema version this build of Bulwark reads and writes.
    public static let schemaVersion: Int = DatabaseSchema.version

    /// The database file.
    public let path: String
    private let connection: SQLiteConnection
    private let lock = NSLock()
    private let affectedQuery: SQLiteStatement
    private let advisoryQuery: SQLiteStatement
    private let entryQuery: SQLiteStatement
    private let aliasKeysQuery: SQLiteStatement
    private let aliasGroupQuery: SQLiteStatement
    private let enrichmentQuery: SQLiteStatement
    private let metaQuery: SQLiteStatement
    private let sourcesQuery: SQLiteStatement

    /// Opens the database at `path` read-only, checking that it is a Bulwark database whose schema
    /// this version understands.
    public init(path: String) throws(BulwarkError) {
        self.path = path
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw BulwarkError(.notFound, "\(path): no vulnerability database here", hint: "run `bulwark db update` (or `bulwark db import`) to create it")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw BulwarkError.invalid(path, "the vulnerability database is not a regular file")
        }
        connection = try SQLiteConnection(path: path, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, uri: Self.immutableURI(path))
        let version: Int
        do throws(BulwarkError) {
            let probe = try connection.prepare("SELECT value FROM meta WHERE key = 'schema_version'")
            defer { probe.finalize() }
            guard try probe.step(), let parsed = Int(probe.text(0)) else {
                throw BulwarkError.invalid(path, "not a Bulwark vulnerability database (no schema version)")
            }
            version = parsed
        } catch {
            guard error.code == .io else { throw error }
            throw BulwarkError(.invalidInput, "\(path): not a Bulwark vulnerability database (\(error.message))", hint: "run `bulwark db update` to download a fresh one")
        }
        // Read-only and never changed in place: map it instead of copying pages through read().
        try connection.execute("PRAGMA mmap_size=4294967296; PRAGMA cache_size=-16384;")
        if version > Self.schemaVersion {
            throw BulwarkError(.unsupported, "\(path): the vulnerability database has schema \(version), newer than this bulwark reads (\(Self.schemaVersion))", hint: "upgrade bulwark")
        }
        if version < Self.schemaVersion {
            throw BulwarkError(.unsupported, "\(path): the vulnerability database has old schema \(version) (this bulwark reads \(Self.schemaVersion))", hint: "run `bulwark db update`")
        }
        affectedQuery = try connection.prepare("""
            SELECT id, source, withdrawn, entry FROM affected WHERE ecosystem = ?1 AND name = ?2 ORDER BY advisory, seq
            """)
        advisoryQuery = try connection.prepare("SELECT rowid, source, doc FROM advisories WHERE id = ?1 ORDER BY source LIMIT 1")
        entryQuery = try connection.prepare("SELECT seq, entry FROM affected WHERE ecosystem = ?1 AND name = ?2 AND advisory = ?3")
        aliasKeysQuery = try connection.prepare("SELECT alias FROM aliases WHERE advisory IN (SELECT rowid FROM advisories WHERE id = ?1)")
        aliasGroupQuery = try connection.prepare("SELECT DISTINCT a.id FROM aliases x JOIN advisories a ON a.rowid = x.advisory WHERE x.alias = ?1")
        enrichmentQuery = try connection.prepare("SELECT doc FROM enrichments WHERE cve = ?1")
        metaQuery = try connection.prepare("SELECT key, value FROM meta")
        sourcesQuery = try connection.prepare("SELECT name, kind, records, imported_at FROM sources ORDER BY name")
    }

    deinit {
        for statement in [affectedQuery, advisoryQuery, entryQuery, aliasKeysQuery, aliasGroupQuery, enrichmentQuery, metaQuery, sourcesQuery] {
            statement.finalize()
        }
        connection.close()
    }

    /// `file:` URI for `path` with `immutable=1`, percent-encoding what URIs reserve.
    private static func immutableURI(_ path: String) -> String {
        var uri = "file:"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                uri.unicodeScalars.append("%")
                uri.unicodeScalars.append(hex[Int(byte >> 4)])
                uri.unicodeScalars.append(hex[Int(byte & 0xf)])
            }
        }
        return uri + "?immutable=1"
    }

    private func locked<Result>(_ body: () throws(BulwarkError) -> Result) throws(BulwarkError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Every affected entry stored for `name` in `ecosystem` (both already normalized, see
    /// ``EcosystemKey``), withdrawn advisories included and flagged.
    public func affected(ecosystem: String, name: String) throws(BulwarkError) -> [AffectedCandidate] {
        try locked { () throws(BulwarkError) -> [AffectedCandidate] in
            let query = affectedQuery
            query.bind(1, ecosystem)
            query.bind(2, name)
            defer { query.reset() }
            var candidates: [AffectedCandidate] = []
            while try query.step() {
                let id = query.text(0)
                let entry = try query.withBlob(3) { stored throws(BulwarkError) in
                    try CompressedBlob.withUnpacked(stored, label: id) { raw throws(BulwarkError) in
                        try RecordEncoding.decodeEntry(raw, ecosystem: ecosystem, name: name, label: id)
                    }
                }
                candidates.append(AffectedCandidate(advisoryID: id, source: query.text(1), withdrawn: query.int(2) != 0, affected: entry))
            }
            return candidates
        }
    }

    /// The advisory with this id (the first by source name when several sources use the id), with
    /// its affected entries; nil when there is none.
    public func advisory(id: String) throws(BulwarkError) -> Advisory? {
        try locked { () throws(BulwarkError) -> Advisory? in
            advisoryQuery.bind(1, id)
            defer { advisoryQuery.reset() }
            guard try advisoryQuery.step() else { return nil }
            let rowid = advisoryQuery.int(0)
            let source = advisoryQuery.text(1)
            let document = try advisoryQuery.withBlob(2) { stored throws(BulwarkError) in
                try CompressedBlob.withUnpacked(stored, label: id) { raw throws(BulwarkError) in
                    try RecordEncoding.decodeDocument(raw, id: id, source: source)
                }
            }
            advisoryQuery.reset()
            var advisory = document.advisory
            var entries: [Int64: AffectedPackage] = [:]
            var seenKeys = Set<String>()
            for key in document.affectedKeys where seenKeys.insert("\(key.ecosystem)\u{0}\(key.name)").inserted {
                entryQuery.bind(1, key.ecosystem)
                entryQuery.bind(2, key.name)
                entryQuery.bind(3, rowid)
                defer { entryQuery.reset() }
                while try entryQuery.step() {
                    let sequence = entryQuery.int(0)
                    entries[sequence] = try entryQuery.withBlob(1) { stored throws(BulwarkError) in
                        try CompressedBlob.withUnpacked(stored, label: id) { raw throws(BulwarkError) in
                            try RecordEncoding.decodeEntry(raw, ecosystem: key.ecosystem, name: key.name, label: id)
                        }
                    }
                }
            }
            advisory.affected = entries.keys.sorted().compactMap { entries[$0] }
            return advisory
        }
    }

    /// Every advisory id sharing an alias with `id` (one hop: `id` itself, its aliases, and any
    /// advisory listing one of those), including `id` when it is stored; sorted.
    public func advisories(aliasOf id: String) throws(BulwarkError) -> [String] {
        try locked { () throws(BulwarkError) -> [String] in
            var keys: Set<String> = [id]
            aliasKeysQuery.bind(1, id)
            while try aliasKeysQuery.step() { keys.insert(aliasKeysQuery.text(0)) }
            aliasKeysQuery.reset()
            var ids = Set<String>()
            for key in keys {
                aliasGroupQuery.bind(1, key)
                defer { aliasGroupQuery.reset() }
                while try aliasGroupQuery.step() { ids.insert(aliasGroupQuery.text(0)) }
            }
            return ids.sorted()
        }
    }

    /// The NVD/KEV/EPSS facts stored for `cve`, nil when there are none.
    public func enrichment(cve: String) throws(BulwarkError) -> CVEEnrichment? {
        try locked { () throws(BulwarkError) -> CVEEnrichment? in
            enrichmentQuery.bind(1, cve)
            defer { enrichmentQuery.reset() }
            guard try enrichmentQuery.step() else { return nil }
            return try enrichmentQuery.withBlob(0) { stored throws(BulwarkError) in
                try CompressedBlob.withUnpacked(stored, label: cve) { raw throws(BulwarkError) in
                    try RecordEncoding.decodeEnrichment(raw, cve: cve)
                }
            }
        }
    }

    /// End-of-life dates imported from feeds (`db update` / `db import` of endoflife.date files).
    public func endOfLifeEntries() throws(BulwarkError) -> [EndOfLifeEntry] {
        try locked { () throws(BulwarkError) -> [EndOfLifeEntry] in
            var entries: [EndOfLifeEntry] = []
            while try metaQuery.step() {
                let key = metaQuery.text(0)
                guard key.hasPrefix("eol:") else { continue }
                let parts = key.split(separator: ":", maxSplits: 2).map(String.init)
                let value = metaQuery.text(1).split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 3, let date = value.first else { continue }
                entries.append(EndOfLifeEntry(family: parts[1], cycle: parts[2], date: date, source: value.count > 1 ? value[1] : "database"))
            }
            metaQuery.reset()
            return entries
        }
    }

    /// Schema version, build time, sources and row counts.
    public func metadata() throws(BulwarkError) -> DatabaseMetadata {
        try locked { () throws(BulwarkError) -> DatabaseMetadata in
            var values: [String: String] = [:]
            while try metaQuery.step() { values[metaQuery.text(0)] = metaQuery.text(1) }
            metaQuery.reset()
            var sources: [SourceInfo] = []
            while try sourcesQuery.step() {
                sources.append(SourceInfo(name: sourcesQuery.text(0), kind: sourcesQuery.text(1), records: Int(sourcesQuery.int(2)), importedAt: sourcesQuery.text(3)))
            }
            sourcesQuery.reset()
            return DatabaseMetadata(
                schemaVersion: values["schema_version"].flatMap { Int($0) } ?? 0,
                builtAt: values["built_at"] ?? "",
                sources: sources,
                advisoryCount: values["advisory_count"].flatMap { Int($0) } ?? 0,
                affectedCount: values["affected_count"].flatMap { Int($0) } ?? 0,
                enrichmentCount: values["enrichment_count"].flatMap { Int($0) } ?? 0
            )
        }
    }
}
