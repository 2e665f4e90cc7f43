/// A TOML parser for the subset lockfiles use: tables, arrays of tables, dotted and quoted keys,
/// basic/literal/multi-line strings, integers, floats, booleans, date-times (kept as text), arrays and
/// inline tables, comments.
///
/// It never throws: a line it cannot parse becomes a warning `"<path>:<line>: <problem>"` and parsing
/// resumes at the next line. Nesting is capped (``maxDepth``) and only the first ``maxWarnings``
/// problems are kept, so hostile input costs linear time and bounded memory.
public struct TOMLParser {
    /// The deepest nesting of arrays and inline tables accepted.
    public static let maxDepth = 64
    /// How many warnings are kept per file; the rest are counted in one summary warning.
    public static let maxWarnings = 20

    private let bytes: [UInt8]
    private let path: String
    private var index = 0
    private var line = 1
    private var root: [String: TOMLValue] = [:]
    private var currentTable: [String] = []
    private var warnings: [String] = []
    private var droppedWarnings = 0

    private struct SyntaxError: Error {
        var message: String
    }

    /// Parses `bytes` (UTF-8) read from `path` (used in warnings).
    public static func parse(_ bytes: [UInt8], path: String) -> TOMLDocument {
        var parser = TOMLParser(bytes: bytes, path: path)
        parser.run()
        return TOMLDocument(root: parser.root, warnings: parser.warnings)
    }

    private init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    // MARK: - Statements

    private mutating func run() {
        while index < bytes.count {
            skipBlank()
            guard let byte = peek() else { break }
            if byte == 0x0A || byte == 0x0D || byte == 0x23 {  // newline, comment
                skipToNextLine()
                continue
            }
            let statementLine = line
            do {
                if byte == 0x5B {  // [
                    try parseHeader()
                } else {
                    try parseKeyValue()
                }
                try expectEndOfLine()
            } catch {
                warn(statementLine, error.message)
                // Resume at the line after the failure point.
                skipToNextLine()
            }
        }
        if droppedWarnings > 0 {
            warnings.append("\(path): \(droppedWarnings) more TOML problems not shown")
        }
    }

    private mutating func warn(_ atLine: Int, _ message: String) {
        if warnings.count < Self.maxWarnings {
            warnings.append("\(path):\(atLine): \(message)")
        } else {
            droppedWarnings += 1
        }
    }

    private mutating func parseHeader() throws(SyntaxError) {
        index += 1
        let isArray = peek() == 0x5B
        if isArray { index += 1 }
        skipBlank()
        let keys = try parseKey()
        skipBlank()
        guard peek() == 0x5D else { throw SyntaxError(message: "expected ']' to close the table header") }
        index += 1
        if isArray {
            guard peek() == 0x5D else { throw SyntaxError(message: "expected ']]' to close the array-of-tables header") }
            index += 1
            let parent = Array(keys.dropLast())
            guard let last = keys.last else { throw SyntaxError(message: "empty table header") }
            try Self.withTable(&root, path: parent[...]) { (table: inout [String: TOMLValue]) throws(SyntaxError) in
                switch table.removeValue(forKey: last) {
                case nil:
                    table[last] = .array([.table([:])])
                case .array(var items)?:
                    items.append(.table([:]))
                    table[last] = .array(items)
                case let other?:
                    table[last] = other
                    throw SyntaxError(message: "'\(last)' is a \(other.kindName), not an array of tables")
                }
            }
        } else {
            try Self.withTable(&root, path: keys[...]) { (_: inout [String: TOMLValue]) throws(SyntaxError) in }
        }
        currentTable = keys
    }

    private mutating func parseKeyValue() throws(SyntaxError) {
        let keys = try parseKey()
        skipBlank()
        guard peek() == 0x3D else { throw SyntaxError(message: "expected '=' after key '\(keys.joined(separator: "."))'") }
        index += 1
        skipBlank()
        let value = try parseValue(depth: 0)
        guard let last = keys.last else { throw SyntaxError(message: "empty key") }
        let tablePath = currentTable + keys.dropLast()
        try Self.withTable(&root, path: tablePath[...]) { (table: inout [String: TOMLValue]) throws(SyntaxError) in
            if table[last] != nil { throw SyntaxError(message: "duplicate key '\(last)'") }
            table[last] = value
        }
    }

    /// Runs `body` on the table at `path` below `table`, creating missing tables; a step through an
    /// array of tables goes to its last element. Values are moved out while mutated so nothing is copied.
    private static func withTable(
        _ table: inout [String: TOMLValue], path: ArraySlice<String>,
        _ body: (inout [String: TOMLValue]) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        guard let key = path.first else {
            try body(&table)
            return
        }
        let rest = path.dropFirst()
        switch table.removeValue(forKey: key) {
        case nil:
            var inner: [String: TOMLValue] = [:]
            defer { table[key] = .table(inner) }
            try withTable(&inner, path: rest, body)
        case .table(var inner)?:
            defer { table[key] = .table(inner) }
            try withTable(&inner, path: rest, body)
        case .array(var items)?:
            defer { table[key] = .array(items) }
            guard case .table(var inner)? = items.popLast() else {
                throw SyntaxError(message: "'\(key)' is an array, not a table")
            }
            defer { items.append(.table(inner)) }
            try withTable(&inner, path: rest, body)
        case let other?:
            table[key] = other
            throw SyntaxError(message: "'\(key)' is a \(other.kindName), not a table")
        }
    }

