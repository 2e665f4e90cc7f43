/// One entry of an ELF section header table, with its name resolved from the section-name table.
public struct ELFSection: Sendable, Hashable {
    /// The section name (`.go.buildinfo`, `.dep-v0`…); empty when the name table is missing or bad.
    public var name: String
    /// `sh_type` (1 = PROGBITS, 8 = NOBITS…).
    public var type: UInt32
    /// `sh_flags` (2 = ALLOC…).
    public var flags: UInt64
    /// The virtual address when loaded (`sh_addr`).
    public var address: UInt64
    /// Where the contents start in the file (`sh_offset`).
    public var offset: UInt64
    /// The size of the contents (`sh_size`).
    public var size: UInt64

    /// The `SHT_NOBITS` type: a section occupying no file bytes (`.bss`).
    public static let typeNoBits: UInt32 = 8

    /// Whether the section occupies no bytes in the file.
    public var hasNoFileContents: Bool { type == Self.typeNoBits || type == 0 }
}
