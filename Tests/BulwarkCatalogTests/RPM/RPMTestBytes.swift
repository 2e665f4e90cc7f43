/// Little helpers for writing binary fixtures in tests.
struct RPMTestBytes {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16, bigEndian: Bool) {
        let raw = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: raw) { bytes.append(contentsOf: $0) }
    }

    mutating func u32(_ value: UInt32, bigEndian: Bool) {
        let raw = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: raw) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64, bigEndian: Bool) {
        let raw = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: raw) { bytes.append(contentsOf: $0) }
    }

    /// Pads with zeros to a multiple of `alignment`.
    mutating func align(_ alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// Writes a 16-bit value into `buffer` at `offset`.
    static func put16(_ value: UInt16, into buffer: inout [UInt8], at offset: Int, bigEndian: Bool) {
        let raw = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: raw) { for (index, byte) in $0.enumerated() { buffer[offset + index] = byte } }
    }

    /// Writes a 32-bit value into `buffer` at `offset`.
    static func put32(_ value: UInt32, into buffer: inout [UInt8], at offset: Int, bigEndian: Bool) {
        let raw = bigEndian ? value.bigEndian : value.littleEndian
        withUnsafeBytes(of: raw) { for (index, byte) in $0.enumerated() { buffer[offset + index] = byte } }
    }
}

/// A small deterministic random number generator (RPMTestRandom) for reproducible fuzzing.
struct RPMTestRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
