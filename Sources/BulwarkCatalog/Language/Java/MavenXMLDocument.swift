/// A minimal, safe XML reader for Maven POMs: elements, text, CDATA and the predefined and numeric
/// character references. DTDs are skipped without reading entity declarations, so external or
/// recursive entities are never expanded; nesting depth and element count are capped.
public struct MavenXMLElement: Sendable, Hashable {
    /// The element name without namespace prefix.
    public var name: String
    /// The concatenated text directly inside the element, trimmed.
    public var text: String
    /// Child elements, in order.
    public var children: [MavenXMLElement]

    /// The first child called `name`.
    public func child(_ name: String) -> MavenXMLElement? { children.first { $0.name == name } }
    /// Every child called `name`.
    public func children(_ name: String) -> [MavenXMLElement] { children.filter { $0.name == name } }
    /// The text of the first child called `name`, when present and not empty.
    public func value(_ name: String) -> String? {
        guard let text = child(name)?.text, !text.isEmpty else { return nil }
        return text
    }
}

/// Parses XML bytes into a ``MavenXMLElement`` tree.
public enum MavenXMLParser {
    /// The deepest element nesting accepted.
    public static let maximumDepth = 64
    /// The most elements accepted in one document.
    public static let maximumElements = 200_000

    /// The root element; throws a one-line problem description when the XML is malformed or over a limit.
    public static func parse(_ bytes: [UInt8]) throws(MavenXMLProblem) -> MavenXMLElement {
        var stack: [MavenXMLElement] = []
        var texts: [[UInt8]] = []
        var root: MavenXMLElement?
        var elements = 0
        var index = 0
        let count = bytes.count
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            guard !pattern.isEmpty, count >= pattern.count else { return nil }
            var position = start
            while position <= count - pattern.count {
                if bytes[position] == pattern[0], Array(bytes[position..<(position + pattern.count)]) == pattern { return position }
                position += 1
            }
            return nil
        }
        while index < count {
            let byte = bytes[index]
            guard byte == 0x3C else {  // text up to the next '<'
                var end = index
                while end < count, bytes[end] != 0x3C { end += 1 }
                if !texts.isEmpty { texts[texts.count - 1] += bytes[index..<end] }
                index = end
                continue
            }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), from: index + 4) else { throw MavenXMLProblem("unterminated comment") }
                index = end + 3
            } else if bytes[index...].starts(with: Array("<![CDATA[".utf8)) {
                guard let end = find(Array("]]>".utf8), from: index + 9) else { throw MavenXMLProblem("unterminated CDATA section") }
                // CDATA is literal: escape '&' so decoding leaves it as written.
                if !texts.isEmpty {
                    for value in bytes[(index + 9)..<end] {
                        if value == 0x26 { texts[texts.count - 1] += Array("&amp;".utf8) } else { texts[texts.count - 1].append(value) }
                    }
                }
                index = end + 3
            } else if bytes[index...].starts(with: Array("<?".utf8)) {
                guard let end = find(Array("?>".utf8), from: index + 2) else { throw MavenXMLProblem("unterminated processing instruction") }
                index = end + 2
            } else if bytes[index...].starts(with: Array("<!".utf8)) {
                // DOCTYPE and other declarations: skipped, internal subset brackets included.
                var depth = 0
                var position = index + 2
                while position < count {
                    let value = bytes[position]
                    if value == 0x5B { depth += 1 } else if value == 0x5D { depth -= 1 } else if value == 0x3E, depth <= 0 { break }
                    position += 1
                }
                guard position < count else { throw MavenXMLProblem("unterminated declaration") }
                index = position + 1
            } else {
                // A start or end tag; quoted attribute values may contain '>'.
                var position = index + 1
                var quote: UInt8 = 0
                while position < count {
                    let value = bytes[position]
                    if quote != 0 {
                        if value == quote { quote = 0 }
                    } else if value == 0x22 || value == 0x27 {
                        quote = value
                    } else if value == 0x3E {
                        break
                    }
                    position += 1
                }
                guard position < count else { throw MavenXMLProblem("unterminated tag") }
                let tag = bytes[(index + 1)..<position]
                index = position + 1
                if tag.first == 0x2F {  // </name>
                    guard var element = stack.popLast(), let text = texts.popLast() else { throw MavenXMLProblem("unexpected end tag") }
                    element.text = decode(text)
                    if stack.isEmpty {
                        root = element
                        break
                    }
                    stack[stack.count - 1].children.append(element)
                    continue
                }
                let selfClosing = tag.last == 0x2F
                var nameEnd = tag.startIndex
                while nameEnd < tag.endIndex, ![0x20, 0x09, 0x0A, 0x0D, 0x2F].contains(tag[nameEnd]) { nameEnd += 1 }
                var name = String(decoding: tag[tag.startIndex..<nameEnd], as: UTF8.self)
                if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
                guard !name.isEmpty else { throw MavenXMLProblem("empty tag name") }
                elements += 1
                guard elements <= maximumElements else { throw MavenXMLProblem("more than \(maximumElements) elements") }
                let element = MavenXMLElement(name: name, text: "", children: [])
                if selfClosing {
                    if stack.isEmpty {
                        root = element
                        break
                    }
                    stack[stack.count - 1].children.append(element)
                } else {
                    guard stack.count < maximumDepth else { throw MavenXMLProblem("elements nested deeper than \(maximumDepth)") }
                    stack.append(element)
                    texts.append([])
                }
            }
        }
        guard let root else { throw MavenXMLProblem(stack.isEmpty ? "no root element" : "truncated document (unclosed <\(stack[stack.count - 1].name)>)") }
        return root
    }

    /// Text with character references resolved and surrounding whitespace trimmed; unknown entities stay as written.
    static func decode(_ raw: [UInt8]) -> String {
        var text = String(decoding: raw, as: UTF8.self)
        if text.contains("&") {
            var out = ""
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                    out += "&"
                    rest = after
                    continue
                }
                let entity = after[..<semicolon]
                var replacement: String?
                switch entity {
                case "lt": replacement = "<"
                case "gt": replacement = ">"
                case "amp": replacement = "&"
                case "quot": replacement = "\""
                case "apos": replacement = "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let value = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                        replacement = String(Character(scalar))
                    } else if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                        replacement = String(Character(scalar))
                    }
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semicolon)...]
                } else {
                    out += "&"
                    rest = after
                }
            }
            out += rest
            text = out
        }
        return text.droppingEdges(in: " \t\r\n")
    }
}

/// Why a POM could not be parsed.
public struct MavenXMLProblem: Error, Sendable, CustomStringConvertible {
    /// The problem, one line.
    public var description: String
    init(_ description: String) { self.description = description }
}
