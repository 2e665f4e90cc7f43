import BulwarkCore

/// An rpm header as a package database stores it: the "header store" without lead or magic.
///
/// Layout (all numbers big-endian): index count `il` (4 bytes), data length `dl` (4 bytes), `il`
/// index entries of 16 bytes (tag, type, offset, count), then `dl` bytes of data. The first
/// entry may be a region tag (61/62/63) whose trailer, stored in the data area, says how many
/// entries belong to the region; entries after it ("dribbles") replace region entries with the
/// same tag, as rpm does. Region tags themselves carry no package data and are not listed.
///
/// Construction validates every index entry against the data area (type, alignment, offset and
/// element count); string data is checked for its terminating NUL when read. Nothing read from
/// the blob can make an accessor trap or allocate more than the blob's size.
public struct RPMHeader: Sendable {
    /// One validated index entry.
    public struct Entry: Sendable, Hashable {
        /// The tag.
        public var tag: RPMHeaderTag
        /// The data type.
        public var type: RPMTagType
        /// Offset of the data, relative to the start of the data area.
        public var offset: Int
        /// Number of elements (bytes for binary data, strings for string arrays).
        public var count: Int
    }

    /// The largest index count rpm accepts (`HEADER_TAGS_MAX`).
    public static let maxIndexCount = 0xFFFF
    /// The largest data area rpm accepts (`HEADER_DATA_MAX`, 256 MiB).
    public static let maxDataLength = 0x0FFF_FFFF

    /// Names the blob in error messages: the database path and the record.
    public let source: String
    /// The region tag of the header (usually ``RPMHeaderTag/headerImmutable``), when it has one.
    public let regionTag: RPMHeaderTag?
    /// The data entries by tag (region tags excluded; later entries win, as in rpm).
    public let entries: [RPMHeaderTag: Entry]

    private let blob: [UInt8]
    private let dataStart: Int
    private let dataLength: Int

    /// Parses and validates a header blob; `source` names it in errors (e.g. `path (record 3)`).
    public init(blob: [UInt8], source: String) throws(BulwarkError) {
        self.source = source
        self.blob = blob
        guard blob.count >= 8,
            let indexCount32 = RPMBinary.uint32(blob, at: 0, bigEndian: true),
            let dataLength32 = RPMBinary.uint32(blob, at: 4, bigEndian: true)
        else {
            throw .invalid(source, "rpm header of \(blob.count) bytes is shorter than its 8-byte preamble")
        }
        let indexCount = Int(indexCount32)
        let dataLength = Int(dataLength32)
        guard indexCount >= 1, indexCount <= Self.maxIndexCount else {
            throw .invalid(source, "rpm header index count \(indexCount32) is out of range (1...\(Self.maxIndexCount))")
        }
        guard dataLength <= Self.maxDataLength else {
            throw .invalid(source, "rpm header data length \(dataLength32) exceeds \(Self.maxDataLength) bytes")
        }
        let dataStart = 8 + indexCount * 16
        guard RPMBinary.fits(offset: dataStart, length: dataLength, in: blob.count) else {
            throw .invalid(
                source,
                "rpm header is truncated: \(indexCount) index entries and \(dataLength) data bytes need "
                    + "\(dataStart + dataLength) bytes, the blob has \(blob.count)")
        }
        self.dataStart = dataStart
        self.dataLength = dataLength

        var entries: [RPMHeaderTag: Entry] = [:]
        entries.reserveCapacity(indexCount)
        var regionTag: RPMHeaderTag?
        for index in 0..<indexCount {
            let base = 8 + index * 16
            // In range: base + 16 <= dataStart <= blob.count was checked above.
            let tagBits = RPMBinary.uint32(blob, at: base, bigEndian: true) ?? 0
            let typeRaw = RPMBinary.uint32(blob, at: base + 4, bigEndian: true) ?? 0
            let offsetBits = RPMBinary.uint32(blob, at: base + 8, bigEndian: true) ?? 0
            let count32 = RPMBinary.uint32(blob, at: base + 12, bigEndian: true) ?? 0
            let tag = RPMHeaderTag(Int32(bitPattern: tagBits))
            let offset = Int(Int32(bitPattern: offsetBits))
            let count = Int(count32)

            if tag.isRegion {
                if index == 0 {
                    try Self.verifyRegion(
                        tag: tag, typeRaw: typeRaw, offset: offset, count: count, blob: blob,
                        dataStart: dataStart, dataLength: dataLength, indexCount: indexCount, source: source)
                    regionTag = tag
                }
                continue
            }
            guard let type = RPMTagType(rawValue: typeRaw) else {
                throw .invalid(source, "rpm header entry \(index) (tag \(tag)) has unknown type \(typeRaw)")
            }
            guard offset >= 0, offset <= dataLength else {
                throw .invalid(
                    source,
                    "rpm header entry \(index) (tag \(tag)) offset \(offset) is outside the \(dataLength)-byte data area")
            }
            if let size = type.elementSize {
                if size > 1, offset % size != 0 {
                    throw .invalid(source, "rpm header entry \(index) (tag \(tag)) offset \(offset) is misaligned")
                }
                if size > 0, count > (dataLength - offset) / size {
                    throw .invalid(
                        source,
                        "rpm header entry \(index) (tag \(tag)) claims \(count) elements, past the end of the data area")
                }
            } else if count > dataLength - offset {
                // Every string needs at least its NUL byte.
                throw .invalid(
                    source,
                    "rpm header entry \(index) (tag \(tag)) claims \(count) strings, past the end of the data area")
            }
            // Tags below 100 other than regions carry nothing a package reader uses.
            guard tag >= .headerI18NTable else { continue }
            entries[tag] = Entry(tag: tag, type: type, offset: offset, count: count)
        }
        self.regionTag = regionTag
        self.entries = entries
    }

