import BulwarkCore

/// One parsed 512-byte tar header block (ustar, GNU or v7), before pax/GNU-long-name overrides.
struct TarHeader {
    var name: String
    var linkName: String
    var size: Int64
    var mode: UInt32
    var typeFlag: UInt8

    /// Result of looking at a 512-byte block.
    enum Block {
        case header(TarHeader)
        case zero
    }

    /// Parses a header held in an array.
    static func parse(bytes: [UInt8], label: String) throws(BulwarkError) -> Block {
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 16)
        defer { raw.deallocate() }
        guard bytes.count >= 512 else { throw BulwarkError.invalid(label, "truncated tar header") }
        raw.copyBytes(from: bytes[0..<512])
        return try parse(UnsafeRawBufferPointer(raw), label: label)
    }

    /// Parses a header block, verifying its checksum.
    static func parse(_ block: UnsafeRawBufferPointer, label: String) throws(BulwarkError) -> Block {
        guard block.count >= 512 else { throw BulwarkError.invalid(label, "truncated tar header") }
        if block.allSatisfy({ $0 == 0 }) { return .zero }
        let stored = try octal(block, 148, 8, label: label, field: "checksum")
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for index in 0..<512 {
            let byte = (148..<156).contains(index) ? 0x20 : block[index]
            unsigned += Int64(byte)
            signed += Int64(Int8(bitPattern: byte))
        }
        guard stored == unsigned || stored == signed else {
            throw BulwarkError.invalid(label, "not a tar archive or corrupt tar header (checksum mismatch)")
        }
        var name = string(block, 0, 100)
        let magic = string(block, 257, 6)
        if magic.hasPrefix("ustar") && !(magic == "ustar " ) {
            let prefix = string(block, 345, 155)
            if !prefix.isEmpty { name = prefix + "/" + name }
        }
        let size = try number(block, 124, 12, label: label, field: "size")
        guard size >= 0 else { throw BulwarkError.invalid(label, "negative entry size in tar header") }
        let mode = UInt32(truncatingIfNeeded: (try? octal(block, 100, 8, label: label, field: "mode")) ?? 0o644)
        return .header(TarHeader(name: name, linkName: string(block, 157, 100), size: size, mode: mode & 0o7777, typeFlag: block[156]))
    }

    static func string(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> String {
        var end = offset
        while end < offset + length && block[end] != 0 { end += 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: block[offset..<end]), as: UTF8.self)
    }

    /// Reads an octal field, or the GNU base-256 form when the high bit is set.
    static func number(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int, label: String, field: String) throws(BulwarkError) -> Int64 {
        if block[offset] & 0x80 != 0 {
            var value: Int64 = Int64(block[offset] & 0x7F)
            for index in (offset + 1)..<(offset + length) {
                guard value < (Int64.max >> 8) else { throw BulwarkError.invalid(label, "tar \(field) field overflows") }
                value = (value << 8) | Int64(block[index])
            }
            return value
        }
        return try octal(block, offset, length, label: label, field: field)
    }

    static func octal(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int, label: String, field: String) throws(BulwarkError) -> Int64 {
        var value: Int64 = 0
        var seenDigit = false
        for index in offset..<(offset + length) {
            let byte = block[index]
            if byte == 0 || (byte == 0x20 && seenDigit) { break }
            if byte == 0x20 { continue }
            guard byte >= 0x30 && byte <= 0x37 else { throw BulwarkError.invalid(label, "corrupt tar header (bad \(field) field)") }
            guard value < (Int64.max >> 3) else { throw BulwarkError.invalid(label, "tar \(field) field overflows") }
            value = value * 8 + Int64(byte - 0x30)
            seenDigit = true
        }
        return value
    }
}

/// Parses pax extended header records (`LEN key=value\n`).
enum PaxRecords {
    static func parse(_ data: [UInt8], label: String) throws(BulwarkError) -> [String: String] {
        var result: [String: String] = [:]
        var index = 0
        while index < data.count {
            if data[index] == 0 { break }
            var length = 0
            var cursor = index
            while cursor < data.count, data[cursor] >= 0x30, data[cursor] <= 0x39, length < 100_000_000 {
                length = length * 10 + Int(data[cursor] - 0x30)
                cursor += 1
            }
            guard cursor < data.count, data[cursor] == 0x20, length > cursor - index, index + length <= data.count else {
                throw BulwarkError.invalid(label, "malformed pax extended header")
            }
            let record = data[(cursor + 1)..<(index + length)]
            let body = record.last == 0x0A ? record.dropLast() : record
            if let equals = body.firstIndex(of: 0x3D) {
                let key = String(decoding: body[body.startIndex..<equals], as: UTF8.self)
                let value = String(decoding: body[(equals + 1)...], as: UTF8.self)
                result[key] = value
            }
            index += length
        }
        return result
    }
}
