/// Bounds-checked integer reads of one endianness over a byte array: every read past the end
/// returns nil instead of trapping, so hostile offsets in a binary can never crash a reader.
struct ELFByteReader: Sendable {
    /// The bytes read.
    let bytes: [UInt8]
    /// Whether multi-byte integers are little-endian.
    let isLittleEndian: Bool

    /// An unsigned integer of `width` bytes (1…8) at `offset`, or nil when it does not fit.
    func unsigned(at offset: Int, width: Int) -> UInt64? {
        guard offset >= 0, width > 0, width <= 8, offset <= bytes.count - width else { return nil }
        var value: UInt64 = 0
        if isLittleEndian {
            var index = offset + width - 1
            while index >= offset {
                value = value << 8 | UInt64(bytes[index])
                index -= 1
            }
        } else {
            for index in offset..<(offset + width) { value = value << 8 | UInt64(bytes[index]) }
        }
        return value
    }

    /// A 16-bit value at `offset`.
    func u16(at offset: Int) -> UInt16? { unsigned(at: offset, width: 2).map { UInt16(truncatingIfNeeded: $0) } }
    /// A 32-bit value at `offset`.
    func u32(at offset: Int) -> UInt32? { unsigned(at: offset, width: 4).map { UInt32(truncatingIfNeeded: $0) } }
    /// A 64-bit value at `offset`.
    func u64(at offset: Int) -> UInt64? { unsigned(at: offset, width: 8) }
}
