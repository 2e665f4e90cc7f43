import BulwarkCore

/// Reads values written by ``BinaryWriter``; every read is bounds-checked and throws on truncation.
struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// Names the record in errors.
    private let label: String

    init(_ bytes: UnsafeRawBufferPointer, label: String) {
        self.bytes = bytes
        self.label = label
    }

    /// True when every byte was read.
    var isAtEnd: Bool { offset >= bytes.count }

    private func truncated() -> BulwarkError {
        BulwarkError(.invalidInput, "\(label): stored record is truncated or corrupt", hint: "run `bulwark db update` to rebuild the database")
    }

    /// Reads an unsigned varint.
    mutating func readVarint() throws(BulwarkError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 { break }
        }
        throw truncated()
    }

    /// Reads a count, bounded by the bytes left (each element takes at least one byte).
    mutating func readCount() throws(BulwarkError) -> Int {
        let value = try readVarint()
        guard value <= UInt64(bytes.count - offset) else { throw truncated() }
        return Int(value)
    }

    /// Reads one byte.
    mutating func readByte() throws(BulwarkError) -> UInt8 {
        guard offset < bytes.count else { throw truncated() }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads a length-prefixed string.
    mutating func readString() throws(BulwarkError) -> String {
        let count = try readCount()
        let start = offset
        offset += count
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<start + count]), as: UTF8.self)
    }

    /// Reads an optional string.
    mutating func readOptionalString() throws(BulwarkError) -> String? {
        try readByte() == 0 ? nil : try readString()
    }

    /// Reads a string list.
    mutating func readStrings() throws(BulwarkError) -> [String] {
        let count = try readCount()
        var list: [String] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try readString()) }
        return list
    }

    /// Reads a Double.
    mutating func readDouble() throws(BulwarkError) -> Double { Double(bitPattern: try readVarint()) }
}
