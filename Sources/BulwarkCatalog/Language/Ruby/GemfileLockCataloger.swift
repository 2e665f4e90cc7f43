import BulwarkCore

/// Lists gems locked by `Gemfile.lock`: the `specs:` of the `GEM`, `GIT` and `PATH` sections
/// (`name (version[-platform])`), with each spec's dependencies resolved to the locked versions.
public struct GemfileLockCataloger: FileByFileCataloger {
    public let id = "gemfile-lock"
    public var scope: CatalogScope { .lockfile }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool {
        PathMatch.hasBaseName(path, "Gemfile.lock") || PathMatch.hasBaseName(path, "gems.locked")
    }

    private struct Spec {
        var name: String
        var version: String
        var platform: String?
        var requires: [String]
    }

    /// The packages of one `Gemfile.lock`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        var warnings: [String] = []
        var specs: [Spec] = []
        var inSpecSection = false
        var inSpecs = false
        for (number, line) in TextDecoding.numberedLines(TextDecoding.text(bytes)) {
            if line.isEmpty { continue }
            if line.first != " " {
                inSpecSection = line == "GEM" || line == "GIT" || line == "PATH" || line == "PLUGIN SOURCE"
                inSpecs = false
                continue
            }
            guard inSpecSection else { continue }
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if indent == 2 {
                inSpecs = content == "specs:"
                continue
            }
            guard inSpecs else { continue }
            guard let (name, detail) = nameAndParenthesis(content) else {
                warnings.append("\(path):\(number): expected 'name (version)', found '\(content.prefix(60))'")
                continue
            }
            if indent == 4 {
                guard let detail, !detail.isEmpty else {
                    warnings.append("\(path):\(number): gem '\(name.prefix(60))' has no version")
                    continue
                }
                var version = detail
                var platform: String?
                if let dash = detail.firstIndex(of: "-") {
                    version = String(detail[..<dash])
                    platform = String(detail[detail.index(after: dash)...])
                }
                specs.append(Spec(name: name, version: version, platform: platform, requires: []))
            } else if indent == 6, !specs.isEmpty {
                specs[specs.count - 1].requires.append(name)
            }
        }
        var versions: [String: String] = [:]
        for spec in specs where versions[spec.name] == nil { versions[spec.name] = spec.version }
        var seen = Set<String>()
        var result = CatalogResult()
        for spec in specs where seen.insert(spec.name + "@" + spec.version).inserted {
            let dependencies = spec.requires.map { name in versions[name].map { GemPackageURL.purl(name: name, version: $0).description } ?? name }
            result.packages.append(
                Package.library(
                    .gem, name: spec.name, version: spec.version, purl: GemPackageURL.purl(name: spec.name, version: spec.version, platform: spec.platform),
                    location: path, dependencies: dependencies))
        }
        result.warnings = WarningLimit.capped(warnings, path: path)
        return result
    }

    /// `name (detail)` → (`name`, `detail`); `name` alone → (`name`, nil); nil when the name is empty.
    private static func nameAndParenthesis(_ content: Substring) -> (String, String?)? {
        let name = content.prefix { $0 != " " && $0 != "(" && $0 != "!" }
        guard !name.isEmpty else { return nil }
        let rest = content[name.endIndex...].drop { $0 == " " }
        guard rest.first == "(" else { return (String(name), nil) }
        guard let close = rest.firstIndex(of: ")") else { return nil }
        return (String(name), String(rest[rest.index(after: rest.startIndex)..<close]))
    }
}
