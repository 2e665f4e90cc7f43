/// Text handling for terminal output: neutralizing hostile characters, measuring columns, truncating
/// and ANSI styling.
enum TerminalText {
    /// The ellipsis that marks truncated text.
    static let ellipsis: Character = "…"

    /// `text` made safe to print: control characters (C0, DEL, C1) and bidirectional/format characters,
    /// which could move the cursor, recolor or reorder the terminal, become `?`; tabs and newlines
    /// become spaces.
    static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: out.append("?")
            default:
                if scalar.properties.generalCategory == .format { out.append("?") } else { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// The number of terminal columns `text` takes: wide (East Asian, emoji) characters count 2,
    /// combining marks 0, everything else 1.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns of one character.
    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        return isWide(first) || character.unicodeScalars.count > 1 && character.unicodeScalars.contains(where: isWide)
            ? 2 : 1
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `limit` columns, ending in `…` when anything was cut.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard width(text) > limit else { return text }
        guard limit > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let columns = width(of: character)
            if used + columns > limit - 1 { break }
            out.append(character)
            used += columns
        }
        out.append(ellipsis)
        return out
    }

    /// `text` followed by spaces up to `columns` columns.
    static func pad(_ text: String, to columns: Int) -> String {
        let missing = columns - width(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }
}

/// ANSI SGR styling that collapses to plain text when colors are off.
struct TerminalStyle: Sendable {
    /// Whether escapes are emitted at all.
    let enabled: Bool

    /// `text` in bold.
    func bold(_ text: String) -> String { wrap(text, "1") }

    /// `text` dimmed, for secondary information.
    func dim(_ text: String) -> String { wrap(text, "2") }

    /// `text` in the SGR color `code` (`31` red…).
    func apply(_ text: String, color code: String) -> String { wrap(text, code) }

    private func wrap(_ text: String, _ code: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }
}
