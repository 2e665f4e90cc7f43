import BulwarkCore

/// Reads the records of a Berkeley DB hash database, the format of rpm's `Packages` file on
/// CentOS/RHEL 5–8 and older SUSE, without libdb.
///
/// Layout used (from the Berkeley DB page format):
/// - Page 0 is the hash metadata page: magic `0x061561` at offset 12 (in the byte order of the
///   machine that wrote it, which decides how every other number is read), version at 16,
///   page size at 20, encryption at 24, page type 8 at 25, last page number at 32.
/// - Every page starts with a 26-byte header: page number at 8, next page at 16, entry count
///   at 20, "high free offset" at 22 (the used length on overflow pages), type at 25.
/// - Hash pages (type 13, or 2 for pre-4.6 unsorted ones) hold `entries` 2-byte item offsets
///   after the header, in key/value pairs. An item starts with its kind: `H_KEYDATA` (1) is
///   followed by the bytes inline up to the previous item; `H_OFFPAGE` (3) holds the first
///   overflow page number (offset 4) and total length (offset 8).
/// - Overflow pages (type 7) carry `hf_offset` bytes after the header and chain through the
///   next page number.
///
/// The reader scans pages in file order, as go-rpmdb does, which visits every bucket and bucket
/// overflow page exactly once. Each overflow page may belong to one chain only, so loops and
/// shared chains are detected and the total work stays linear in the file size.
public enum BerkeleyDBHashReader {
    /// The hash database magic number.
    public static let hashMagic: UInt32 = 0x0006_1561
    /// Size of the generic page header.
    static let pageHeaderSize = 26

    /// Whether `bytes` starts like a Berkeley DB hash database (magic at offset 12, either byte order).
    public static func isHashDatabase(_ bytes: [UInt8]) -> Bool {
        RPMBinary.uint32(bytes, at: 12, bigEndian: false) == hashMagic
            || RPMBinary.uint32(bytes, at: 12, bigEndian: true) == hashMagic
    }

    /// One key/value pair of the database.
    public struct Record: Sendable, Hashable {
        /// The key bytes (empty when the key is stored off-page, which rpm never does).
        public var key: [UInt8]
        /// The value bytes.
        public var value: [UInt8]
    }

    /// The values of all records, in page order, skipping records whose key is all zero bytes
    /// (rpm keeps its "next instance number" under key 0).
    public static func values(in bytes: [UInt8], path: String) throws(BulwarkError) -> [[UInt8]] {
        try records(in: bytes, path: path).compactMap { record in
            record.key.allSatisfy { $0 == 0 } && !record.key.isEmpty ? nil : record.value
        }
    }

    /// All key/value records of the database, in page order.
    public static func records(in bytes: [UInt8], path: String) throws(BulwarkError) -> [Record] {
        var reader = try Scanner(bytes: bytes, path: path)
        return try reader.readAll()
    }

    /// The state of one scan: geometry from the metadata page and the overflow pages used so far.
    private struct Scanner {
        let bytes: [UInt8]
        let path: String
        let bigEndian: Bool
        let pageSize: Int
        let pageCount: Int
        var usedOverflowPages: [Bool]

        init(bytes: [UInt8], path: String) throws(BulwarkError) {
            self.bytes = bytes
            self.path = path
            if RPMBinary.uint32(bytes, at: 12, bigEndian: false) == BerkeleyDBHashReader.hashMagic {
                bigEndian = false
            } else if RPMBinary.uint32(bytes, at: 12, bigEndian: true) == BerkeleyDBHashReader.hashMagic {
                bigEndian = true
            } else {
                throw .invalid(path, "not a Berkeley DB hash database (no magic 0x061561 at offset 12)")
            }
            let version = RPMBinary.uint32(bytes, at: 16, bigEndian: bigEndian) ?? 0
            guard (8...10).contains(version) else {
                throw BulwarkError(.unsupported, "\(path): Berkeley DB hash version \(version) is not supported (8–10 are)")
            }
            let pageSize = Int(RPMBinary.uint32(bytes, at: 20, bigEndian: bigEndian) ?? 0)
            guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else {
                throw .invalid(path, "Berkeley DB page size \(pageSize) is not a power of two between 512 and 65536")
            }
            guard RPMBinary.uint8(bytes, at: 24) == 0 else {
                throw BulwarkError(.unsupported, "\(path): encrypted Berkeley DB databases are not supported")
            }
            guard RPMBinary.uint8(bytes, at: 25) == 8 else {
                throw .invalid(path, "Berkeley DB metadata page has type \(RPMBinary.uint8(bytes, at: 25) ?? 0), expected 8 (hash)")
            }
            guard bytes.count >= pageSize else {
                throw .invalid(path, "Berkeley DB file of \(bytes.count) bytes is shorter than one \(pageSize)-byte page")
            }
            let lastPage = Int(RPMBinary.uint32(bytes, at: 32, bigEndian: bigEndian) ?? 0)
            self.pageSize = pageSize
            // Pages past the file's end (a truncated copy) or past last_pgno are not read.
            self.pageCount = min(bytes.count / pageSize, lastPage + 1)
            self.usedOverflowPages = Array(repeating: false, count: pageCount)
        }

