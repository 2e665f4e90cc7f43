/// One `<package>` element of a `packages.config`.
struct PackagesConfigEntry: Sendable, Equatable {
    /// The `id` attribute.
    var id: String
    /// The `version` attribute.
    var version: String
    /// Whether `developmentDependency="true"`.
    var isDevelopment: Bool
    /// The 1-based line of the element.
    var line: Int
}

/// A well-formedness problem in a `packages.config`, with its line.
struct PackagesConfigError: Error, Sendable {
    /// The 1-based line.
    var line: Int
    /// What is wrong.
    var problem: String
}

/// A minimal, non-validating XML reader for `packages.config` — just enough XML to find `<package>`
/// elements and check that tags balance. It never expands entities beyond the five predefined ones and
/// numeric references (a DOCTYPE's internal subset is skipped unread), so hostile documents cannot
/// blow up, and every step moves forward, so it cannot hang. Nesting is capped.
enum PackagesConfigParser {
    /// The deepest element nesting accepted.
    static let maximumDepth = 64

    /// The `<package>` elements of the document, in order.
    static func parse(_ bytes: [UInt8]) throws(PackagesConfigError) -> [PackagesConfigEntry] {
        var entries: [PackagesConfigEntry] = []
        var stack: [(name: String, line: Int)] = []
        var index = 0
        var line = 1
        let count = bytes.count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }

