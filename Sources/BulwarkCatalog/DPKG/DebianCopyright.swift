/// Reads license names from Debian copyright files (the DEP-5 machine-readable format's
/// `License:` fields; free-form files without them yield nothing rather than a guess).
enum DebianCopyright {
    static func licenses(in bytes: [UInt8]) -> [String] {
        var seen: [String] = []
        for rawLine in bytes.split(separator: UInt8(ascii: "\n")) {
            guard rawLine.starts(with: Array("License:".utf8)) else { continue }
            let value = String(decoding: rawLine.dropFirst(8), as: UTF8.self).trimmingSpaces()
            guard !value.isEmpty, value.count < 120 else { continue }
            // "GPL-2+ or Artistic" stays an expression; split "and"/"or" only to dedupe simple names.
            if !seen.contains(value) { seen.append(value) }
        }
        return seen
    }
}