        mutating func readAll() throws(BulwarkError) -> [Record] {
            var records: [Record] = []
            for page in 1..<max(pageCount, 1) {
                let base = page * pageSize
                let type = bytes[base + 25]
                guard type == 13 || type == 2 else { continue }
                try readHashPage(page, into: &records)
            }
            return records
        }

        func u16(_ offset: Int) -> Int { Int(RPMBinary.uint16(bytes, at: offset, bigEndian: bigEndian) ?? 0) }
        func u32(_ offset: Int) -> Int { Int(RPMBinary.uint32(bytes, at: offset, bigEndian: bigEndian) ?? 0) }

        mutating func readHashPage(_ page: Int, into records: inout [Record]) throws(BulwarkError) {
            let base = page * pageSize
            guard u32(base + 8) == page else {
                throw .invalid(path, "Berkeley DB hash page \(page) records page number \(u32(base + 8))")
            }
            let entryCount = u16(base + 20)
            let indexEnd = BerkeleyDBHashReader.pageHeaderSize + entryCount * 2
            guard indexEnd <= pageSize else {
                throw .invalid(path, "Berkeley DB hash page \(page) claims \(entryCount) entries, more than fit in a page")
            }
            var pair = 0
            while pair + 1 < entryCount {
                let keyOffset = u16(base + 26 + pair * 2)
                let valueOffset = u16(base + 28 + pair * 2)
                let keyEnd = pair == 0 ? pageSize : u16(base + 24 + pair * 2)
                guard keyOffset >= indexEnd, valueOffset >= indexEnd, valueOffset < keyOffset, keyOffset < keyEnd,
                    keyEnd <= pageSize
                else {
                    throw .invalid(
                        path, "Berkeley DB hash page \(page) entry \(pair) has item offsets out of order or out of the page")
                }
                let key = try item(page: page, start: keyOffset, end: keyEnd, readOffPage: false)
                let value = try item(page: page, start: valueOffset, end: keyOffset, readOffPage: true)
                records.append(Record(key: key, value: value))
                pair += 2
            }
        }

        /// The bytes of the item at `start ..< end` on `page`: inline data or an overflow chain.
        mutating func item(page: Int, start: Int, end: Int, readOffPage: Bool) throws(BulwarkError) -> [UInt8] {
            let base = page * pageSize
            switch bytes[base + start] {
            case 1:  // H_KEYDATA
                return Array(bytes[(base + start + 1)..<(base + end)])
            case 3:  // H_OFFPAGE
                guard end - start >= 12 else {
                    throw .invalid(path, "Berkeley DB hash page \(page) has a truncated off-page item")
                }
                guard readOffPage else { return [] }
                return try overflowChain(first: u32(base + start + 4), length: u32(base + start + 8), from: page)
            case 2, 4:  // H_DUPLICATE, H_OFFDUP
                throw BulwarkError(
                    .unsupported, "\(path): Berkeley DB hash page \(page) holds duplicate items, which rpm never writes")
            case let kind:
                throw .invalid(path, "Berkeley DB hash page \(page) has an item of unknown kind \(kind)")
            }
        }

        /// Concatenates an overflow chain of `length` bytes starting at page `first`.
        mutating func overflowChain(first: Int, length: Int, from hashPage: Int) throws(BulwarkError) -> [UInt8] {
            guard length > 0, length <= bytes.count else {
                throw .invalid(path, "Berkeley DB hash page \(hashPage) has an off-page item of impossible length \(length)")
            }
            var value: [UInt8] = []
            value.reserveCapacity(length)
            var page = first
            let capacity = pageSize - BerkeleyDBHashReader.pageHeaderSize
            while value.count < length {
                guard page > 0, page < pageCount else {
                    throw .invalid(path, "Berkeley DB overflow chain from page \(hashPage) reaches page \(page), outside the file")
                }
                guard !usedOverflowPages[page] else {
                    throw .invalid(path, "Berkeley DB overflow page \(page) is reached twice (a loop or shared chain)")
                }
                usedOverflowPages[page] = true
                let base = page * pageSize
                guard bytes[base + 25] == 7, u32(base + 8) == page else {
                    throw .invalid(path, "Berkeley DB page \(page) in an overflow chain is not an overflow page")
                }
                let used = u16(base + 22)
                guard used > 0, used <= capacity, used <= length - value.count else {
                    throw .invalid(
                        path, "Berkeley DB overflow page \(page) holds \(used) bytes, inconsistent with the item length")
                }
                value.append(contentsOf: bytes[(base + 26)..<(base + 26 + used)])
                page = u32(base + 16)
            }
            return value
        }
    }
}
