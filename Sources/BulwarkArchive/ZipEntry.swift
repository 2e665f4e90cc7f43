/// One file listed in a zip's central directory. `name` is only a label: it is never used as a
/// file-system path.
public struct ZipEntry: Sendable, Hashable {
    /// The stored name (UTF-8, or bytes decoded leniently).
    public var name: String
    /// 0 = stored, 8 = deflate; other methods are rejected when read.
    public var method: UInt16
    public var flags: UInt16
    public var crc32: UInt32
    public var compressedSize: Int
    public var uncompressedSize: Int
    /// Where the entry's local header starts.
    public var localHeaderOffset: Int

    /// True for directory entries (names ending in `/`).
    public var isDirectory: Bool { name.hasSuffix("/") }
}
