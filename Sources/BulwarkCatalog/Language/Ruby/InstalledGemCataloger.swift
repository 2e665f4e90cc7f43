import BulwarkCore

/// Lists installed Ruby gems from their specifications: `…/specifications/*.gemspec` and
/// `…/specifications/default/*.gemspec` (default gems shipped with Ruby). Runtime dependencies are
/// resolved to a purl when exactly one version of that gem is installed in the same gem directory.
public struct InstalledGemCataloger: Cataloger {
    public let id = "gem-installed"
    public var scope: CatalogScope { .installed }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool {
        guard PathMatch.hasSuffix(path, ".gemspec") else { return false }
        let parent = PathNormalizer.parent(path)
        return parent.hasSuffix("/specifications") || parent.hasSuffix("/specifications/default")
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        var found: [(package: Package, requires: [String], directory: String)] = []
        for file in TreeFileScan.files(in: tree, where: isInterested) {
            let spec = GemspecParser.parse(TextDecoding.text(Array(file.bytes.prefix(StructuredInput.maxBytes))))
            guard let name = spec.name, !name.isEmpty, let version = spec.version, !version.isEmpty else {
                result.warnings.append("\(file.path):1: gemspec without a name or version")
                continue
            }
            var directory = PathNormalizer.parent(file.path)
            if directory.hasSuffix("/default") { directory = PathNormalizer.parent(directory) }
            let package = Package.library(
                .gem, name: name, version: version, purl: GemPackageURL.purl(name: name, version: version), location: file.path,
                licenses: spec.licenses)
            found.append((package, spec.runtimeDependencies, directory))
        }
        var versions: [String: [String: Set<String>]] = [:]
        for entry in found { versions[entry.directory, default: [:]][entry.package.name, default: []].insert(entry.package.version) }
        for entry in found {
            var package = entry.package
            package.dependencies = entry.requires.map { name in
                if let installed = versions[entry.directory]?[name], installed.count == 1, let version = installed.first {
                    return GemPackageURL.purl(name: name, version: version).description
                }
                return name
            }
            result.packages.append(package)
        }
        return result
    }
}
