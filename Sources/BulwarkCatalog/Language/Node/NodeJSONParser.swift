/// A syntax error in a JSON document, with the 1-based line it was found on.
struct NodeJSONSyntaxError: Error, Sendable {
    /// The line (1-based) of the offending byte.
    var line: Int
    /// What is wrong there.
    var problem: String
}

/// A strict, byte-level JSON (RFC 8259) parser for manifests and lockfiles.
///
/// Built for hostile input: nesting is capped (``maximumDepth``) so deep documents end in an error
/// rather than a stack overflow, strings without escapes are decoded in one step, numbers are kept as
/// text, and every error carries the line it happened on. A UTF-8 byte-order mark is skipped.
struct NodeJSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 128

    /// Parses one JSON document (trailing whitespace allowed, nothing else).
    static func parse(_ bytes: [UInt8]) throws(NodeJSONSyntaxError) -> NodeJSON {
        let result: Result<NodeJSON, NodeJSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            do throws(NodeJSONSyntaxError) {
                reader.skipByteOrderMark()
                let value = try reader.parseValue(depth: 0)
                reader.skipWhitespace()
                if reader.position < buffer.count { throw reader.failure("unexpected data after the JSON document") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The cursor over the document bytes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func failure(_ problem: String) -> NodeJSONSyntaxError {
            var line = 1
            let end = min(position, bytes.count)
            var index = 0
            while index < end {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            return NodeJSONSyntaxError(line: line, problem: problem)
        }

        mutating func skipByteOrderMark() {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(NodeJSONSyntaxError) -> NodeJSON {
            skipWhitespace()
            guard position < bytes.count else { throw failure("unexpected end of the document") }
            switch bytes[position] {
            case 0x7B:  // {
                return try parseObject(depth: depth + 1)
            case 0x5B:  // [
                return try parseArray(depth: depth + 1)
            case 0x22:  // "
                return .string(try parseString())
            case 0x74:  // t
                try expectLiteral("true")
                return .bool(true)
            case 0x66:  // f
                try expectLiteral("false")
                return .bool(false)
            case 0x6E:  // n
                try expectLiteral("null")
                return .null
            case 0x2D, 0x30...0x39:
                return .number(try parseNumber())
            default:
                throw failure("unexpected character '\(Self.printable(bytes[position]))'")
            }
        }

        static func printable(_ byte: UInt8) -> String {
            (0x20..<0x7F).contains(byte) ? String(Unicode.Scalar(byte)) : "\\x" + String(byte, radix: 16)
        }

        mutating func expectLiteral(_ literal: StaticString) throws(NodeJSONSyntaxError) {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw failure("unexpected end of the document") }
            let start = literal.utf8Start
            for offset in 0..<count where bytes[position + offset] != start[offset] {
                throw failure("invalid literal, expected '\(literal)'")
            }
            position += count
        }

        mutating func parseObject(depth: Int) throws(NodeJSONSyntaxError) -> NodeJSON {
            guard depth <= NodeJSONParser.maximumDepth else { throw failure("nesting deeper than \(NodeJSONParser.maximumDepth) levels") }
            position += 1
            var members: [NodeJSONMember] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == 0x7D {
                position += 1
                return .object(NodeJSONObject(members: members))
            }
            while true {
                skipWhitespace()
                guard position < bytes.count else { throw failure("unexpected end of the document inside an object") }
                guard bytes[position] == 0x22 else { throw failure("expected a member name in quotes") }
                let key = try parseString()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == 0x3A else { throw failure("expected ':' after member name \"\(key.prefix(80))\"") }
                position += 1
                let value = try parseValue(depth: depth)
                members.append(NodeJSONMember(key: key, value: value))
                skipWhitespace()
                guard position < bytes.count else { throw failure("unexpected end of the document inside an object") }
                if bytes[position] == 0x2C {
                    position += 1
                } else if bytes[position] == 0x7D {
                    position += 1
                    return .object(NodeJSONObject(members: members))
                } else {
                    throw failure("expected ',' or '}' in an object")
                }
            }
        }

        mutating func parseArray(depth: Int) throws(NodeJSONSyntaxError) -> NodeJSON {
            guard depth <= NodeJSONParser.maximumDepth else { throw failure("nesting deeper than \(NodeJSONParser.maximumDepth) levels") }
            position += 1
            var elements: [NodeJSON] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == 0x5D {
                position += 1
                return .array(elements)
            }
            while true {
                elements.append(try parseValue(depth: depth))
                skipWhitespace()
                guard position < bytes.count else { throw failure("unexpected end of the document inside an array") }
                if bytes[position] == 0x2C {
                    position += 1
                } else if bytes[position] == 0x5D {
                    position += 1
                    return .array(elements)
                } else {
                    throw failure("expected ',' or ']' in an array")
                }
            }
        }

        mutating func parseNumber() throws(NodeJSONSyntaxError) -> String {
            let start = position
            if bytes[position] == 0x2D { position += 1 }
            var digits = 0
            while position < bytes.count {
                switch bytes[position] {
                case 0x30...0x39, 0x2E, 0x65, 0x45, 0x2B, 0x2D:
                    position += 1
                    digits += 1
                default:
                    return try finishNumber(start: start, digits: digits)
                }
            }
            return try finishNumber(start: start, digits: digits)
        }

        func finishNumber(start: Int, digits: Int) throws(NodeJSONSyntaxError) -> String {
            guard digits > 0 else { throw failure("invalid number") }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }

        mutating func parseString() throws(NodeJSONSyntaxError) -> String {
            position += 1  // opening quote
            let start = position
            // Fast path: no escapes.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == 0x22 {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return text
                }
                if byte == 0x5C { break }
                if byte < 0x20 { throw failure("control character inside a string") }
                position += 1
            }
            guard position < bytes.count else { throw failure("unterminated string") }
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case 0x22:
                    position += 1
                    return String(decoding: buffer, as: UTF8.self)
                case 0x5C:
                    try appendEscape(to: &buffer)
                case 0..<0x20:
                    throw failure("control character inside a string")
                default:
                    buffer.append(byte)
                    position += 1
                }
            }
            throw failure("unterminated string")
        }

        mutating func appendEscape(to buffer: inout [UInt8]) throws(NodeJSONSyntaxError) {
            position += 1
            guard position < bytes.count else { throw failure("unterminated string") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: buffer.append(escape)
            case 0x62: buffer.append(0x08)
            case 0x66: buffer.append(0x0C)
            case 0x6E: buffer.append(0x0A)
            case 0x72: buffer.append(0x0D)
            case 0x74: buffer.append(0x09)
            case 0x75:
                var scalar = try readHex4()
                if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 {
                    position += 2
                    let low = try readHex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        scalar = 0xFFFD
                    }
                }
                let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                buffer.append(contentsOf: Array(String(character).utf8))
            default:
                throw failure("invalid escape '\\\(Self.printable(escape))' in a string")
            }
        }

        mutating func readHex4() throws(NodeJSONSyntaxError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw failure("truncated \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw failure("invalid \\u escape")
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }
    }
}

extension NodeJSONParser {
    /// Parses a document that must be a JSON object (lockfiles, deps.json). On failure, the
    /// one warning to report for `path`: the syntax error with its line, or the wrong top-level kind.
    static func topLevelObject(_ bytes: [UInt8], path: String) -> Result<NodeJSONObject, WarningText> {
        let document: NodeJSON
        do {
            document = try parse(bytes)
        } catch {
            return .failure(WarningText("\(path):\(error.line): \(error.problem)"))
        }
        guard let root = document.object else {
            return .failure(WarningText("\(path):1: expected a JSON object, found \(document.kindName)"))
        }
        return .success(root)
    }
}

/// A warning carried as an error value.
struct WarningText: Error, Sendable {
    var text: String
    init(_ text: String) { self.text = text }
}