    /// Checks a region entry and its trailer the way rpm's `hdrblobVerifyRegion` does.
    private static func verifyRegion(
        tag: RPMHeaderTag, typeRaw: UInt32, offset: Int, count: Int, blob: [UInt8],
        dataStart: Int, dataLength: Int, indexCount: Int, source: String
    ) throws(BulwarkError) {
        guard typeRaw == RPMTagType.binary.rawValue, count == 16 else {
            throw .invalid(source, "rpm header region tag \(tag) has type \(typeRaw) and count \(count), expected 7 and 16")
        }
        guard RPMBinary.fits(offset: offset, length: 16, in: dataLength) else {
            throw .invalid(source, "rpm header region trailer offset \(offset) is outside the data area")
        }
        let trailer = dataStart + offset
        let trailerTag = RPMHeaderTag(Int32(bitPattern: RPMBinary.uint32(blob, at: trailer, bigEndian: true) ?? 0))
        let trailerType = RPMBinary.uint32(blob, at: trailer + 4, bigEndian: true) ?? 0
        let trailerOffset = Int(Int32(bitPattern: RPMBinary.uint32(blob, at: trailer + 8, bigEndian: true) ?? 0))
        let trailerCount = RPMBinary.uint32(blob, at: trailer + 12, bigEndian: true) ?? 0
        // Old rpm versions wrote HEADERIMAGE in the trailer of an immutable region.
        guard trailerTag == tag || trailerTag == .headerImage,
            trailerType == RPMTagType.binary.rawValue, trailerCount == 16
        else {
            throw .invalid(source, "rpm header region trailer is damaged (tag \(trailerTag), type \(trailerType))")
        }
        let regionBytes = -trailerOffset
        guard regionBytes > 0, regionBytes % 16 == 0, regionBytes / 16 <= indexCount else {
            throw .invalid(source, "rpm header region size \(regionBytes) does not fit \(indexCount) index entries")
        }
    }

