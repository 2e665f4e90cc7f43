/// Reads license names from Debian copyright files: the DEP-5 machine-readable format's `License:`
/// fields, or, for free-form files, the `/usr/share/common-licenses/NAME` files they refer to.
/// Nothing is guessed from prose.
enum DebianCopyright {
    static func licenses(in bytes: [UInt8]) -> [String] {
        var seen: [String] = []
        func add(_ value: String) {
            if !value.isEmpty, value.count < 120, !seen.contains(value) { seen.append(value) }
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        for rawLine in lines where rawLine.starts(with: Array("License:".utf8)) {
            add(String(decoding: rawLine.dropFirst(8), as: UTF8.self).trimmingSpaces())
        }
        if !seen.isEmpty { return seen }
        let marker = Array("/usr/share/common-licenses/".utf8)
        for line in lines {
            var index = line.startIndex
            while let found = find(marker, in: line, from: index) {
                var end = found + marker.count
                while end < line.endIndex, isNameByte(line[end]) { end += 1 }
                var name = String(decoding: line[(found + marker.count)..<end], as: UTF8.self)
                while name.hasSuffix(".") { name.removeLast() }
                // `common-licenses/GPL` names no version: the text's "either version 2 … or (at your option) any
                // later version" does (Debian's short names: GPL-2+, LGPL-2.1, GFDL-1.3+).
                add(GNUVersionStatement.versioned(name, in: bytes) ?? name)
                index = end
            }
        }
        return seen
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E || byte == 0x2B || byte == 0x5F
    }

    /// The first position at or after `start` where `needle` occurs in `haystack`.
    static func find<Bytes: RandomAccessCollection>(_ needle: [UInt8], in haystack: Bytes, from start: Int) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard let first = needle.first, needle.count <= haystack.endIndex - start else { return nil }
        var index = start
        while index + needle.count <= haystack.endIndex {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
