import BulwarkCore
import CSQLite
import Foundation

/// Writes a new vulnerability database. Everything goes into `<destination>.tmp-<pid>-<random>`
/// beside the destination; ``commit()`` renames it over the destination atomically, ``abort()``
/// (or dropping the builder uncommitted) deletes it, so the destination is only ever the old file
/// or the complete new one.
///
/// Counting: `add` counts `statistics.advisories` and `statistics.withdrawn`, `addEnrichment`
/// counts `statistics.enrichments`; importers count only malformed records and unknown ecosystems.
/// Not thread-safe: one thread writes.
public final class DatabaseBuilder: ImportSink {
    /// The running statistics of everything imported through this builder.
    public var statistics = ImportStatistics()

    private let destination: String
    private let temporaryPath: String
    private let connection: SQLiteConnection
    private let copied: Bool
    private var finished = false

    private let findAdvisory: SQLiteStatement
    private let deleteAdvisory: SQLiteStatement
    private let insertAdvisory: SQLiteStatement
    private let insertAffected: SQLiteStatement
    private let deleteAffected: SQLiteStatement
    private let insertAlias: SQLiteStatement
    private let deleteAlias: SQLiteStatement
    private let findEnrichment: SQLiteStatement
    private let upsertEnrichment: SQLiteStatement
    private let upsertSource: SQLiteStatement

    /// Starts an empty database that will replace `destination` on ``commit()``.
    public convenience init(destination: String) throws(BulwarkError) {
        try self.init(destination: destination, seed: nil)
    }

    /// Starts from a copy of `existing` (incremental import); `destination` may be the same path.
    public convenience init(copying existing: String, destination: String) throws(BulwarkError) {
        try self.init(destination: destination, seed: existing)
    }

