/// Reduces a license name to a comparable key and reads family + version out of it.
enum LicensePhrase {
    /// Words that carry no meaning in a license name.
    private static let stopWords: Set<String> = [
        "the", "license", "licenses", "licensed", "version", "v", "ver", "a", "international", "unported", "generic",
    ]

    /// The words of `text`: lower-case, `licence` → `license`, letters split from a following number
    /// (`gplv2` → `gpl`, `2`; a trailing `v` before a number is dropped), `.` kept between digits, `+` kept
    /// at the end of a word, everything else a separator; stop words removed.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            var spelled = String(decoding: word, as: UTF8.self)
            if spelled == "licence" || spelled == "licences" { spelled = "license" }
            if !stopWords.contains(spelled) { words.append(spelled) }
            word = []
        }
        let bytes = Array(text.utf8.prefix(1024))
        for (index, raw) in bytes.enumerated() {
            let byte = raw >= 0x41 && raw <= 0x5A ? raw + 0x20 : raw
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isLetter = byte >= 0x61 && byte <= 0x7A
            if isDigit {
                if let last = word.last, last >= 0x61 && last <= 0x7A {
                    // `gplv2` → `gpl` `2`; but `cc0`, `0bsd`, `x11`, `w3c`, `bzip2` stay whole.
                    let spelled = String(decoding: word, as: UTF8.self)
                    if ["cc", "x", "w", "bzip", "zlib", "s", "md", "sha"].contains(spelled) {
                        word.append(byte)
                        continue
                    }
                    if word.count > 1, last == 0x76 { word.removeLast() }
                    flush()
                }
                word.append(byte)
            } else if isLetter {
                word.append(byte)
            } else if byte == 0x2E, let last = word.last, last >= 0x30 && last <= 0x39,
                index + 1 < bytes.count, bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39
            {
                word.append(byte)
            } else if byte == 0x2B, !word.isEmpty {
                word.append(byte)
                flush()
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// The comparable key of a license name: its ``words(_:)`` joined by single spaces.
    static func looseKey(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// A family, version and qualifiers read from a license name: `GNU GPL v2 or later` →
    /// family `gnu gpl`, version `2`, orLater.
    struct Versioned: Equatable {
        var family: String
        var version: String
        var orLater: Bool
        var only: Bool
        var trailing: [String]
    }

    /// Splits `words` at the first version number (`2`, `2.1`, `3.0+`); nil when there is none or no
    /// family before it.
    static func versioned(_ words: [String]) -> Versioned? {
        guard let index = words.firstIndex(where: { word in
            guard let first = word.utf8.first, first >= 0x30 && first <= 0x39 else { return false }
            return word.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B }
        }) else { return nil }
        var version = words[index]
        var orLater = false
        if version.hasSuffix("+") {
            orLater = true
            version.removeLast()
        }
        let rest = Array(words[(index + 1)...])
        var only = false
        var trailing: [String] = []
        var position = 0
        while position < rest.count {
            let word = rest[position]
            if word == "+" { orLater = true; position += 1; continue }
            if word == "only" { only = true; position += 1; continue }
            if (word == "or" || word == "and"), position + 1 < rest.count {
                let next = rest[position + 1]
                if next == "later" || next == "newer" || next == "greater" || next == "above" {
                    orLater = true
                    position += 2
                    continue
                }
                if next == "any", position + 2 < rest.count, rest[position + 2] == "later" {
                    orLater = true
                    position += 3
                    if position < rest.count, rest[position] == "version" { position += 1 }
                    continue
                }
            }
            if word == "later" || word == "newer" { orLater = true; position += 1; continue }
            trailing.append(word)
            position += 1
        }
        let family = words[..<index].joined(separator: " ")
        guard !family.isEmpty else { return nil }
        return Versioned(family: family, version: version, orLater: orLater, only: only, trailing: trailing)
    }
}
