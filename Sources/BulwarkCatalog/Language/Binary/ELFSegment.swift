/// One loadable program header (`PT_LOAD`) of an ELF file: maps virtual addresses to file bytes.
public struct ELFSegment: Sendable, Hashable {
    /// `p_type` (1 = LOAD).
    public var type: UInt32
    /// `p_flags` (1 = X, 2 = W, 4 = R).
    public var flags: UInt32
    /// Where the segment starts in the file.
    public var offset: UInt64
    /// The virtual address it is loaded at.
    public var virtualAddress: UInt64
    /// Bytes present in the file.
    public var fileSize: UInt64
    /// Bytes in memory (≥ fileSize; the rest is zero-filled).
    public var memorySize: UInt64

    /// The `PT_LOAD` program-header type.
    public static let typeLoad: UInt32 = 1
}
