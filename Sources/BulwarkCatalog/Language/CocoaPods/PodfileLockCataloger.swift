import BulwarkCore
import Yams

/// Lists CocoaPods pods locked by `Podfile.lock`: every entry of `PODS:` (`Name (1.2.3)`, or a mapping
/// from it to its dependencies). Subspecs keep their full name (`Texture/Core`) and become the purl
/// subpath: `pkg:cocoapods/Texture@3.1.0#Core`. Dependencies resolve to the locked versions.
public struct PodfileLockCataloger: FileByFileCataloger {
    public let id = "podfile-lock"
    public var scope: CatalogScope { .lockfile }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool { PathMatch.hasBaseName(path, "Podfile.lock") }

    /// The packages of one `Podfile.lock`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let root: Node
        switch StructuredInput.yaml(bytes, path: path) {
        case .failed(let warning): return CatalogResult(warnings: [warning])
        case .parsed(let parsed): root = parsed
        }
        guard let document = root.mapping else { return CatalogResult(warnings: ["\(path): expected a YAML mapping at the top level"]) }
        guard let podsNode = document["PODS"] else { return CatalogResult() }
        guard let pods = podsNode.sequence else {
            return CatalogResult(warnings: ["\(path):\((podsNode.mark?.line ?? 0)): 'PODS' is not a list"])
        }
        var warnings: [String] = []
        var entries: [(name: String, version: String, requires: [String])] = []
        for pod in pods {
            let heading: Node?
            var requires: [String] = []
            if let mapping = pod.mapping, let first = mapping.first {
                heading = first.key
                requires = (first.value.sequence.map(Array.init) ?? []).compactMap { $0.string.map { nameAndVersion($0).name } }
            } else {
                heading = pod
            }
            guard let text = heading?.string, case let (name, version?) = nameAndVersion(text), !name.isEmpty else {
                warnings.append("\(path):\((pod.mark?.line ?? 0)): expected 'Name (version)' in PODS")
                continue
            }
            entries.append((name, version, requires))
        }
        var versions: [String: String] = [:]
        for entry in entries where versions[entry.name] == nil { versions[entry.name] = entry.version }
        let packages = entries.map { entry in
            Package.library(
                .cocoapods, name: entry.name, version: entry.version, purl: purl(name: entry.name, version: entry.version), location: path,
                dependencies: entry.requires.map { name in versions[name].map { purl(name: name, version: $0).description } ?? name })
        }
        return CatalogResult(packages: packages, warnings: WarningLimit.capped(warnings, path: path))
    }

    /// `Name/Sub (1.2.3)` → (`Name/Sub`, `1.2.3`); `Name (~> 1.0)` keeps the constraint as the version part.
    static func nameAndVersion(_ text: String) -> (name: String, version: String?) {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else {
            return (text.strippedOfBlanks, nil)
        }
        return (text[..<open].strippedOfBlanks, text[text.index(after: open)..<close].strippedOfBlanks)
    }

    /// `pkg:cocoapods/<pod>@<version>`, the subspec (after the first `/`) as subpath.
    static func purl(name: String, version: String) -> PackageURL {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        return PackageURL(type: "cocoapods", name: parts.first ?? name, version: version, subpath: parts.count > 1 ? parts[1] : nil)
    }
}
