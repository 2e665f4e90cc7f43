/// What `bulwark db status` shows: the schema, when the database was built, and what it holds.
public struct DatabaseMetadata: Sendable, Codable {
    public var schemaVersion: Int
    /// When the database was committed, RFC 3339 (UTC).
    public var builtAt: String
    /// The feeds it was built from.
    public var sources: [SourceInfo]
    public var advisoryCount: Int
    public var affectedCount: Int
    public var enrichmentCount: Int

    /// Creates metadata.
    public init(schemaVersion: Int, builtAt: String, sources: [SourceInfo], advisoryCount: Int, affectedCount: Int, enrichmentCount: Int) {
        self.schemaVersion = schemaVersion
        self.builtAt = builtAt
        self.sources = sources
        self.advisoryCount = advisoryCount
        self.affectedCount = affectedCount
        self.enrichmentCount = enrichmentCount
    }
}

/// One imported feed: its name (`osv-pypi`, `nvd`…), kind (`osv`, `alpine-secdb`…), how many
/// records it gave and when (RFC 3339).
public struct SourceInfo: Sendable, Codable {
    public var name: String
    public var kind: String
    public var records: Int
    public var importedAt: String

    /// Creates a source row.
    public init(name: String, kind: String, records: Int, importedAt: String) {
        self.name = name
        self.kind = kind
        self.records = records
        self.importedAt = importedAt
    }
}
