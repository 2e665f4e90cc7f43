/// Turns lockfile bytes into text: UTF-8 (a byte-order mark is dropped) or UTF-16 LE/BE with a
/// byte-order mark, as Windows editors save `requirements.txt`. Invalid sequences become U+FFFD.
public enum TextDecoding {
    /// The text of `bytes`.
    public static func text(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false) }
        return utf8(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...])
    }

    /// Decodes UTF-8; invalid bytes become `?`. The standard library's own repair is very slow on
    /// large garbage (seconds per megabyte), so invalid input is cleaned here first, in one pass.
    static func utf8(_ bytes: ArraySlice<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var clean: [UInt8] = []
        clean.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.endIndex
            if valid && length > 1 {
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { valid = false }
                // Overlong, surrogate and out-of-range forms.
                if valid, length == 3 {
                    let second = bytes[index + 1]
                    if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { valid = false }
                }
                if valid, length == 4 {
                    let second = bytes[index + 1]
                    if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { valid = false }
                }
            }
            if valid {
                clean.append(contentsOf: bytes[index..<index + length])
                index += length
            } else {
                clean.append(0x3F)
                index += 1
            }
        }
        return String(decoding: clean, as: UTF8.self)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The lines of `text` (without `\n` or a trailing `\r`), numbered from 1.
    public static func numberedLines(_ text: String) -> [(number: Int, text: Substring)] {
        var result: [(number: Int, text: Substring)] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            result.append((number, raw.hasSuffix("\r") ? raw.dropLast() : raw))
        }
        return result
    }
}
