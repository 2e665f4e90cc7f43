import BulwarkCore

/// Reads the YAML form of Alpine secdb (the deprecated `alpine-secdb` repository, v3.3–v3.11).
///
/// Those files use a small, regular subset of YAML: top-level scalars, a `packages:` list of `- pkg:`
/// mappings with `name:` and a `secfixes:` mapping from version to a list of id strings. This reader
/// handles exactly that subset line by line (comments, quoted scalars, flexible indentation) instead
/// of pulling in a YAML library; anything else in a file is ignored.
enum AlpineSecDBYAMLReader {
    private enum Context { case top, package, secfixes }

    /// Parses the subset; lines that fit nowhere are reported through `malformed`.
    static func read(_ bytes: [UInt8], malformed: (String) -> Void) -> AlpineSecDBDocument {
        var document = AlpineSecDBDocument()
        var context = Context.top
        var current: AlpineSecDBDocument.Package?
        var currentVersion: String?
        var lineNumber = 0

        func finishPackage() {
            if let package = current {
                if package.name.isEmpty { malformed("package #\(document.packages.count + 1) has no name") }
                else { document.packages.append(package) }
            }
            current = nil
            currentVersion = nil
        }

        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = stripComment(String(decoding: rawLine, as: UTF8.self))
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content == "---" || content == "..." { continue }
            let indent = line.count - content.count

            if indent == 0 && !content.hasPrefix("-") {
                // A top-level key ends any package being read.
                finishPackage()
                context = .top
                guard let (key, value) = splitKey(content) else { continue }
                switch key {
                case "distroversion": document.distroVersion = unquote(value)
                case "reponame": document.repository = unquote(value)
                default: break
                }
                continue
            }
            if content.hasPrefix("- pkg:") || content == "-pkg:" {
                finishPackage()
                current = AlpineSecDBDocument.Package(name: "", fixes: [])
                context = .package
                continue
            }
            switch context {
            case .top:
                continue  // archs list and the like
            case .package, .secfixes:
                if content.hasPrefix("-") {
                    guard context == .secfixes, let version = currentVersion, var package = current,
                          let index = package.fixes.lastIndex(where: { $0.fixedVersion == version })
                    else {
                        malformed("line \(lineNumber): list item outside a secfixes version")
                        continue
                    }
                    let entry = unquote(content.dropFirst())
                    if !entry.isEmpty { package.fixes[index].entries.append(entry) }
                    current = package
                    continue
                }
                guard let (key, value) = splitKey(content) else {
                    malformed("line \(lineNumber): not a key or list item")
                    continue
                }
                if context == .package || key == "name" || key == "secfixes" {
                    if key == "name" { current?.name = unquote(value) }
                    else if key == "secfixes" { context = .secfixes }
                    continue
                }
                let version = unquote(Substring(key))
                guard !version.isEmpty else { malformed("line \(lineNumber): empty version"); continue }
                currentVersion = version
                current?.fixes.append(AlpineSecDBDocument.SecurityFix(fixedVersion: version, entries: []))
                if !value.isEmpty { malformed("line \(lineNumber): inline value for version \(version) ignored") }
            }
        }
        finishPackage()
        return document
    }

    /// Drops a `#` comment that starts a line or follows whitespace (outside quotes is assumed: ids never hold `#`).
    private static func stripComment(_ line: String) -> String {
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "#" && (previous == " " || previous == "\t") { return String(line[..<index]) }
            previous = character
            index = line.index(after: index)
        }
        return line.trimmingTrailingWhitespace()
    }

    /// Splits `key: value` (value may be empty) at the first `:` followed by a space or the end.
    private static func splitKey(_ content: Substring) -> (key: String, value: Substring)? {
        var index = content.startIndex
        var inQuotes: Character?
        while index < content.endIndex {
            let character = content[index]
            if let quote = inQuotes {
                if character == quote { inQuotes = nil }
            } else if character == "\"" || character == "'" {
                inQuotes = character
            } else if character == ":" {
                let next = content.index(after: index)
                if next == content.endIndex || content[next] == " " || content[next] == "\t" {
                    let key = unquote(content[..<index])
                    let value = next == content.endIndex ? Substring("") : content[next...].drop { $0 == " " || $0 == "\t" }
                    return (key, value)
                }
            }
            index = content.index(after: index)
        }
        return nil
    }

    /// Trims whitespace and one pair of surrounding quotes.
    private static func unquote(_ text: Substring) -> String {
        var slice = text.drop { $0 == " " || $0 == "\t" }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        if slice.count >= 2, let first = slice.first, first == "\"" || first == "'", slice.last == first {
            slice = slice.dropFirst().dropLast()
        }
        return String(slice)
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var slice = Substring(self)
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }
}