    private init(destination: String, seed: String?) throws(BulwarkError) {
        self.destination = destination
        temporaryPath = DurableFiles.temporaryPath(for: destination)
        copied = seed != nil
        if let seed {
            // Validates the schema and gives a clear error for a missing or foreign file.
            _ = try AdvisoryDatabase(path: seed).metadata()
            try Self.copyFile(seed, to: temporaryPath)
        }
        do {
            connection = try SQLiteConnection(path: temporaryPath, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX)
            try connection.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144;")
            if seed == nil {
                try connection.execute("PRAGMA page_size=4096;")
                try connection.execute(DatabaseSchema.createStatements)
                try connection.execute("INSERT INTO meta(key, value) VALUES('schema_version', '\(DatabaseSchema.version)');")
            }
            try connection.execute("BEGIN;")
            findAdvisory = try connection.prepare("SELECT rowid, doc FROM advisories WHERE id = ?1 AND source = ?2")
            deleteAdvisory = try connection.prepare("DELETE FROM advisories WHERE rowid = ?1")
            insertAdvisory = try connection.prepare("INSERT INTO advisories(id, source, withdrawn, doc) VALUES(?1, ?2, ?3, ?4)")
            insertAffected = try connection.prepare("INSERT OR REPLACE INTO affected(ecosystem, name, advisory, seq, id, source, withdrawn, entry) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            deleteAffected = try connection.prepare("DELETE FROM affected WHERE ecosystem = ?1 AND name = ?2 AND advisory = ?3")
            insertAlias = try connection.prepare("INSERT OR IGNORE INTO aliases(alias, advisory) VALUES(?1, ?2)")
            deleteAlias = try connection.prepare("DELETE FROM aliases WHERE alias = ?1 AND advisory = ?2")
            findEnrichment = try connection.prepare("SELECT doc FROM enrichments WHERE cve = ?1")
            upsertEnrichment = try connection.prepare("INSERT OR REPLACE INTO enrichments(cve, doc) VALUES(?1, ?2)")
            upsertSource = try connection.prepare("INSERT OR REPLACE INTO sources(name, kind, records, imported_at) VALUES(?1, ?2, ?3, ?4)")
        } catch {
            DurableFiles.remove(temporaryPath)
            throw error
        }
    }

    deinit {
        if !finished { abort() }
    }

    private static func copyFile(_ source: String, to target: String) throws(BulwarkError) {
        do {
            try FileManager.default.copyItem(atPath: source, toPath: target)
        } catch {
            DurableFiles.remove(target)
            throw BulwarkError(.io, "\(source): cannot copy the database to \(target): \(error.localizedDescription)")
        }
    }

    private func checkOpen() throws(BulwarkError) {
        if finished { throw BulwarkError(.io, "\(destination): the database builder was already committed or aborted") }
    }

    /// Stores `advisory`, replacing an advisory with the same (source, id).
    public func add(_ advisory: Advisory) throws(BulwarkError) {
        try add(prepared: PreparedAdvisory(advisory))
    }

    /// Stores an advisory encoded off this thread (see ``PreparedAdvisory``).
    func add(prepared advisory: PreparedAdvisory) throws(BulwarkError) {
        try checkOpen()
        try removeExisting(id: advisory.id, source: advisory.source)
        insertAdvisory.bind(1, advisory.id)
        insertAdvisory.bind(2, advisory.source)
        insertAdvisory.bind(3, advisory.withdrawn ? 1 : 0)
        insertAdvisory.bind(4, advisory.document)
        try insertAdvisory.run()
        let rowid = sqlite3_last_insert_rowid(connection.handle)
        for (sequence, entry) in advisory.affected.enumerated() {
            insertAffected.bind(1, entry.ecosystem)
            insertAffected.bind(2, entry.name)
            insertAffected.bind(3, rowid)
            insertAffected.bind(4, Int64(sequence))
            insertAffected.bind(5, advisory.id)
            insertAffected.bind(6, advisory.source)
            insertAffected.bind(7, advisory.withdrawn ? 1 : 0)
            insertAffected.bind(8, entry.entry)
            try insertAffected.run()
        }
        for alias in advisory.aliasKeys {
            insertAlias.bind(1, alias)
            insertAlias.bind(2, rowid)
            try insertAlias.run()
        }
        statistics.advisories += 1
        if advisory.withdrawn { statistics.withdrawn += 1 }
    }

    /// Deletes a stored advisory with this (id, source) and its affected and alias rows.
    private func removeExisting(id: String, source: String) throws(BulwarkError) {
        findAdvisory.bind(1, id)
        findAdvisory.bind(2, source)
        defer { findAdvisory.reset() }
        guard try findAdvisory.step() else { return }
        let rowid = findAdvisory.int(0)
        let document = try findAdvisory.withBlob(1) { stored throws(BulwarkError) in
            try CompressedBlob.withUnpacked(stored, label: id) { raw throws(BulwarkError) in
                try RecordEncoding.decodeDocument(raw, id: id, source: source)
            }
        }
        findAdvisory.reset()
        for key in Set(document.affectedKeys.map { "\($0.ecosystem)\u{0}\($0.name)" }) {
            let parts = key.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
            deleteAffected.bind(1, String(parts[0]))
            deleteAffected.bind(2, parts.count > 1 ? String(parts[1]) : "")
            deleteAffected.bind(3, rowid)
            try deleteAffected.run()
        }
        for alias in [id] + document.advisory.aliases {
            deleteAlias.bind(1, alias)
            deleteAlias.bind(2, rowid)
            try deleteAlias.run()
        }
        deleteAdvisory.bind(1, rowid)
        try deleteAdvisory.run()
        statistics.advisories -= 1
        if document.advisory.withdrawn != nil { statistics.withdrawn -= 1 }
    }

    /// Merges CVE facts into the stored enrichment field by field: fields `enrichment` sets win,
    /// vectors replace those of the same type and source.
    public func addEnrichment(_ enrichment: CVEEnrichment) throws(BulwarkError) {
        try checkOpen()
        findEnrichment.bind(1, enrichment.cve)
        var merged = enrichment
        var existed = false
        if try findEnrichment.step() {
            existed = true
            let stored = try findEnrichment.withBlob(0) { bytes throws(BulwarkError) in
                try CompressedBlob.withUnpacked(bytes, label: enrichment.cve) { raw throws(BulwarkError) in
                    try RecordEncoding.decodeEnrichment(raw, cve: enrichment.cve)
                }
            }
            merged = Self.merge(stored, with: enrichment)
        }
        findEnrichment.reset()
        upsertEnrichment.bind(1, enrichment.cve)
        upsertEnrichment.bind(2, CompressedBlob.pack(RecordEncoding.encodeEnrichment(merged)))
        try upsertEnrichment.run()
        if !existed { statistics.enrichments += 1 }
    }

    /// `update`'s set fields over `base`'s.
    static func merge(_ base: CVEEnrichment, with update: CVEEnrichment) -> CVEEnrichment {
        var merged = base
        if let value = update.description { merged.description = value }
        if let value = update.kevDateAdded { merged.kevDateAdded = value }
        if let value = update.epssScore { merged.epssScore = value }
        if let value = update.epssPercentile { merged.epssPercentile = value }
        if let value = update.published { merged.published = value }
        if let value = update.modified { merged.modified = value }
        if !update.vectors.isEmpty {
            let replaced = Set(update.vectors.map { "\($0.type)\u{0}\($0.source)" })
            merged.vectors = base.vectors.filter { !replaced.contains("\($0.type)\u{0}\($0.source)") } + update.vectors
        }
        return merged
    }

    /// Stores an end-of-life date in `meta` under `eol:<family>:<cycle>` (value `date source`).
    public func addEndOfLife(_ entry: EndOfLifeEntry) throws(BulwarkError) {
        try checkOpen()
        try connection.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES('\(Self.sqlText("eol:\(entry.family):\(entry.cycle)"))', '\(Self.sqlText("\(entry.date) \(entry.source)"))');")
        statistics.enrichments += 1
    }

    /// `text` as the inside of a single-quoted SQL literal.
    static func sqlText(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }

    /// Records (or replaces) the row describing one imported feed, stamped with the current time.
    public func recordSource(name: String, kind: String, records: Int) throws(BulwarkError) {
        try checkOpen()
        upsertSource.bind(1, name)
        upsertSource.bind(2, kind)
        upsertSource.bind(3, Int64(records))
        upsertSource.bind(4, DurableFiles.now())
        try upsertSource.run()
    }

    /// Finishes the database (metadata, statistics for the planner, compaction after an incremental
    /// import), syncs it to disk and renames it over the destination atomically.
    public func commit() throws(BulwarkError) {
        try checkOpen()
        do {
            try connection.execute("""
                INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '\(DatabaseSchema.version)');
                INSERT OR REPLACE INTO meta(key, value) VALUES('built_at', '\(DurableFiles.now())');
                INSERT OR REPLACE INTO meta(key, value) SELECT 'advisory_count', count(*) FROM advisories;
                INSERT OR REPLACE INTO meta(key, value) SELECT 'affected_count', count(*) FROM affected;
                INSERT OR REPLACE INTO meta(key, value) SELECT 'enrichment_count', count(*) FROM enrichments;
                COMMIT;
                PRAGMA analysis_limit=1000;
                ANALYZE;
                """)
            if copied { try connection.execute("VACUUM;") }
            finalizeStatements()
            connection.close()
            finished = true
            try DurableFiles.replace(destination, with: temporaryPath)
        } catch {
            abort()
            throw error
        }
    }

    /// Abandons the import: deletes the temporary file; the destination is untouched.
    public func abort() {
        finalizeStatements()
        connection.close()
        finished = true
        DurableFiles.remove(temporaryPath)
    }

    private func finalizeStatements() {
        for statement in [findAdvisory, deleteAdvisory, insertAdvisory, insertAffected, deleteAffected, insertAlias, deleteAlias, findEnrichment, upsertEnrichment, upsertSource] {
            statement.finalize()
        }
    }
}
