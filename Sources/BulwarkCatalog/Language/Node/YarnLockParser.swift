/// One entry of a `yarn.lock`: the specifiers it answers (`"a@^1", "a@^1.2"`), its fields and its
/// dependency blocks. The same indentation-based reader serves classic (v1: `version "1.2.3"`) and
/// Berry (v2+, YAML: `version: 1.2.3`) lockfiles.
struct YarnLockEntry: Sendable {
    /// The specifiers of the header line, unquoted (`@babel/core@^7.0.0`, `debug@npm:4.3.4`).
    var specifiers: [String]
    /// The 1-based line of the header.
    var line: Int
    /// Scalar fields (`version`, `resolved`, `resolution`, `integrity`, `linkType`…), unquoted.
    var fields: [String: String] = [:]
    /// `dependencies` and `optionalDependencies` as (name, range) pairs in file order.
    var dependencies: [(name: String, range: String)] = []
}

/// The entries of a `yarn.lock` and whether it is a Berry (v2+) lockfile.
struct YarnLockFile: Sendable {
    /// The package entries (the Berry `__metadata` block excluded).
    var entries: [YarnLockEntry]
    /// True when the file has a `__metadata` block (Yarn 2 and later).
    var isBerry: Bool
    /// Problems found, each `line N: problem`.
    var problems: [(line: Int, problem: String)]
}

/// Reads `yarn.lock` files by hand, line by line over the bytes, without allocating per byte.
enum YarnLockParser {
    /// The largest number of problems reported for one file (garbage would otherwise yield one per line).
    static let maximumProblems = 20

    /// Parses the text of a `yarn.lock`. Works on bytes: only headers and fields become strings.
    static func parse(_ bytes: [UInt8]) -> YarnLockFile {
        var file = YarnLockFile(entries: [], isBerry: false, problems: [])
        if let nul = bytes.firstIndex(of: 0) {
            file.problems.append((LockfilePaths.line(of: nul, in: bytes), "binary data (NUL byte), not a yarn.lock"))
            return file
        }
        var current: YarnLockEntry?
        var inMetadata = false
        var block: String?
        var lineNumber = 0
        var skippingBadEntry = false
        func problem(_ text: String) {
            if file.problems.count < maximumProblems { file.problems.append((lineNumber, text)) }
        }
        func flush() {
            if let entry = current { file.entries.append(entry) }
            current = nil
        }
        var lineStart = 0
        let count = bytes.count
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var contentStart = lineStart
            while contentStart < contentEnd, bytes[contentStart] == 0x20 { contentStart += 1 }
            let indent = contentStart - lineStart
            if contentStart == contentEnd || bytes[contentStart] == 0x23 { continue }  // blank or comment
            let content = bytes[contentStart..<contentEnd]
            if indent == 0 {
                flush()
                block = nil
                inMetadata = false
                skippingBadEntry = false
                guard content.last == 0x3A else {
                    problem("expected an entry header ending in ':'")
                    skippingBadEntry = true
                    continue
                }
                let header = Substring(String(decoding: content.dropLast(), as: UTF8.self))
                if header == "__metadata" {
                    file.isBerry = true
                    inMetadata = true
                    continue
                }
                let specifiers = splitSpecifiers(header)
                guard !specifiers.isEmpty else {
                    problem("empty entry header")
                    skippingBadEntry = true
                    continue
                }
                current = YarnLockEntry(specifiers: specifiers, line: lineNumber)
                continue
            }
            if inMetadata || skippingBadEntry { continue }
            guard current != nil else {
                problem("indented line outside an entry")
                continue
            }
            // Only fields at the entry level and members of dependency blocks are needed.
            let isDependencyMember = indent > 2 && (block == "dependencies" || block == "optionalDependencies")
            guard indent <= 2 || isDependencyMember else { continue }
            guard let (key, value) = keyValue(Substring(String(decoding: content, as: UTF8.self))) else {
                problem("cannot read '\(String(decoding: content.prefix(60), as: UTF8.self))'")
                continue
            }
            if isDependencyMember {
                current?.dependencies.append((key, value))
            } else if value.isEmpty {
                block = key
            } else {
                block = nil
                current?.fields[key] = value
            }
        }
        flush()
        return file
    }

    /// Splits `"a@^1", a@^2` into unquoted specifiers.
    static func splitSpecifiers(_ header: Substring) -> [String] {
        header.split(separator: ",").map { unquote($0.droppingSurrounding(" ")) }.filter { !$0.isEmpty }
    }

    /// Reads `key value`, `key: value`, `"key" value` or `"key": value`; a bare `key:` has an empty value.
    static func keyValue(_ content: Substring) -> (String, String)? {
        var key: Substring
        var rest: Substring
        if content.hasPrefix("\"") {
            let afterQuote = content.dropFirst()
            guard let close = afterQuote.firstIndex(of: "\"") else { return nil }
            key = afterQuote[..<close]
            rest = afterQuote[afterQuote.index(after: close)...]
            if rest.hasPrefix(":") { rest = rest.dropFirst() }
        } else {
            let end = content.firstIndex(where: { $0 == " " }) ?? content.endIndex
            key = content[..<end]
            rest = content[end...]
            if key.hasSuffix(":") { key = key.dropLast() }
        }
        guard !key.isEmpty else { return nil }
        return (String(key), unquote(rest.droppingSurrounding(" ")))
    }

    /// Removes one pair of surrounding double quotes.
    static func unquote(_ text: Substring) -> String {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return String(text.dropFirst().dropLast()) }
        return String(text)
    }

    /// Splits a specifier `name@range` (the name may be scoped: `@s/a@^1`) at the `@` after the name.
    static func splitSpecifier(_ specifier: String) -> (name: String, range: String)? {
        let searchStart = specifier.hasPrefix("@") ? specifier.index(after: specifier.startIndex) : specifier.startIndex
        guard let at = specifier[searchStart...].firstIndex(of: "@") else { return nil }
        let name = String(specifier[..<at])
        guard !name.isEmpty else { return nil }
        return (name, String(specifier[specifier.index(after: at)...]))
    }

    /// The protocol of a range (`npm`, `workspace`, `patch`, `file`, `git+https`…), or nil for a plain
    /// semver range or tag. Only letters, digits and `+` may precede the colon.
    static func rangeProtocol(_ range: String) -> Substring? {
        guard let colon = range.firstIndex(of: ":") else { return nil }
        let head = range[..<colon]
        guard !head.isEmpty, head.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" }) else { return nil }
        return head
    }
}

extension Substring {
    /// The substring without leading and trailing `character`s.
    func droppingSurrounding(_ character: Character) -> Substring {
        var result = self
        while result.first == character { result = result.dropFirst() }
        while result.last == character { result = result.dropLast() }
        return result
    }
}
