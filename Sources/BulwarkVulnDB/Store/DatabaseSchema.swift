/// The SQL layout of the vulnerability database.
///
/// - `meta(key, value)`: `schema_version`, `built_at` (RFC 3339) and the row counts.
/// - `sources(name, kind, records, imported_at)`: one row per imported feed.
/// - `advisories(rowid, id, source, withdrawn, doc)`: `doc` is a ``CompressedBlob`` of
///   ``RecordEncoding/encodeDocument(_:)``; unique on (id, source).
/// - `affected(ecosystem, name, advisory, seq, id, source, withdrawn, entry)`: clustered on
///   (ecosystem, name) so one lookup reads one B-tree range, with the advisory's id, source and
///   withdrawn flag copied in so lookups need no join; `entry` is ``RecordEncoding/encodeEntry(_:)``, packed.
/// - `aliases(alias, advisory)`: every advisory's own id and aliases → its rowid.
/// - `enrichments(cve, doc)`: NVD/KEV/EPSS facts, packed.
enum DatabaseSchema {
    /// Bumped whenever the tables or the record encodings change incompatibly.
    static let version = 1

    /// Creates every table and index in an empty database.
    static let createStatements = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE sources(name TEXT PRIMARY KEY, kind TEXT NOT NULL, records INTEGER NOT NULL, imported_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE advisories(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL, withdrawn INTEGER NOT NULL, doc BLOB NOT NULL);
        CREATE UNIQUE INDEX advisories_by_id ON advisories(id, source);
        CREATE TABLE affected(ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory INTEGER NOT NULL, seq INTEGER NOT NULL,
            id TEXT NOT NULL, source TEXT NOT NULL, withdrawn INTEGER NOT NULL, entry BLOB NOT NULL,
            PRIMARY KEY(ecosystem, name, advisory, seq)) WITHOUT ROWID;
        CREATE TABLE aliases(alias TEXT NOT NULL, advisory INTEGER NOT NULL, PRIMARY KEY(alias, advisory)) WITHOUT ROWID;
        CREATE TABLE enrichments(cve TEXT PRIMARY KEY, doc BLOB NOT NULL) WITHOUT ROWID;
        """
}
