import BulwarkCore

/// A small JSON reader for large, untrusted feed files: reads whole values into ``FeedJSONValue`` or
/// streams the members of an object / elements of an array one at a time, so a 100 MB tracker dump
/// never exists as one tree. Nesting is capped (``maxDepth``); every error names the file and the byte offset.
struct FeedJSONReader {
    /// Deeper documents are rejected (no feed nests more than a dozen levels).
    static let maxDepth = 128

    private let bytes: [UInt8]
    private let label: String
    private let feed: String
    private(set) var offset = 0
    private var depth = 0

    /// A reader over `bytes`; `label` names the file and `feed` the expected format in errors.
    init(_ bytes: [UInt8], label: String, feed: String) throws(BulwarkError) {
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw BulwarkError.invalid(label, "is gzip-compressed; decompress it before importing it as \(feed)")
        }
        self.bytes = bytes
        self.label = label
        self.feed = feed
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    /// Parses a complete document into a value.
    static func parse(_ bytes: [UInt8], label: String, feed: String) throws(BulwarkError) -> FeedJSONValue {
        var reader = try FeedJSONReader(bytes, label: label, feed: feed)
        let value = try reader.readValue()
        try reader.expectEnd()
        return value
    }

    /// The next non-space byte, without consuming it; nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// Fails unless only whitespace remains.
    mutating func expectEnd() throws(BulwarkError) {
        if peek() != nil { throw failure("unexpected data after the JSON document") }
    }

    /// Reads one whole value.
    mutating func readValue() throws(BulwarkError) -> FeedJSONValue {
        guard let byte = peek() else { throw failure("unexpected end of data") }
        switch byte {
        case UInt8(ascii: "{"):
            var members: [(key: String, value: FeedJSONValue)] = []
            try readObject { (key: String, reader: inout FeedJSONReader) throws(BulwarkError) in
                members.append((key, try reader.readValue()))
            }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [FeedJSONValue] = []
            try readArray { (reader: inout FeedJSONReader) throws(BulwarkError) in
                elements.append(try reader.readValue())
            }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            return .number(try readNumber())
        }
    }

    /// Streams an object: `body` gets each key and must consume exactly the member's value with this reader.
    mutating func readObject(_ body: (String, inout FeedJSONReader) throws(BulwarkError) -> Void) throws(BulwarkError) {
        try enter(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected an object key") }
            let key = try readString()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after an object key") }
            offset += 1
            try body(key, &self)
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                depth -= 1
                return
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    /// Streams an array: `body` must consume exactly one element with this reader per call.
    mutating func readArray(_ body: (inout FeedJSONReader) throws(BulwarkError) -> Void) throws(BulwarkError) {
        try enter(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return
        }
        while true {
            try body(&self)
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                depth -= 1
                return
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    /// An error naming the file, the feed and where parsing stopped.
    func failure(_ problem: String) -> BulwarkError {
        BulwarkError.invalid(label, "not valid \(feed) JSON (\(problem) at byte \(offset))")
    }

    // MARK: - Scalars

    private mutating func enter(_ opener: UInt8) throws(BulwarkError) {
        guard peek() == opener else { throw failure("expected '\(Character(UnicodeScalar(opener)))'") }
        depth += 1
        if depth > Self.maxDepth { throw failure("nesting deeper than \(Self.maxDepth) levels") }
        offset += 1
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(BulwarkError) {
        let expected = Array(literal.utf8)
        guard offset + expected.count <= bytes.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw failure("unexpected character")
        }
        offset += expected.count
    }

    private mutating func readNumber() throws(BulwarkError) -> Double {
        let start = offset
        while offset < bytes.count, Self.isNumberByte(bytes[offset]) { offset += 1 }
        guard offset > start, offset - start <= 64, let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else {
            offset = start
            throw failure("unexpected character")
        }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func readString() throws(BulwarkError) -> String {
        offset += 1  // opening quote
        let start = offset
        // Fast path: no escapes.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<offset], as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character in a string") }
            offset += 1
        }
        guard offset < bytes.count else { throw failure("unterminated string") }
        var buffer = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4()
                    if (0xD800..<0xDC00).contains(scalar), offset + 6 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                       bytes[offset + 1] == UInt8(ascii: "u") {
                        offset += 2
                        let low = try readHex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            buffer.append(contentsOf: Self.utf8(0xFFFD))
                            scalar = low
                        }
                    }
                    buffer.append(contentsOf: Self.utf8(scalar))
                default:
                    throw failure("invalid escape")
                }
            default:
                if byte < 0x20 { throw failure("control character in a string") }
                buffer.append(byte)
                offset += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func readHex4() throws(BulwarkError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// UTF-8 of a scalar value; lone surrogates become U+FFFD.
    private static func utf8(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [0xEF, 0xBF, 0xBD] }
        return Array(String(Character(scalar)).utf8)
    }
}
