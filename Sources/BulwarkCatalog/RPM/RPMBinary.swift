/// Bounds-checked integer reads from byte arrays, shared by the rpm database readers.
///
/// Every read returns `nil` instead of trapping when the requested bytes are not all inside the
/// array, so callers turn a bad offset taken from the input into a ``BulwarkError``.
enum RPMBinary {
    /// The byte at `offset`, or nil when out of range.
    @inline(__always)
    static func uint8(_ bytes: [UInt8], at offset: Int) -> UInt8? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return bytes[offset]
    }

    /// A 16-bit unsigned integer at `offset` in the given byte order, or nil when out of range.
    @inline(__always)
    static func uint16(_ bytes: [UInt8], at offset: Int, bigEndian: Bool) -> UInt16? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        let b0 = UInt16(bytes[offset])
        let b1 = UInt16(bytes[offset + 1])
        return bigEndian ? (b0 << 8 | b1) : (b1 << 8 | b0)
    }

    /// A 32-bit unsigned integer at `offset` in the given byte order, or nil when out of range.
    @inline(__always)
    static func uint32(_ bytes: [UInt8], at offset: Int, bigEndian: Bool) -> UInt32? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        let b0 = UInt32(bytes[offset])
        let b1 = UInt32(bytes[offset + 1])
        let b2 = UInt32(bytes[offset + 2])
        let b3 = UInt32(bytes[offset + 3])
        return bigEndian ? (b0 << 24 | b1 << 16 | b2 << 8 | b3) : (b3 << 24 | b2 << 16 | b1 << 8 | b0)
    }

    /// A 64-bit unsigned integer at `offset` in the given byte order, or nil when out of range.
    @inline(__always)
    static func uint64(_ bytes: [UInt8], at offset: Int, bigEndian: Bool) -> UInt64? {
        guard let first = uint32(bytes, at: offset, bigEndian: bigEndian),
            let second = uint32(bytes, at: offset + 4, bigEndian: bigEndian)
        else { return nil }
        return bigEndian ? (UInt64(first) << 32 | UInt64(second)) : (UInt64(second) << 32 | UInt64(first))
    }

    /// Whether `bytes` holds `prefix` starting at `offset`.
    static func matches(_ bytes: [UInt8], at offset: Int, _ prefix: [UInt8]) -> Bool {
        guard offset >= 0, offset <= bytes.count - prefix.count else { return false }
        for index in prefix.indices where bytes[offset + index] != prefix[index] { return false }
        return true
    }

    /// Whether `offset ..< offset + length` lies inside `0 ..< limit`, without overflowing.
    @inline(__always)
    static func fits(offset: Int, length: Int, in limit: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= limit && length <= limit - offset
    }
}
