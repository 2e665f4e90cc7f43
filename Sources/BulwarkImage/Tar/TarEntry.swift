import BulwarkCore

/// One member of a tar stream, with pax and GNU long-name overrides applied.
public struct TarEntry: Sendable, Hashable {
    /// The entry name exactly as the archive gives it (not normalized).
    public var name: String
    /// What the entry is.
    public var kind: FileKind
    /// Size of the entry's data in bytes (0 for links and directories).
    public var size: Int64
    /// Permission bits.
    public var mode: UInt32
    /// Target of a symlink or hard link.
    public var linkName: String?
}
