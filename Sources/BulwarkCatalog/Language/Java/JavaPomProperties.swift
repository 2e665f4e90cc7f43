/// The `META-INF/maven/<group>/<artifact>/pom.properties` Maven writes into every jar it builds.
public struct JavaPomProperties: Sendable, Hashable {
    /// `groupId`.
    public var groupId: String
    /// `artifactId`.
    public var artifactId: String
    /// `version`.
    public var version: String

    /// Parses Java properties text (`key=value`, `key: value` or `key value`; `#`/`!` comments);
    /// nil unless groupId, artifactId and version are all present.
    public init?(parsing text: String) {
        let values = JavaPropertiesText.parse(text)
        guard let group = values["groupId"], let artifact = values["artifactId"], let version = values["version"],
            !group.isEmpty, !artifact.isEmpty, !version.isEmpty
        else { return nil }
        groupId = group
        artifactId = artifact
        self.version = version
    }
}

/// A small reader for the Java `.properties` syntax, enough for pom.properties.
enum JavaPropertiesText {
    /// The key/value pairs of `text` (later keys win); escapes other than line continuations are kept as written.
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        var pending = ""
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            var line = Substring(rawLine).drop { $0 == " " || $0 == "\t" }
            if pending.isEmpty, line.first == "#" || line.first == "!" { continue }
            if line.hasSuffix("\\") {
                line = line.dropLast()
                pending += line
                continue
            }
            let logical = pending + line
            pending = ""
            guard let separator = logical.firstIndex(where: { $0 == "=" || $0 == ":" || $0 == " " || $0 == "\t" }) else { continue }
            let key = logical[..<separator].droppingEdges(in: " \t")
            var value = logical[logical.index(after: separator)...].drop { $0 == " " || $0 == "\t" }
            if logical[separator] == " " || logical[separator] == "\t", value.first == "=" || value.first == ":" {
                value = value.dropFirst().drop { $0 == " " || $0 == "\t" }
            }
            values[key] = value.droppingEdges(in: " \t")
        }
        return values
    }
}
