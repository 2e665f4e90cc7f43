/// The fields Bulwark reads from an installed gem's specification (`specifications/*.gemspec`, the Ruby
/// DSL rubygems writes): `s.name`, `s.version` (string or `Gem::Version.new(...)`), `s.licenses` /
/// `s.license`, and runtime dependencies (`add_runtime_dependency` / `add_dependency`).
public struct GemspecParser: Sendable, Equatable {
    /// The gem name.
    public var name: String?
    /// The gem version.
    public var version: String?
    /// Declared licenses.
    public var licenses: [String] = []
    /// Names of runtime dependencies.
    public var runtimeDependencies: [String] = []

    /// Parses a gemspec's text.
    public static func parse(_ text: String) -> GemspecParser {
        var spec = GemspecParser()
        for (_, rawLine) in TextDecoding.numberedLines(text) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard let dot = line.firstIndex(of: "."), dot > line.startIndex,
                line[..<dot].allSatisfy({ $0.isLetter || $0 == "_" })
            else { continue }
            let member = line[line.index(after: dot)...].prefix { $0.isLetter || $0 == "_" }
            let rest = line[member.endIndex...]
            let strings = RubyStringLiterals.strings(in: rest)
            switch member {
            case "name" where isAssignment(rest): spec.name = strings.first ?? spec.name
            case "version" where isAssignment(rest): spec.version = strings.first ?? spec.version
            case "licenses" where isAssignment(rest), "license" where isAssignment(rest): spec.licenses = strings
            case "add_runtime_dependency", "add_dependency":
                if let dependency = strings.first, !spec.runtimeDependencies.contains(dependency) {
                    spec.runtimeDependencies.append(dependency)
                }
            default: continue
            }
        }
        return spec
    }

    private static func isAssignment(_ rest: Substring) -> Bool {
        rest.drop { $0 == " " }.first == "="
    }
}
