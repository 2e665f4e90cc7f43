import BulwarkCore

/// Lists installed Node packages: the `package.json` of every package directory under a
/// `node_modules` folder — top-level (`node_modules/a`), scoped (`node_modules/@s/a`), nested
/// (`node_modules/a/node_modules/b`), pnpm's store (`node_modules/.pnpm/a@1/node_modules/a`) and
/// Yarn's unplugged folders.
///
/// Only a package's own manifest counts: the file must sit directly in `node_modules/<name>` or
/// `node_modules/@scope/<name>` and name both `name` and `version`. Trivy's `node-pkg` analyzer reads
/// every `package.json` and Syft's every `package.json` too, both dropping files without a name or
/// version; the directory rule here also keeps out test fixtures and `lib/package.json` stubs deeper
/// inside a package (which often *do* carry a name and version). The project's own root package —
/// a `package.json` outside `node_modules` — is not an installed package and is skipped.
///
/// Each package's `dependencies` (and `optionalDependencies`) are resolved with Node's lookup rule
/// (own `node_modules`, then each ancestor's) against the manifests found: purls when resolved,
/// plain names otherwise.
public struct NodePackageCataloger: Cataloger {
    public let id = "node-package"

    /// Creates the cataloger.
    public init() {}

    public var scope: CatalogScope { .installed }

    public func isInterested(in path: String) -> Bool { Self.isPackageManifest(path) }

    /// Whether `path` is `…/node_modules/<name>/package.json` or `…/node_modules/@scope/<name>/package.json`.
    /// Allocation-free: walks the UTF-8 view backwards.
    static func isPackageManifest(_ path: String) -> Bool {
        guard PathMatch.hasBaseName(path, "package.json") else { return false }
        let utf8 = path.utf8
        // End of the package directory component (the slash before "package.json").
        var end = utf8.index(utf8.endIndex, offsetBy: -("package.json".utf8.count + 1))
        guard let packageStart = componentStart(utf8, endingAt: end), packageStart != end,
            utf8[packageStart] != UInt8(ascii: "@")  // a scope folder, not a package
        else { return false }
        end = utf8.index(before: packageStart)  // the slash before the package directory
        guard end > utf8.startIndex, let parentStart = componentStart(utf8, endingAt: end) else { return false }
        if matches(utf8, from: parentStart, to: end, "node_modules") { return true }
        guard utf8[parentStart] == UInt8(ascii: "@"), parentStart > utf8.startIndex else { return false }
        let scopeEnd = utf8.index(before: parentStart)
        guard scopeEnd > utf8.startIndex, let grandStart = componentStart(utf8, endingAt: scopeEnd) else { return false }
        return matches(utf8, from: grandStart, to: scopeEnd, "node_modules")
    }

    /// The start of the component that ends just before `end` (which points at a `/`).
    private static func componentStart(_ utf8: String.UTF8View, endingAt end: String.UTF8View.Index) -> String.UTF8View.Index? {
        var index = end
        while index > utf8.startIndex {
            let previous = utf8.index(before: index)
            if utf8[previous] == 0x2F { return index }
            index = previous
        }
        return nil
    }

    private static func matches(_ utf8: String.UTF8View, from start: String.UTF8View.Index, to end: String.UTF8View.Index, _ word: StaticString) -> Bool {
        guard utf8.distance(from: start, to: end) == word.utf8CodeUnitCount else { return false }
        var index = start
        var offset = 0
        while index < end {
            if utf8[index] != word.utf8Start[offset] { return false }
            index = utf8.index(after: index)
            offset += 1
        }
        return true
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var warnings: [String] = []
        var manifests: [(path: String, directory: String, name: String, version: String, licenses: [String], requires: [String])] = []
        for path in LockfilePaths.collected(in: tree, where: Self.isPackageManifest) {
            guard let bytes = tree.contents(of: path) else { continue }
            let document: NodeJSON
            do {
                document = try NodeJSONParser.parse(bytes)
            } catch {
                warnings.append("\(path):\(error.line): \(error.problem)")
                continue
            }
            guard let manifest = document.object else {
                warnings.append("\(path):1: expected a JSON object, found \(document.kindName)")
                continue
            }
            guard let name = manifest["name"]?.string, NPMPackageFactory.isPlausibleName(name),
                let version = manifest["version"]?.string?.trimmingManifestWhitespace, !version.isEmpty
            else { continue }
            var requires: [String] = []
            for field in ["dependencies", "optionalDependencies"] {
                guard let list = manifest[field]?.object else { continue }
                for member in list.members where !requires.contains(member.key) { requires.append(member.key) }
            }
            manifests.append((path, PathNormalizer.parent(path), name, version, NPMPackageFactory.licenses(of: manifest), requires))
        }
        var versionByDirectory: [String: (name: String, version: String)] = [:]
        for manifest in manifests { versionByDirectory[manifest.directory] = (manifest.name, manifest.version) }
        let packages = manifests.map { manifest in
            let dependencies = manifest.requires.map { dependency -> String in
                guard let found = Self.resolve(dependency, from: manifest.directory, in: versionByDirectory) else { return dependency }
                return NPMPackageFactory.purlString(name: found.name, version: found.version)
            }
            return NPMPackageFactory.package(
                name: manifest.name, version: manifest.version, location: manifest.path, licenses: manifest.licenses, dependencies: dependencies)
        }
        return CatalogResult(packages: packages, warnings: warnings)
    }

    /// Node's module lookup: `<dir>/node_modules/<name>`, then the same from each ancestor directory.
    static func resolve(_ name: String, from directory: String, in installed: [String: (name: String, version: String)]) -> (name: String, version: String)? {
        var current = Substring(directory)
        while true {
            if !current.hasSuffix("/node_modules") {
                let candidate = current + "/node_modules/" + name
                if let found = installed[String(candidate)] { return found }
            }
            guard let slash = current.lastIndex(of: "/") else { return nil }
            if slash == current.startIndex {
                return installed["/node_modules/" + name]
            }
            current = current[..<slash]
        }
    }
}