    // MARK: - Keys

    private mutating func parseKey() throws(SyntaxError) -> [String] {
        var keys: [String] = []
        while true {
            skipBlank()
            guard let byte = peek() else { throw SyntaxError(message: "unexpected end of file in a key") }
            if byte == 0x22 {
                index += 1
                keys.append(try parseBasicString())
            } else if byte == 0x27 {
                index += 1
                keys.append(try parseLiteralString())
            } else {
                let start = index
                while let next = peek(), Self.isBareKeyByte(next) { index += 1 }
                guard index > start else {
                    throw SyntaxError(message: "unexpected '\(Self.describe(byte))' where a key was expected")
                }
                keys.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipBlank()
            guard peek() == 0x2E else { return keys }
            index += 1
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F: return true
        default: return false
        }
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> TOMLValue {
        guard depth < Self.maxDepth else { throw SyntaxError(message: "values nested deeper than \(Self.maxDepth) levels") }
        guard let byte = peek() else { throw SyntaxError(message: "unexpected end of file where a value was expected") }
        switch byte {
        case 0x22:  // "
            if starts(with: [0x22, 0x22, 0x22]) {
                index += 3
                return .string(try parseMultilineBasicString())
            }
            index += 1
            return .string(try parseBasicString())
        case 0x27:  // '
            if starts(with: [0x27, 0x27, 0x27]) {
                index += 3
                return .string(try parseMultilineLiteralString())
            }
            index += 1
            return .string(try parseLiteralString())
        case 0x5B:  // [
            index += 1
            return try parseArray(depth: depth + 1)
        case 0x7B:  // {
            index += 1
            return try parseInlineTable(depth: depth + 1)
        default:
            return try parseScalar()
        }
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> TOMLValue {
        var items: [TOMLValue] = []
        while true {
            skipWhitespaceCommentsAndNewlines()
            guard let byte = peek() else { throw SyntaxError(message: "unterminated array") }
            if byte == 0x5D {
                index += 1
                return .array(items)
            }
            items.append(try parseValue(depth: depth))
            skipWhitespaceCommentsAndNewlines()
            guard let next = peek() else { throw SyntaxError(message: "unterminated array") }
            if next == 0x2C {
                index += 1
            } else if next != 0x5D {
                throw SyntaxError(message: "expected ',' or ']' in an array, found '\(Self.describe(next))'")
            }
        }
    }

    private mutating func parseInlineTable(depth: Int) throws(SyntaxError) -> TOMLValue {
        var table: [String: TOMLValue] = [:]
        skipWhitespaceCommentsAndNewlines()
        if peek() == 0x7D {
            index += 1
            return .table(table)
        }
        while true {
            skipWhitespaceCommentsAndNewlines()
            let keys = try parseKey()
            skipBlank()
            guard peek() == 0x3D else { throw SyntaxError(message: "expected '=' in an inline table") }
            index += 1
            skipBlank()
            let value = try parseValue(depth: depth)
            guard let last = keys.last else { throw SyntaxError(message: "empty key in an inline table") }
            try Self.withTable(&table, path: keys.dropLast()) { (inner: inout [String: TOMLValue]) throws(SyntaxError) in
                if inner[last] != nil { throw SyntaxError(message: "duplicate key '\(last)' in an inline table") }
                inner[last] = value
            }
            skipWhitespaceCommentsAndNewlines()
            guard let next = peek() else { throw SyntaxError(message: "unterminated inline table") }
            index += 1
            if next == 0x7D { return .table(table) }
            guard next == 0x2C else {
                throw SyntaxError(message: "expected ',' or '}' in an inline table, found '\(Self.describe(next))'")
            }
        }
    }

    private mutating func parseScalar() throws(SyntaxError) -> TOMLValue {
        let start = index
        // A date-time may contain one space between date and time: `1979-05-27 07:32:00`.
        while let byte = peek() {
            if byte == 0x2C || byte == 0x5D || byte == 0x7D || byte == 0x23 || byte == 0x0A || byte == 0x0D { break }
            if byte == 0x20 || byte == 0x09 {
                let isDateTimeSpace =
                    index - start == 10 && index + 1 < bytes.count && bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39
                    && bytes[start + 4] == 0x2D
                if !isDateTimeSpace { break }
            }
            index += 1
        }
        let token = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !token.isEmpty else {
            throw SyntaxError(message: "expected a value, found '\(peek().map(Self.describe) ?? "end of file")'")
        }
        switch token {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let cleaned = String(token.filter { $0 != "_" })
        if token.hasPrefix("0x"), let value = Int64(cleaned.dropFirst(2), radix: 16) { return .integer(value) }
        if token.hasPrefix("0o"), let value = Int64(cleaned.dropFirst(2), radix: 8) { return .integer(value) }
        if token.hasPrefix("0b"), let value = Int64(cleaned.dropFirst(2), radix: 2) { return .integer(value) }
        if let value = Int64(cleaned) { return .integer(value) }
        if let first = token.utf8.first, (0x30...0x39).contains(first) || first == 0x2B || first == 0x2D {
            if token.contains(":") || (token.utf8.count >= 10 && token.utf8.dropFirst(4).first == 0x2D) {
                return .dateTime(token)
            }
            if let value = Double(cleaned) { return .float(value) }
        }
        throw SyntaxError(message: "unsupported value '\(token.prefix(40))'")
    }

    // MARK: - Strings

    private mutating func parseBasicString() throws(SyntaxError) -> String {
        var out: [UInt8] = []
        while let byte = peek() {
            if byte == 0x0A || byte == 0x0D { throw SyntaxError(message: "newline inside a single-line string") }
            index += 1
            switch byte {
            case 0x22: return String(decoding: out, as: UTF8.self)
            case 0x5C: try appendEscape(into: &out)
            default: out.append(byte)
            }
        }
        throw SyntaxError(message: "unterminated string")
    }

    private mutating func parseLiteralString() throws(SyntaxError) -> String {
        let start = index
        while let byte = peek() {
            if byte == 0x27 {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == 0x0A || byte == 0x0D { throw SyntaxError(message: "newline inside a literal string") }
            index += 1
        }
        throw SyntaxError(message: "unterminated literal string")
    }

    private mutating func parseMultilineBasicString() throws(SyntaxError) -> String {
        skipFirstNewline()
        var out: [UInt8] = []
        while let byte = peek() {
            if starts(with: [0x22, 0x22, 0x22]) {
                index += 3
                // Up to two extra quotes just before the delimiter belong to the string.
                var extra = 0
                while extra < 2, peek() == 0x22 {
                    out.append(0x22)
                    index += 1
                    extra += 1
                }
                return String(decoding: out, as: UTF8.self)
            }
            index += 1
            if byte == 0x0A { line += 1 }
            if byte == 0x5C {
                // A line-ending backslash trims the newline and following whitespace.
                var probe = index
                while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
                if probe < bytes.count, bytes[probe] == 0x0A || bytes[probe] == 0x0D {
                    index = probe
                    skipWhitespaceAndNewlines()
                    continue
                }
                try appendEscape(into: &out)
                continue
            }
            out.append(byte)
        }
        throw SyntaxError(message: "unterminated multi-line string")
    }

    private mutating func parseMultilineLiteralString() throws(SyntaxError) -> String {
        skipFirstNewline()
        let start = index
        while let byte = peek() {
            if starts(with: [0x27, 0x27, 0x27]) {
                var end = index
                index += 3
                while index - end < 5, peek() == 0x27 { index += 1 }
                end = index - 3
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            if byte == 0x0A { line += 1 }
            index += 1
        }
        throw SyntaxError(message: "unterminated multi-line literal string")
    }

    private mutating func appendEscape(into out: inout [UInt8]) throws(SyntaxError) {
        guard let escape = peek() else { throw SyntaxError(message: "unterminated escape sequence") }
        index += 1
        switch escape {
        case 0x62: out.append(0x08)  // \b
        case 0x74: out.append(0x09)  // \t
        case 0x6E: out.append(0x0A)  // \n
        case 0x66: out.append(0x0C)  // \f
        case 0x72: out.append(0x0D)  // \r
        case 0x65: out.append(0x1B)  // \e (TOML 1.1)
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x75, 0x55:  // \uXXXX, \UXXXXXXXX
            let length = escape == 0x75 ? 4 : 8
            guard index + length <= bytes.count,
                let code = UInt32(String(decoding: bytes[index..<index + length], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw SyntaxError(message: "invalid unicode escape") }
            index += length
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw SyntaxError(message: "invalid escape '\\\(Self.describe(escape))'")
        }
    }

    // MARK: - Low level

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func starts(with prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    private mutating func skipBlank() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 { index += 1 }
    }

    private mutating func skipFirstNewline() {
        if peek() == 0x0D { index += 1 }
        if peek() == 0x0A {
            index += 1
            line += 1
        }
    }

    private mutating func skipWhitespaceAndNewlines() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if byte == 0x0A { line += 1 }
            index += 1
        }
    }

    private mutating func skipWhitespaceCommentsAndNewlines() {
        while let byte = peek() {
            if byte == 0x23 {
                while let next = peek(), next != 0x0A { index += 1 }
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if byte == 0x0A { line += 1 }
                index += 1
            } else {
                return
            }
        }
    }

    private mutating func skipToNextLine() {
        while let byte = peek() {
            index += 1
            if byte == 0x0A {
                line += 1
                return
            }
        }
    }

    /// After a statement only blanks and a comment may follow on the line.
    private mutating func expectEndOfLine() throws(SyntaxError) {
        skipBlank()
        guard let byte = peek() else { return }
        if byte == 0x23 || byte == 0x0A || byte == 0x0D {
            skipToNextLine()
            return
        }
        throw SyntaxError(message: "unexpected '\(Self.describe(byte))' after a value")
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }
}