        func starts(with literal: String, at position: Int) -> Bool {
            let utf8 = Array(literal.utf8)
            guard position + utf8.count <= count else { return false }
            for offset in 0..<utf8.count where bytes[position + offset] != utf8[offset] { return false }
            return true
        }
        /// Moves `index` past `terminator`, counting lines; false when it never comes.
        func skip(past terminator: String) -> Bool {
            let utf8 = Array(terminator.utf8)
            while index < count {
                if bytes[index] == utf8[0], starts(with: terminator, at: index) {
                    index += utf8.count
                    return true
                }
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            return false
        }

        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            guard byte == 0x3C else {  // '<'
                index += 1
                continue
            }
            let startLine = line
            if starts(with: "<!--", at: index) {
                guard skip(past: "-->") else { throw PackagesConfigError(line: startLine, problem: "unterminated comment") }
            } else if starts(with: "<![CDATA[", at: index) {
                guard skip(past: "]]>") else { throw PackagesConfigError(line: startLine, problem: "unterminated CDATA section") }
            } else if starts(with: "<?", at: index) {
                guard skip(past: "?>") else { throw PackagesConfigError(line: startLine, problem: "unterminated processing instruction") }
            } else if starts(with: "<!", at: index) {
                // DOCTYPE (maybe with an internal subset in brackets): skipped, never interpreted.
                var bracketDepth = 0
                var closed = false
                index += 2
                while index < count {
                    let current = bytes[index]
                    index += 1
                    if current == 0x0A { line += 1 }
                    if current == 0x5B { bracketDepth += 1 }
                    if current == 0x5D, bracketDepth > 0 { bracketDepth -= 1 }
                    if current == 0x3E, bracketDepth == 0 {
                        closed = true
                        break
                    }
                }
                guard closed else { throw PackagesConfigError(line: startLine, problem: "unterminated declaration") }
            } else {
                let tag = try readTag(bytes, at: &index, line: &line)
                if tag.isClosing {
                    guard let open = stack.popLast() else {
                        throw PackagesConfigError(line: startLine, problem: "closing tag </\(tag.name.prefix(60))> without an opening tag")
                    }
                    guard open.name == tag.name else {
                        throw PackagesConfigError(
                            line: startLine, problem: "closing tag </\(tag.name.prefix(60))> does not match <\(open.name.prefix(60))> from line \(open.line)")
                    }
                } else {
                    if tag.name == "package" {
                        let id = tag.attributes["id"] ?? ""
                        let version = tag.attributes["version"] ?? ""
                        let development = tag.attributes["developmentDependency"]?.lowercased() == "true"
                        entries.append(PackagesConfigEntry(id: id, version: version, isDevelopment: development, line: startLine))
                    }
                    if !tag.isSelfClosing {
                        stack.append((tag.name, startLine))
                        if stack.count > maximumDepth {
                            throw PackagesConfigError(line: startLine, problem: "elements nested deeper than \(maximumDepth) levels")
                        }
                    }
                }
            }
        }
        if let open = stack.last {
            throw PackagesConfigError(line: open.line, problem: "element <\(open.name.prefix(60))> is never closed")
        }
        return entries
    }

    private struct Tag {
        var name: String
        var attributes: [String: String] = [:]
        var isClosing = false
        var isSelfClosing = false
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E, 0x3D, 0x3C, 0x22, 0x27: return false
        default: return true
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Reads `<name a="v" …>` or `</name>` starting at the `<`.
    private static func readTag(_ bytes: [UInt8], at index: inout Int, line: inout Int) throws(PackagesConfigError) -> Tag {
        let startLine = line
        let count = bytes.count
        index += 1
        var tag = Tag(name: "")
        if index < count, bytes[index] == 0x2F {
            tag.isClosing = true
            index += 1
        }
        let nameStart = index
        while index < count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart else { throw PackagesConfigError(line: startLine, problem: "invalid tag") }
        tag.name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        while true {
            while index < count, isSpace(bytes[index]) {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            guard index < count else { throw PackagesConfigError(line: startLine, problem: "unterminated tag <\(tag.name.prefix(60))>") }
            let byte = bytes[index]
            if byte == 0x3E {
                index += 1
                return tag
            }
            if byte == 0x2F, index + 1 < count, bytes[index + 1] == 0x3E, !tag.isClosing {
                tag.isSelfClosing = true
                index += 2
                return tag
            }
            guard !tag.isClosing else { throw PackagesConfigError(line: line, problem: "unexpected content in closing tag") }
            let attributeStart = index
            while index < count, isNameByte(bytes[index]) { index += 1 }
            guard index > attributeStart else { throw PackagesConfigError(line: line, problem: "invalid attribute in <\(tag.name.prefix(60))>") }
            let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self)
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == 0x3D else { throw PackagesConfigError(line: line, problem: "attribute \(attributeName.prefix(60)) has no value") }
            index += 1
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == 0x22 || bytes[index] == 0x27 else {
                throw PackagesConfigError(line: line, problem: "attribute \(attributeName.prefix(60)) value is not quoted")
            }
            let quote = bytes[index]
            index += 1
            let valueStart = index
            while index < count, bytes[index] != quote {
                if bytes[index] == 0x0A { line += 1 }
                if bytes[index] == 0x3C { throw PackagesConfigError(line: line, problem: "'<' inside attribute \(attributeName.prefix(60))") }
                index += 1
            }
            guard index < count else { throw PackagesConfigError(line: startLine, problem: "unterminated attribute value") }
            tag.attributes[attributeName] = decodeReferences(bytes[valueStart..<index])
            index += 1
        }
    }

    /// Decodes the predefined entities and numeric character references; other `&name;` stay as written.
    static func decodeReferences(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var text = String(decoding: bytes, as: UTF8.self)[...]
        var out = ""
        while let ampersand = text.firstIndex(of: "&") {
            out += text[..<ampersand]
            let rest = text[ampersand...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                out += "&"
                text = rest.dropFirst()
                continue
            }
            let reference = rest[rest.index(after: ampersand)..<semicolon]
            var replacement: String?
            switch reference {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if reference.hasPrefix("#x"), let value = UInt32(reference.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    replacement = String(scalar)
                } else if reference.hasPrefix("#"), let value = UInt32(reference.dropFirst()), let scalar = Unicode.Scalar(value) {
                    replacement = String(scalar)
                }
            }
            if let replacement {
                out += replacement
                text = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                text = rest.dropFirst()
            }
        }
        return out + text
    }
}
