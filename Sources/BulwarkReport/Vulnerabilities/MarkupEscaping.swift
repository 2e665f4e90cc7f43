/// Escaping of untrusted text (package metadata, advisory text) for XML and HTML.
enum MarkupEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops characters XML 1.0 cannot carry (C0 controls other
    /// than tab, newline and carriage return; lone surrogates cannot occur in Swift strings; U+FFFE/U+FFFF).
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF || (0x7F...0x9F).contains(scalar.value) {
                    continue
                }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
