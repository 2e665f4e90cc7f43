/// Extracts the string literals of a line of Ruby as rubygems and bundler write them:
/// `"x"` (with backslash escapes), `'x'`, and `%q{x}` / `%q<x>` / `%q(x)` / `%q[x]` / `%Q…`.
enum RubyStringLiterals {
    /// Every string literal in `line`, in order.
    static func strings(in line: Substring) -> [String] {
        var out: [String] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "#" { break }  // comment
            if character == "\"" || character == "'" {
                var value = ""
                var cursor = line.index(after: index)
                var closed = false
                while cursor < line.endIndex {
                    let current = line[cursor]
                    if current == "\\", character == "\"", line.index(after: cursor) < line.endIndex {
                        cursor = line.index(after: cursor)
                        value.append(line[cursor])
                    } else if current == character {
                        closed = true
                        break
                    } else {
                        value.append(current)
                    }
                    cursor = line.index(after: cursor)
                }
                guard closed else { break }
                out.append(value)
                index = line.index(after: cursor)
                continue
            }
            if character == "%", let next = line.index(index, offsetBy: 1, limitedBy: line.endIndex), next < line.endIndex,
                line[next] == "q" || line[next] == "Q",
                let open = line.index(next, offsetBy: 1, limitedBy: line.endIndex), open < line.endIndex,
                let close = closingDelimiter(line[open])
            {
                let start = line.index(after: open)
                guard let end = line[start...].firstIndex(of: close) else { break }
                out.append(String(line[start..<end]))
                index = line.index(after: end)
                continue
            }
            index = line.index(after: index)
        }
        return out
    }

    private static func closingDelimiter(_ open: Character) -> Character? {
        switch open {
        case "{": return "}"
        case "<": return ">"
        case "(": return ")"
        case "[": return "]"
        case "|", "!", "/": return open
        default: return nil
        }
    }
}