    /// The tags present, sorted.
    public var tags: [RPMHeaderTag] { entries.keys.sorted() }

    /// Whether the header has an entry for `tag`.
    public func contains(_ tag: RPMHeaderTag) -> Bool { entries[tag] != nil }

    /// All strings of a string, string-array or i18n-string entry; nil when the tag is absent.
    public func strings(_ tag: RPMHeaderTag) throws(BulwarkError) -> [String]? {
        guard let entry = entries[tag] else { return nil }
        return try decodeStrings(entry, limit: entry.count)
    }

    /// The first string of a string-typed entry (the untranslated text of an i18n string);
    /// nil when the tag is absent or holds no strings.
    public func string(_ tag: RPMHeaderTag) throws(BulwarkError) -> String? {
        guard let entry = entries[tag] else { return nil }
        return try decodeStrings(entry, limit: 1).first
    }

    /// The values of an integer entry (char, int8, int16, int32 or int64), read unsigned;
    /// nil when the tag is absent.
    public func integers(_ tag: RPMHeaderTag) throws(BulwarkError) -> [UInt64]? {
        guard let entry = entries[tag] else { return nil }
        let start = dataStart + entry.offset
        var values: [UInt64] = []
        values.reserveCapacity(entry.count)
        switch entry.type {
        case .char, .int8:
            for index in 0..<entry.count { values.append(UInt64(blob[start + index])) }
        case .int16:
            for index in 0..<entry.count {
                values.append(UInt64(RPMBinary.uint16(blob, at: start + index * 2, bigEndian: true) ?? 0))
            }
        case .int32:
            for index in 0..<entry.count {
                values.append(UInt64(RPMBinary.uint32(blob, at: start + index * 4, bigEndian: true) ?? 0))
            }
        case .int64:
            for index in 0..<entry.count {
                values.append(RPMBinary.uint64(blob, at: start + index * 8, bigEndian: true) ?? 0)
            }
        default:
            throw .invalid(source, "rpm header tag \(tag) has type \(entry.type), expected an integer")
        }
        return values
    }

    /// The first value of an integer entry; nil when the tag is absent or empty.
    public func integer(_ tag: RPMHeaderTag) throws(BulwarkError) -> UInt64? {
        try integers(tag)?.first
    }

    /// The raw bytes of a binary, char or int8 entry; nil when the tag is absent.
    public func binary(_ tag: RPMHeaderTag) throws(BulwarkError) -> [UInt8]? {
        guard let entry = entries[tag] else { return nil }
        switch entry.type {
        case .binary, .char, .int8:
            let start = dataStart + entry.offset
            return Array(blob[start..<(start + entry.count)])
        default:
            throw .invalid(source, "rpm header tag \(entry.tag) has type \(entry.type), expected binary data")
        }
    }

    /// Decodes up to `limit` NUL-terminated strings of `entry`, checking each ends inside the data.
    private func decodeStrings(_ entry: Entry, limit: Int) throws(BulwarkError) -> [String] {
        guard entry.type.isString else {
            throw .invalid(source, "rpm header tag \(entry.tag) has type \(entry.type), expected a string")
        }
        let wanted = entry.type == .string ? min(limit, 1) : min(limit, entry.count)
        let end = dataStart + dataLength
        let start = dataStart + entry.offset
        let decoded: [String]? = blob.withUnsafeBufferPointer { buffer -> [String]? in
            var strings: [String] = []
            strings.reserveCapacity(wanted)
            var cursor = start
            while strings.count < wanted {
                var terminator = cursor
                while terminator < end, buffer[terminator] != 0 { terminator += 1 }
                guard terminator < end else { return nil }
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[cursor..<terminator]), as: UTF8.self))
                cursor = terminator + 1
            }
            return strings
        }
        guard let decoded else {
            throw .invalid(source, "rpm header tag \(entry.tag) has a string that runs past the end of the data area")
        }
        return decoded
    }
}
