import BulwarkCore

/// The build information the Go linker embeds in every binary since Go 1.13: the toolchain
/// version and the module information text (`path`, `mod`, `dep`, `=>`, `build` lines).
public struct GoBuildInfo: Sendable, Hashable {
    /// The toolchain that built the binary, as Go writes it (`go1.19.8`, `go1.21.0 X:boringcrypto`).
    public var goVersion: String
    /// The module information text with its sentinel framing removed; empty when built outside modules.
    public var moduleInfo: String

    /// The 14-byte magic that starts the build-info blob.
    static let magic: [UInt8] = [0xFF] + Array(" Go buildinf:".utf8)

    /// The largest version or module-info string accepted (real ones are a few KiB).
    static let maximumStringLength = 4 << 20

    /// Reads the build info of `elf`: the `.go.buildinfo` section when section headers exist, else a
    /// scan of the file for the 16-byte-aligned magic. Returns nil for a file that is not a Go
    /// binary; throws `.invalidInput` naming `label` when the blob is there but corrupt.
    public static func read(from elf: ELFFile, label: String) throws(BulwarkError) -> GoBuildInfo? {
        if !elf.sections.isEmpty {
            guard let section = elf.section(named: ".go.buildinfo") else { return nil }
            guard let contents = elf.contents(of: section) else {
                throw BulwarkError.invalid(label, ".go.buildinfo section lies past the end of the file")
            }
            guard contents.starts(with: magic) else { throw BulwarkError.invalid(label, ".go.buildinfo section lacks the Go build-info magic") }
            return try decode(elf: elf, at: contents.startIndex, label: label)
        }
        // No section headers (stripped by sstrip and the like): look for an aligned magic.
        var firstError: BulwarkError?
        var start = 0
        while let found = findMagic(in: elf.bytes, from: start) {
            if found % 16 == 0 {
                do {
                    return try decode(elf: elf, at: found, label: label)
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
            start = found + 1
        }
        if let firstError { throw firstError }
        return nil
    }

    /// The offset of the next occurrence of the magic at or after `start`.
    static func findMagic(in bytes: [UInt8], from start: Int) -> Int? {
        let count = bytes.count
        guard start >= 0, count >= magic.count else { return nil }
        let last = count - magic.count
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = start
            while index <= last {
                if buffer[index] == 0xFF, buffer[index + 1] == 0x20, buffer[index + 2] == 0x47, buffer[index + 3] == 0x6F {
                    var matches = true
                    for offset in 4..<14 where buffer[index + offset] != magic[offset] {
                        matches = false
                        break
                    }
                    if matches { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// Decodes the 32-byte header at `offset` and the two strings it leads to.
    static func decode(elf: ELFFile, at offset: Int, label: String) throws(BulwarkError) -> GoBuildInfo {
        let bytes = elf.bytes
        guard offset >= 0, offset <= bytes.count - 32 else { throw BulwarkError.invalid(label, "Go build info is truncated") }
        let pointerSize = Int(bytes[offset + 14])
        let flags = bytes[offset + 15]
        let isBigEndian = flags & 1 != 0
        let version: ArraySlice<UInt8>, module: ArraySlice<UInt8>
        if flags & 2 != 0 {
            // Go 1.18+: two varint-length-prefixed strings right after the header.
            var cursor = offset + 32
            version = try inlineString(bytes, cursor: &cursor, label: label)
            module = try inlineString(bytes, cursor: &cursor, label: label)
        } else {
            guard pointerSize == 4 || pointerSize == 8 else {
                throw BulwarkError.invalid(label, "Go build info has pointer size \(pointerSize)")
            }
            let reader = ELFByteReader(bytes: bytes, isLittleEndian: !isBigEndian)
            version = try pointedString(elf: elf, reader: reader, headerField: offset + 16, pointerSize: pointerSize, label: label)
            module = try pointedString(elf: elf, reader: reader, headerField: offset + 16 + pointerSize, pointerSize: pointerSize, label: label)
        }
        return GoBuildInfo(goVersion: String(decoding: version, as: UTF8.self), moduleInfo: stripFraming(module))
    }

    /// A uvarint length then that many bytes, advancing `cursor`.
    private static func inlineString(_ bytes: [UInt8], cursor: inout Int, label: String) throws(BulwarkError) -> ArraySlice<UInt8> {
        var length: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard cursor < bytes.count, shift < 64 else { throw BulwarkError.invalid(label, "Go build info has a truncated string length") }
            let byte = bytes[cursor]
            cursor += 1
            length |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        guard length <= UInt64(maximumStringLength), length <= UInt64(bytes.count - cursor) else {
            throw BulwarkError.invalid(label, "Go build info string of \(length) bytes runs past the end of the file")
        }
        let text = bytes[cursor..<(cursor + Int(length))]
        cursor += Int(length)
        return text
    }

    /// Pre-1.18 layout: the header holds the address of a Go string header `{data, len}`.
    private static func pointedString(
        elf: ELFFile, reader: ELFByteReader, headerField: Int, pointerSize: Int, label: String
    ) throws(BulwarkError) -> ArraySlice<UInt8> {
        guard let headerAddress = reader.unsigned(at: headerField, width: pointerSize),
            let headerOffset = elf.fileOffset(ofVirtualAddress: headerAddress),
            let dataAddress = reader.unsigned(at: headerOffset, width: pointerSize),
            let length = reader.unsigned(at: headerOffset + pointerSize, width: pointerSize)
        else { throw BulwarkError.invalid(label, "Go build info points outside the file") }
        guard length <= UInt64(maximumStringLength) else {
            throw BulwarkError.invalid(label, "Go build info string of \(length) bytes is implausibly long")
        }
        if length == 0 { return [] }
        guard let data = elf.read(virtualAddress: dataAddress, count: Int(length)) else {
            throw BulwarkError.invalid(label, "Go build info string points outside the file")
        }
        return data
    }

    /// Removes the 16-byte sentinels around the module info; text without them is not module info.
    static func stripFraming(_ framed: ArraySlice<UInt8>) -> String {
        let bytes = Array(framed)
        guard bytes.count >= 33, bytes[bytes.count - 17] == 0x0A else { return "" }
        return String(decoding: bytes[16..<(bytes.count - 16)], as: UTF8.self)
    }
}
