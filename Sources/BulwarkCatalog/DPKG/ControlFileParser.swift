import BulwarkCore

/// Parses Debian control-file syntax (dpkg `status`, `status.d/*`): paragraphs of `Field: value`
/// lines with indented continuation lines, separated by blank lines. Like dpkg itself, a line that
/// is neither is an error naming the file and line.
enum ControlFileParser {
    struct Paragraph {
        var fields: [String: String]
        var line: Int
    }

    static func parse(_ bytes: [UInt8], path: String) throws(BulwarkError) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: [String: String] = [:]
        var currentStart = 1
        var lastKey: String?
        var lineNumber = 0
        let text = String(decoding: bytes, as: UTF8.self)
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { paragraphs.append(Paragraph(fields: current, line: currentStart)) }
                current = [:]
                lastKey = nil
                continue
            }
            if line.first == " " || line.first == "\t" {
                guard let key = lastKey else {
                    throw BulwarkError.invalid(path, "line \(lineNumber): continuation line outside a field")
                }
                // Only keep continuation text of fields we use (Conffiles/Description are long and unused).
                if key == "Depends" || key == "Provides" {
                    current[key, default: ""] += " " + line.trimmingSpaces()
                }
                continue
            }
            if line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                line[..<colon].allSatisfy({ $0.isASCII && !$0.isWhitespace })
            else {
                throw BulwarkError.invalid(path, "line \(lineNumber): expected 'Field: value', found '\(line.prefix(60))'")
            }
            let key = String(line[..<colon])
            if current.isEmpty { currentStart = lineNumber }
            current[key] = String(line[line.index(after: colon)...]).trimmingSpaces()
            lastKey = key
        }
        if !current.isEmpty { paragraphs.append(Paragraph(fields: current, line: currentStart)) }
        return paragraphs
    }
}

extension StringProtocol {
    /// Trims spaces and tabs at both ends.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
