/// A progress report for one source's download.
public struct DownloadProgress: Sendable {
    /// The source's name.
    public var source: String
    /// Bytes of the file present so far (including a resumed partial file).
    public var received: Int64
    /// The file's full size, when the server said.
    public var expected: Int64?

    /// Creates a report.
    public init(source: String, received: Int64, expected: Int64?) {
        self.source = source
        self.received = received
        self.expected = expected
    }
}
