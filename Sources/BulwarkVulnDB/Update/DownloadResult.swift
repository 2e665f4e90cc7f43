/// What downloading one source produced.
public struct DownloadResult: Sendable {
    /// The source downloaded.
    public var source: UpdateSource
    /// The cached file (complete; moved into place atomically).
    public var path: String
    /// True when the server answered 304 and the previously cached file was kept.
    public var notModified: Bool
    /// The cached file's size.
    public var bytes: Int64

    /// Creates a result.
    public init(source: UpdateSource, path: String, notModified: Bool, bytes: Int64) {
        self.source = source
        self.path = path
        self.notModified = notModified
        self.bytes = bytes
    }
}
