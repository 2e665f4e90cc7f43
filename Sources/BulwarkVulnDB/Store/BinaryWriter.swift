/// Appends values in Bulwark's compact record encoding: LEB128 varints and length-prefixed UTF-8.
struct BinaryWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// Appends an unsigned varint.
    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Appends a non-negative count as a varint.
    mutating func write(count: Int) { write(UInt64(max(0, count))) }

    /// Appends one byte.
    mutating func write(byte: UInt8) { bytes.append(byte) }

    /// Appends a length-prefixed UTF-8 string.
    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(count: utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends an optional string: a presence byte, then the string.
    mutating func write(optional text: String?) {
        if let text {
            bytes.append(1)
            write(text)
        } else {
            bytes.append(0)
        }
    }

    /// Appends a string list.
    mutating func write(_ list: [String]) {
        write(count: list.count)
        for item in list { write(item) }
    }

    /// Appends a Double as its 8 IEEE bytes.
    mutating func write(double: Double) { write(double.bitPattern) }
}
