/// Appends little-endian integers and length-prefixed strings and byte runs to one growing buffer:
/// the writing half of the layer cache's binary format.
///
/// Lengths are `UInt32`; ``absent`` (`UInt32.max`) marks a nil optional.
struct CacheByteWriter {
    /// The length prefix that stands for nil.
    static let absent = UInt32.max

    /// The bytes written so far.
    var bytes: [UInt8]

    /// Starts an empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) { write(Int64(value)) }

    /// A count or length; callers only ever pass in-memory sizes, which are far below 4 GiB per
    /// item for strings and counts (byte runs over that are refused by ``writeBytes(_:)``).
    mutating func writeLength(_ value: Int) { write(UInt32(truncatingIfNeeded: value)) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            writeLength(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ string: String?) {
        guard let string else { return write(Self.absent) }
        write(string)
    }

    mutating func write(_ strings: [String]) {
        writeLength(strings.count)
        for string in strings { write(string) }
    }

    mutating func write(_ value: Int?) {
        guard let value else { return write(false) }
        write(true)
        write(value)
    }

    /// A byte run; false when it is too long for a `UInt32` length (the entry is then not cached).
    mutating func writeBytes(_ run: [UInt8]) -> Bool {
        guard run.count < Int(Self.absent) else { return false }
        writeLength(run.count)
        bytes.append(contentsOf: run)
        return true
    }
}
