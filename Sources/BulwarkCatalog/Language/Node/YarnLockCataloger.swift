import BulwarkCore

/// Lists the packages a `yarn.lock` pins, classic (v1) and Berry (v2+).
///
/// Entries resolved from the npm registry are listed (classic: plain ranges, tags and `npm:` aliases,
/// the alias unwrapped to the real package; Berry: `resolution: "name@npm:1.2.3"`). Workspace, patch,
/// link, portal, file, git and URL entries are skipped, as Trivy does. Dependencies are resolved through
/// the lockfile's own specifiers. Development dependencies are flagged when the `package.json` beside
/// the lockfile is present: packages reachable only from its `devDependencies` are development ones.
public struct YarnLockCataloger: Cataloger {
    public let id = "yarn-lock"

    /// Creates the cataloger.
    public init() {}

    public var scope: CatalogScope { .lockfile }

    public func isInterested(in path: String) -> Bool {
        guard !PathMatch.containsDirectory(path, "node_modules") else { return false }
        return PathMatch.hasBaseName(path, "yarn.lock") || PathMatch.hasBaseName(path, "package.json")
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for path in LockfilePaths.collected(in: tree, where: { PathMatch.hasBaseName($0, "yarn.lock") && isInterested(in: $0) }) {
            guard let bytes = tree.contents(of: path) else { continue }
            let manifestPath = PathNormalizer.parent(path) + "/package.json"
            let parsed = parse(bytes, path: path, manifest: tree.contents(of: manifestPath), manifestPath: manifestPath)
            result.packages += parsed.packages
            result.warnings += parsed.warnings
        }
        return result
    }

    /// Parses one lockfile; `manifest` is the project's `package.json` beside it, when present.
    func parse(_ bytes: [UInt8], path: String, manifest: [UInt8]? = nil, manifestPath: String = "package.json") -> CatalogResult {
        let file = YarnLockParser.parse(bytes)
        var warnings = file.problems.map { "\(path):\($0.line): \($0.problem)" }
        // Resolve every entry to (name, version) or skip it.
        var nodes: [(name: String, version: String, entry: YarnLockEntry)] = []
        var nodeBySpecifier: [String: Int] = [:]
        for entry in file.entries {
            guard let resolved = resolve(entry, isBerry: file.isBerry) else { continue }
            guard let version = entry.fields["version"], !version.isEmpty else {
                if warnings.count < YarnLockParser.maximumProblems { warnings.append("\(path):\(entry.line): entry \(entry.specifiers[0].prefix(80)) has no version") }
                continue
            }
            let index = nodes.count
            nodes.append((resolved, version, entry))
            for specifier in entry.specifiers { nodeBySpecifier[specifier] = index }
            if let resolution = entry.fields["resolution"] { nodeBySpecifier[resolution] = index }
        }
        func lookup(_ name: String, _ range: String) -> Int? {
            if let index = nodeBySpecifier["\(name)@\(range)"] { return index }
            if file.isBerry, YarnLockParser.rangeProtocol(range) == nil { return nodeBySpecifier["\(name)@npm:\(range)"] }
            return nil
        }
        var edges: [[Int]] = []
        var dependencyLists: [[String]] = []
        for node in nodes {
            var targets: [Int] = []
            var dependencies: [String] = []
            for dependency in node.entry.dependencies {
                if let target = lookup(dependency.name, dependency.range) {
                    targets.append(target)
                    dependencies.append(NPMPackageFactory.purlString(name: nodes[target].name, version: nodes[target].version))
                } else {
                    dependencies.append(dependency.name)
                }
            }
            edges.append(targets)
            dependencyLists.append(dependencies)
        }
        var development = Set<Int>()
        if let manifest {
            switch Self.directDependencies(manifest) {
            case .success(let direct):
                let production = direct.production.compactMap { lookup($0.name, $0.range) }
                let dev = direct.development.compactMap { lookup($0.name, $0.range) }
                development = DevelopmentReachability.developmentOnly(edges: edges, productionRoots: production, developmentRoots: dev)
            case .failure(let error):
                warnings.append("\(manifestPath):\(error.line): \(error.problem)")
            }
        }
        var seen = Set<String>()
        var packages: [Package] = []
        for (index, node) in nodes.enumerated() {
            let isDevelopment = development.contains(index)
            guard seen.insert("\(node.name)@\(node.version)#\(isDevelopment)").inserted else { continue }
            packages.append(
                NPMPackageFactory.package(
                    name: node.name, version: node.version, location: path, isDevelopment: isDevelopment, dependencies: dependencyLists[index]))
        }
        return CatalogResult(packages: packages, warnings: warnings)
    }

    /// The real package name an entry installs, or nil when it is not an npm registry package.
    private func resolve(_ entry: YarnLockEntry, isBerry: Bool) -> String? {
        if isBerry {
            guard let resolution = entry.fields["resolution"] ?? entry.specifiers.first,
                let (name, range) = YarnLockParser.splitSpecifier(resolution),
                YarnLockParser.rangeProtocol(range) == "npm"
            else { return nil }
            // An alias resolves to the real package: `alias@npm:real@1.2.3`.
            let target = range.dropFirst(4)
            if let (realName, _) = YarnLockParser.splitSpecifier(String(target)), NPMPackageFactory.isPlausibleName(realName) {
                return realName
            }
            return NPMPackageFactory.isPlausibleName(name) ? name : nil
        }
        for specifier in entry.specifiers {
            guard let (name, range) = YarnLockParser.splitSpecifier(specifier) else { continue }
            switch YarnLockParser.rangeProtocol(range) {
            case nil:
                if NPMPackageFactory.isPlausibleName(name) { return name }
            case "npm":
                let target = String(range.dropFirst(4))
                if let (realName, _) = YarnLockParser.splitSpecifier(target), NPMPackageFactory.isPlausibleName(realName) { return realName }
                if NPMPackageFactory.isPlausibleName(name) { return name }
            default:
                continue
            }
        }
        return nil
    }

    /// The direct dependencies a project `package.json` declares.
    struct DirectDependencies {
        var production: [(name: String, range: String)] = []
        var development: [(name: String, range: String)] = []
    }

    /// Reads `dependencies`/`optionalDependencies`/`peerDependencies` (production) and
    /// `devDependencies` (development) from a project manifest.
    static func directDependencies(_ bytes: [UInt8]) -> Result<DirectDependencies, NodeJSONSyntaxError> {
        let document: NodeJSON
        do {
            document = try NodeJSONParser.parse(bytes)
        } catch {
            return .failure(error)
        }
        var direct = DirectDependencies()
        guard let manifest = document.object else { return .success(direct) }
        for field in ["dependencies", "optionalDependencies", "peerDependencies"] {
            direct.production += manifest[field]?.object?.stringMembers.map { ($0.key, $0.value) } ?? []
        }
        direct.development = manifest["devDependencies"]?.object?.stringMembers.map { ($0.key, $0.value) } ?? []
        return .success(direct)
    }
}
