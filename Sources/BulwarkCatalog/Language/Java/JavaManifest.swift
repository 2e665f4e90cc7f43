/// The main section of a jar's `META-INF/MANIFEST.MF`: `Name: value` headers, continuation lines
/// starting with one space, ending at the first blank line.
public struct JavaManifest: Sendable, Hashable {
    /// The main-section attributes, by name as written.
    public var attributes: [String: String]

    /// Parses manifest text (CRLF, LF or CR line ends).
    public init(parsing text: String) {
        attributes = [:]
        var lastKey: String?
        let normalized = text.replacingLineEnds()
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                // The first blank line after some headers ends the main section.
                if !attributes.isEmpty { break }
                continue
            }
            if line.first == " " {
                if let lastKey { attributes[lastKey, default: ""] += line.dropFirst() }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                lastKey = nil
                continue
            }
            let key = String(line[..<colon]).trimmingCharacters(in: " \t")
            attributes[key] = String(line[line.index(after: colon)...].drop { $0 == " " })
            lastKey = key
        }
        for (key, value) in attributes { attributes[key] = value.trimmingCharacters(in: " \t") }
    }

    /// The value of `name`, when present and not empty.
    public subscript(_ name: String) -> String? {
        guard let value = attributes[name], !value.isEmpty else { return nil }
        return value
    }
}

extension String {
    /// The text with CRLF and lone CR turned into LF.
    func replacingLineEnds() -> String {
        guard contains("\r") else { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { out.unicodeScalars.append(scalar) }
                previousWasCR = false
            }
        }
        return out
    }
}
