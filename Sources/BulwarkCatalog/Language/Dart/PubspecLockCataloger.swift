import BulwarkCore
import Yams

/// Lists Dart/Flutter packages locked by `pubspec.lock`: `hosted`, `git` and `path` sources (SDK
/// packages such as `flutter` are part of the toolchain and left out); development-only when
/// `dependency: "direct dev"`. The purl is `pkg:pub/<name>@<version>`.
public struct PubspecLockCataloger: FileByFileCataloger {
    public let id = "pubspec-lock"
    public var scope: CatalogScope { .lockfile }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool { PathMatch.hasBaseName(path, "pubspec.lock") }

    /// The packages of one `pubspec.lock`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let root: Node
        switch StructuredInput.yaml(bytes, path: path) {
        case .failed(let warning): return CatalogResult(warnings: [warning])
        case .parsed(let parsed): root = parsed
        }
        guard let document = root.mapping else { return CatalogResult(warnings: ["\(path): expected a YAML mapping at the top level"]) }
        guard let packagesNode = document["packages"] else { return CatalogResult() }
        guard let packages = packagesNode.mapping else {
            return CatalogResult(warnings: ["\(path):\(line(packagesNode)): 'packages' is not a mapping"])
        }
        var result = CatalogResult()
        for (key, value) in packages {
            guard let name = key.string, !name.isEmpty, let entry = value.mapping else {
                result.warnings.append("\(path):\(line(key)): package entry is not a mapping")
                continue
            }
            let source = entry["source"]?.string
            if source == "sdk" { continue }
            guard let version = entry["version"]?.string, !version.isEmpty else {
                result.warnings.append("\(path):\(line(key)): package '\(name)' has no version")
                continue
            }
            result.packages.append(
                Package.library(
                    .pub, name: name, version: version, purl: PackageURL(type: "pub", name: name, version: version), location: path,
                    isDevelopment: entry["dependency"]?.string == "direct dev"))
        }
        result.warnings = WarningLimit.capped(result.warnings, path: path)
        return result
    }

    private static func line(_ node: Node) -> Int { (node.mark?.line ?? 0) }
}
