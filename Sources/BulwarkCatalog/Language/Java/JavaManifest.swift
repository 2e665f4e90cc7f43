/// The main section of a jar's `META-INF/MANIFEST.MF`: `Name: value` headers, continuation lines
/// starting with one space, ending at the first blank line.
public struct JavaManifest: Sendable, Hashable {
    /// The main-section attributes, by name as written.
    public var attributes: [String: String]

    /// Parses manifest text (CRLF, LF or CR line ends).
    public init(parsing text: String) {
        attributes = [:]
        var lastKey: String?
        let normalized = text.withUnixLineEnds()
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
            let key = String(line[..<colon]).droppingEdges(in: " \t")
            attributes[key] = String(line[line.index(after: colon)...].drop { $0 == " " })
            lastKey = key
        }
        for (key, value) in attributes { attributes[key] = value.droppingEdges(in: " \t") }
    }

    /// The value of `name`, when present and not empty.
    public subscript(_ name: String) -> String? {
        guard let value = attributes[name], !value.isEmpty else { return nil }
        return value
    }
}
