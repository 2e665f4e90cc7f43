import Foundation

/// Tells candidate secrets from placeholders, template variables and code.
enum PlaceholderFilter {
    /// Lower-cased fragments that mark a value as a placeholder for every rule.
    private static let universalMarkers: [[UInt8]] = [
        "example", "xxxxxx", "******", "placeholder", "changeme", "change_me", "change-me", "dummy", "${", "{{", "<your",
        "your_", "your-", "redacted", "replace_me", "replaceme", "insert_", "fake_", "sample_",
    ].map { Array($0.utf8) }

    /// Whole values (lower-cased) that are placeholders for rules that reject placeholders.
    private static let placeholderWords: Set<[UInt8]> = Set([
        "password", "passw0rd", "p@ssw0rd", "secret", "token", "apikey", "api_key", "changeit", "default", "null", "none",
        "true", "false", "undefined", "redacted", "masked", "hidden", "required", "optional", "string", "admin123",
        "password123", "secret123", "notasecret", "not-a-secret", "your-secret", "testpassword", "test1234", "12345678",
        "123456789", "1234567890", "qwertyuiop", "abcdefgh", "abcdefghijklmnop",
    ].map { Array($0.utf8) })

    /// Whether `value` looks like a placeholder for any rule.
    static func isUniversalPlaceholder(_ value: ArraySlice<UInt8>) -> Bool {
        for marker in universalMarkers where containsLowercased(value, marker) { return true }
        return false
    }

    /// The stricter test of generic rules: placeholder words, `$VAR`/`%VAR%`, dotted
    /// identifiers (`settings.SECRET_KEY`), UUIDs, paths, and values that do not mix at least two
    /// of lower case, upper case and digits.
    static func isPlaceholderOrCode(_ value: ArraySlice<UInt8>) -> Bool {
        let lowered = value.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
        if placeholderWords.contains(lowered) { return true }
        // `password1`, `secret123`: a placeholder word with a number appended.
        var stem = lowered[...]
        while let last = stem.last, (0x30...0x39).contains(last) { stem = stem.dropLast() }
        if stem.count < lowered.count && placeholderWords.contains(Array(stem)) { return true }
        guard let first = value.first else { return true }
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "%") || first == UInt8(ascii: "/") || first == UInt8(ascii: "<") {
            return true
        }
        var lower = false, upper = false, digit = false
        for byte in value {
            switch byte {
            case 0x61...0x7A: lower = true
            case 0x41...0x5A: upper = true
            case 0x30...0x39: digit = true
            default: break
            }
        }
        if [lower, upper, digit].filter({ $0 }).count < 2 { return true }
        if isUUID(value) || isDottedIdentifier(value) || isDateNameOrWordy(value, lowered: lowered) { return true }
        // The same character repeated (`aaaaaaaa`, `00000000`) or a plain alphabet run.
        if Set(lowered).count <= 3 { return true }
        return false
    }

    /// Whether `value` holds a digit, or is 32+ bytes with entropy of at least 4.3 bits per byte.
    static func hasDigitOrIsLongRandom(_ value: ArraySlice<UInt8>) -> Bool {
        if value.contains(where: { (0x30...0x39).contains($0) }) { return true }
        return value.count >= 32 && ShannonEntropy.of(value) >= 4.3
    }

    /// `8-4-4-4-12` hexadecimal.
    private static func isUUID(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.count == 36 else { return false }
        for (offset, byte) in value.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)) {
                return false
            }
        }
        return true
    }

    /// `name.attr.attr`: identifier parts (letter or `_` first) joined by dots, at least one dot
    /// (`settings.SECRET_KEY`, `os.environ`, `antlr4.BufferedTokenStream`).
    private static func isDottedIdentifier(_ value: ArraySlice<UInt8>) -> Bool {
        var dots = 0
        var atPartStart = true
        for byte in value {
            switch byte {
            case UInt8(ascii: "."):
                if atPartStart { return false }
                dots += 1
                atPartStart = true
            case 0x61...0x7A, 0x41...0x5A, UInt8(ascii: "_"):
                atPartStart = false
            case 0x30...0x39:
                if atPartStart { return false }
            default:
                return false
            }
        }
        return dots > 0 && !atPartStart
    }

    /// `2016-05-01…` dates, `arn:` resource names, URLs, and values that spell out a placeholder
    /// word (`SomePassword1`, `MySecret2024`, `sample-key-1`).
    private static func isDateNameOrWordy(_ value: ArraySlice<UInt8>, lowered: [UInt8]) -> Bool {
        let bytes = Array(value)
        if bytes.count >= 10, bytes[0...3].allSatisfy({ (0x30...0x39).contains($0) }), bytes[4] == UInt8(ascii: "-"),
           (0x30...0x39).contains(bytes[5]) {
            return true
        }
        let loweredSlice = lowered[...]
        for word in wordyMarkers where containsLowercased(loweredSlice, word) { return true }
        return false
    }

    private static let wordyMarkers: [[UInt8]] = ["arn:", "://", "passw", "secret", "sample", "test_", "-test"].map { Array($0.utf8) }

    private static func containsLowercased(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let firstNeedle = needle.first else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            let byte = haystack[index]
            if ((byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte) == firstNeedle {
                var offset = 1
                while offset < needle.count {
                    let other = haystack[index + offset]
                    if ((other >= 0x41 && other <= 0x5A) ? other + 0x20 : other) != needle[offset] { break }
                    offset += 1
                }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
