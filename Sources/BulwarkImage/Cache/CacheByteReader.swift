/// Why a cache entry could not be decoded; always treated as a cache miss.
struct CorruptCacheEntry: Error, Sendable {
    /// What was wrong, for debug logs.
    var reason: String
}

/// Reads what ``CacheByteWriter`` wrote, checking every length against the bytes that remain, so a
/// truncated or garbage entry ends in ``CorruptCacheEntry`` — never a crash or a huge allocation.
///
/// Only valid inside the `withUnsafeBytes` call that produced `buffer`.
struct CacheByteReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    /// Bytes not read yet.
    var remaining: Int { buffer.count - offset }

    private mutating func advance(_ count: Int) throws(CorruptCacheEntry) -> Int {
        guard count >= 0, count <= remaining else { throw CorruptCacheEntry(reason: "truncated at byte \(offset)") }
        let start = offset
        offset += count
        return start
    }

    mutating func readByte() throws(CorruptCacheEntry) -> UInt8 {
        buffer[try advance(1)]
    }

    mutating func readBool() throws(CorruptCacheEntry) -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let other: throw CorruptCacheEntry(reason: "bad flag \(other) at byte \(offset - 1)")
        }
    }

    mutating func readUInt32() throws(CorruptCacheEntry) -> UInt32 {
        UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: try advance(4), as: UInt32.self))
    }

    mutating func readInt64() throws(CorruptCacheEntry) -> Int64 {
        Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: try advance(8), as: Int64.self))
    }

    mutating func readInt() throws(CorruptCacheEntry) -> Int {
        let value = try readInt64()
        guard let int = Int(exactly: value) else { throw CorruptCacheEntry(reason: "integer out of range") }
        return int
    }

    /// A count of items that each take at least `minimumItemSize` bytes, so it can never ask for
    /// more items than the remaining bytes could hold.
    mutating func readCount(minimumItemSize: Int = 1) throws(CorruptCacheEntry) -> Int {
        let count = Int(try readUInt32())
        guard count <= remaining / max(1, minimumItemSize) else { throw CorruptCacheEntry(reason: "count \(count) exceeds the entry") }
        return count
    }

    private mutating func readRun(length: UInt32) throws(CorruptCacheEntry) -> UnsafeRawBufferPointer {
        let count = Int(length)
        let start = try advance(count)
        return UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)])
    }

    mutating func readString() throws(CorruptCacheEntry) -> String {
        let length = try readUInt32()
        guard length != CacheByteWriter.absent else { throw CorruptCacheEntry(reason: "missing string at byte \(offset - 4)") }
        return String(decoding: try readRun(length: length), as: UTF8.self)
    }

    mutating func readOptionalString() throws(CorruptCacheEntry) -> String? {
        let length = try readUInt32()
        if length == CacheByteWriter.absent { return nil }
        return String(decoding: try readRun(length: length), as: UTF8.self)
    }

    mutating func readStrings() throws(CorruptCacheEntry) -> [String] {
        let count = try readCount(minimumItemSize: 4)
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try readString()) }
        return strings
    }

    mutating func readOptionalInt() throws(CorruptCacheEntry) -> Int? {
        try readBool() ? try readInt() : nil
    }

    /// A byte run, copied once into its own array.
    mutating func readBytes() throws(CorruptCacheEntry) -> [UInt8] {
        let length = try readUInt32()
        guard length != CacheByteWriter.absent else { throw CorruptCacheEntry(reason: "missing byte run at byte \(offset - 4)") }
        return [UInt8](try readRun(length: length))
    }
}
