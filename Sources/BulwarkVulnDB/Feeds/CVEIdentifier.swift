/// Recognizes CVE identifiers (`CVE-YYYY-NNNN…`) in the loosely written id fields of distro feeds.
enum CVEIdentifier {
    /// True when `text` is exactly a CVE id: `CVE-`, four digits, `-`, at least four digits.
    static func isValid<S: StringProtocol>(_ text: S) -> Bool {
        canonicalPrefix(of: text).map { $0.utf8.count == text.utf8.count } ?? false
    }

    /// The CVE id at the start of `text` (`CVE-2017-17434-1` → `CVE-2017-17434`, `CVE-2017-8073.patch` →
    /// `CVE-2017-8073`); nil when `text` does not start with one.
    static func canonicalPrefix<S: StringProtocol>(of text: S) -> String? {
        let bytes = Array(text.utf8.prefix(32))
        guard bytes.count >= 13, bytes[0] == UInt8(ascii: "C"), bytes[1] == UInt8(ascii: "V"), bytes[2] == UInt8(ascii: "E"),
              bytes[3] == UInt8(ascii: "-"), bytes[8] == UInt8(ascii: "-")
        else { return nil }
        guard bytes[4..<8].allSatisfy(isDigit) else { return nil }
        var end = 9
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        guard end - 9 >= 4, end - 9 <= 12 else { return nil }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
