/// What a layer cache directory holds.
public struct LayerCacheStatus: Sendable, Codable, Equatable {
    /// The cache directory (`<cache dir>/layers`).
    public var path: String
    /// Complete entries (`*.layer` files, and `*.record` files of results derived from several layers).
    public var entries: Int
    /// Bytes of all entries.
    public var totalBytes: Int64
    /// Temporary files left by writers that were interrupted (or are writing right now).
    public var temporaryFiles: Int

    /// Creates a status.
    public init(path: String, entries: Int = 0, totalBytes: Int64 = 0, temporaryFiles: Int = 0) {
        self.path = path
        self.entries = entries
        self.totalBytes = totalBytes
        self.temporaryFiles = temporaryFiles
    }
}
