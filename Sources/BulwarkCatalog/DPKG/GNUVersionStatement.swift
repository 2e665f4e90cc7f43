/// Reads which version of a GNU license a free-form copyright text grants: the GPL's own wording
/// "…the GNU General Public License as published by the Free Software Foundation; either version 2 of the
/// License, or (at your option) any later version."
enum GNUVersionStatement {
    /// The title each versionless common-licenses name stands for, lower-cased.
    static let titles: [String: [String]] = [
        "GPL": ["gnu general public license"],
        "LGPL": ["gnu lesser general public license", "gnu library general public license"],
        "GFDL": ["gnu free documentation license"],
        "AGPL": ["gnu affero general public license"],
    ]

    /// `GPL-2+`-style Debian short name for `name` (`GPL`, `LGPL`, `GFDL`) from the first version statement that
    /// follows the license's title in `bytes`; nil when `name` has a version already or the text states none.
    static func versioned(_ name: String, in bytes: [UInt8]) -> String? {
        guard let phrases = titles[name] else { return nil }
        // Lower-cased, whitespace collapsed; the first 256 KiB are plenty for a copyright file.
        var text: [UInt8] = []
        text.reserveCapacity(min(bytes.count, 256 << 10))
        var lastWasSpace = false
        for byte in bytes.prefix(256 << 10) {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if isSpace {
                if !lastWasSpace { text.append(0x20) }
                lastWasSpace = true
            } else {
                text.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                lastWasSpace = false
            }
        }
        for phrase in phrases {
            let needle = Array(phrase.utf8)
            var start = 0
            while let found = DebianCopyright.find(needle, in: text, from: start) {
                let window = Array(text[(found + needle.count)..<min(text.count, found + needle.count + 400)])
                if let (version, end) = version(in: window) {
                    // "or (at your option) any later version" follows the version within its sentence.
                    let rest = Array(window[end..<min(window.count, end + 120)])
                    let sentence = Array(rest.prefix { $0 != UInt8(ascii: ";") })
                    let later = contains(sentence, "any later version") || contains(sentence, "or later")
                    return name + "-" + version + (later ? "+" : "")
                }
                start = found + needle.count
            }
        }
        return nil
    }

    /// The number after the first "version " in `window` (`2`, `2.1`, `1.3`), when it is a plausible GNU version.
    static func version(in window: [UInt8]) -> (String, Int)? {
        guard let found = DebianCopyright.find(Array("version ".utf8), in: window, from: 0) else { return nil }
        var index = found + 8
        var digits: [UInt8] = []
        while index < window.count, (window[index] >= 0x30 && window[index] <= 0x39) || (window[index] == 0x2E && !digits.isEmpty) {
            digits.append(window[index])
            index += 1
        }
        while digits.last == 0x2E { digits.removeLast() }
        let text = String(decoding: digits, as: UTF8.self)
        guard ["1", "2", "2.0", "2.1", "3", "3.0", "1.1", "1.2", "1.3"].contains(text) else { return nil }
        return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text, index)
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        DebianCopyright.find(Array(needle.utf8), in: haystack, from: 0) != nil
    }
}
