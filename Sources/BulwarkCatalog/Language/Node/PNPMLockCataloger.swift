import BulwarkCore
import Yams

/// Lists the packages a `pnpm-lock.yaml` pins, lockfile versions 5.x, 6.x and 9.x.
///
/// Package keys: `/name/1.2.3` and `/@s/name/1.2.3_peer@1.0.0` (v5), `/name@1.2.3(peer@1.0.0)` (v6),
/// `name@1.2.3` (v9; dependencies in `snapshots`). Peer suffixes are dropped and one package is listed
/// per name and version; explicit `name`/`version` fields (tarball and git packages) win over the key.
/// `dev: true` marks development packages in v5/v6; v9 has no such flag, so packages reachable only
/// from the importers' `devDependencies` are development ones. `link:` and `file:` dependencies are
/// not packages. Malformed files give a warning with the line, never a throw.
public struct PNPMLockCataloger: Cataloger {
    public let id = "pnpm-lock"

    /// Creates the cataloger.
    public init() {}

    public var scope: CatalogScope { .lockfile }

    public func isInterested(in path: String) -> Bool {
        PathMatch.hasBaseName(path, "pnpm-lock.yaml") && !PathMatch.containsDirectory(path, "node_modules")
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for path in LockfilePaths.collected(in: tree, where: isInterested(in:)) {
            guard let bytes = tree.contents(of: path) else { continue }
            let parsed = parse(bytes, path: path)
            result.packages += parsed.packages
            result.warnings += parsed.warnings
        }
        return result
    }

    /// Parses one lockfile's bytes; `path` is used for `location` and in warnings.
    func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        if let line = YAMLNestingGuard.firstTooDeepLine(bytes) {
            return CatalogResult(warnings: ["\(path):\(line): nesting deeper than \(YAMLNestingGuard.maximumDepth) levels"])
        }
        var document: Node?
        do {
            // pnpm can write several YAML documents (an env lockfile first); the one with `packages` or
            // `lockfileVersion` is the lockfile. At most a few documents are read.
            let parser = try Parser(yaml: String(decoding: bytes, as: UTF8.self))
            var documents = 0
            while documents < 8, let node = try parser.nextRoot() {
                documents += 1
                if node.mapping?["packages"] != nil || node.mapping?["lockfileVersion"] != nil { document = node }
            }
        } catch let error as YamlError {
            return CatalogResult(warnings: ["\(path):\(Self.line(of: error)): invalid YAML: \(Self.summary(of: error))"])
        } catch {
            return CatalogResult(warnings: ["\(path):1: invalid YAML"])
        }
        guard let document else { return CatalogResult() }
        guard let root = document.mapping else {
            return CatalogResult(warnings: ["\(path):\(document.mark?.line ?? 1): expected a mapping at the top level"])
        }
        // Key layouts differ by version but never overlap, so keys are read by their shape.
        var interpreter = Interpreter(path: path)
        return interpreter.run(root)
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "cannot be read"
        }
    }

    /// Turns the composed document into packages.
    private struct Interpreter {
        let path: String
        var warnings: [String] = []

        init(path: String) { self.path = path }

        struct Entry {
            var name: String
            var version: String
            var devFlag: Bool?
            var dependencies: [(name: String, value: String)]
        }

        mutating func run(_ root: Node.Mapping) -> CatalogResult {
            guard let packagesNode = root["packages"] else { return CatalogResult() }
            guard let packages = packagesNode.mapping else {
                return CatalogResult(warnings: ["\(path):\(packagesNode.mark?.line ?? 1): packages: expected a mapping"])
            }
            var entries: [Entry] = []
            var indexByID: [String: Int] = [:]
            for (keyNode, value) in packages {
                guard let key = keyNode.scalar?.string else { continue }
                guard let fields = value.mapping else {
                    warnings.append("\(path):\(value.mark?.line ?? 1): packages[\(key.prefix(120))]: expected a mapping")
                    continue
                }
                var identity = parseKey(key)
                if let name = fields["name"]?.scalar?.string, let version = fields["version"]?.scalar?.string {
                    identity = (name, version)
                }
                guard let (name, version) = identity, NPMPackageFactory.isPlausibleName(name), !version.isEmpty else { continue }
                let devFlag = fields["dev"]?.scalar.flatMap { Bool($0.string) }
                let id = "\(name)@\(version)"
                let dependencies = dependencyPairs(fields)
                if let existing = indexByID[id] {
                    if devFlag == false { entries[existing].devFlag = false }
                    entries[existing].dependencies += dependencies.filter { pair in !entries[existing].dependencies.contains { $0.name == pair.name } }
                    continue
                }
                indexByID[id] = entries.count
                entries.append(Entry(name: name, version: version, devFlag: devFlag, dependencies: dependencies))
            }
            // v9: dependencies live in `snapshots`, keyed like packages plus peer suffixes.
            if let snapshots = root["snapshots"]?.mapping {
                for (keyNode, value) in snapshots {
                    guard let key = keyNode.scalar?.string, let fields = value.mapping, let (name, version) = parseKey(key),
                        let index = indexByID["\(name)@\(version)"]
                    else { continue }
                    for pair in dependencyPairs(fields) where !entries[index].dependencies.contains(where: { $0.name == pair.name }) {
                        entries[index].dependencies.append(pair)
                    }
                }
            }
            // Resolve dependency values to entries.
            var edges: [[Int]] = []
            var dependencyLists: [[String]] = []
            for entry in entries {
                var targets: [Int] = []
                var rendered: [String] = []
                for dependency in entry.dependencies {
                    guard let (name, version) = resolveDependency(dependency.name, dependency.value) else {
                        rendered.append(dependency.name)
                        continue
                    }
                    if let target = indexByID["\(name)@\(version)"] { targets.append(target) }
                    rendered.append(NPMPackageFactory.purlString(name: name, version: version))
                }
                edges.append(targets)
                dependencyLists.append(rendered)
            }
            var development = Set<Int>()
            if entries.contains(where: { $0.devFlag == nil }) {
                var production: [Int] = []
                var dev: [Int] = []
                for (name, value, isDev) in importerDependencies(root) {
                    guard let (resolvedName, version) = resolveDependency(name, value), let index = indexByID["\(resolvedName)@\(version)"] else { continue }
                    if isDev { dev.append(index) } else { production.append(index) }
                }
                development = DevelopmentReachability.developmentOnly(edges: edges, productionRoots: production, developmentRoots: dev)
            }
            let listed = entries.enumerated().map { index, entry in
                NPMPackageFactory.package(
                    name: entry.name, version: entry.version, location: path,
                    isDevelopment: entry.devFlag ?? development.contains(index), dependencies: dependencyLists[index])
            }
            return CatalogResult(packages: listed, warnings: warnings)
        }

        /// `dependencies` and `optionalDependencies` of a package or snapshot as (name, value) pairs.
        func dependencyPairs(_ fields: Node.Mapping) -> [(name: String, value: String)] {
            var pairs: [(name: String, value: String)] = []
            for field in ["dependencies", "optionalDependencies"] {
                guard let map = fields[field]?.mapping else { continue }
                for (key, value) in map {
                    guard let name = key.scalar?.string, let text = value.scalar?.string else { continue }
                    pairs.append((name, text))
                }
            }
            return pairs
        }

        /// Direct dependencies of every importer (or of the v5 root): (name, version value, isDevelopment).
        func importerDependencies(_ root: Node.Mapping) -> [(String, String, Bool)] {
            var result: [(String, String, Bool)] = []
            var importers: [Node.Mapping] = [root]
            if let map = root["importers"]?.mapping { importers += map.compactMap { $0.value.mapping } }
            for importer in importers {
                for (field, isDev) in [("dependencies", false), ("optionalDependencies", false), ("devDependencies", true)] {
                    guard let map = importer[field]?.mapping else { continue }
                    for (key, value) in map {
                        guard let name = key.scalar?.string else { continue }
                        // v6+/v9: { specifier, version }; v5: the version itself.
                        guard let version = value.mapping?["version"]?.scalar?.string ?? value.scalar?.string else { continue }
                        result.append((name, version, isDev))
                    }
                }
            }
            return result
        }

        /// The (name, version) a dependency value points at: a version with an optional peer suffix,
        /// or an alias path (`/real/1.0.0`, `/real@1.0.0`, `real@1.0.0`); nil for `link:`/`file:` values.
        func resolveDependency(_ name: String, _ value: String) -> (String, String)? {
            if value.hasPrefix("link:") || value.hasPrefix("file:") || value.contains("://") { return nil }
            if value.hasPrefix("/") { return parseKey(value) }
            let version = stripPeerSuffix(value)
            if let first = version.first, first.isNumber || first == "v" { return (name, version) }
            if let alias = parseKey(value) { return alias }
            return version.isEmpty ? nil : (name, version)
        }

        func stripPeerSuffix(_ version: String) -> String {
            var text = Substring(version)
            if let paren = text.firstIndex(of: "(") { text = text[..<paren] }
            if let underscore = text.firstIndex(of: "_") { text = text[..<underscore] }
            return String(text)
        }

        /// The (name, version) of a `packages`/`snapshots` key, or nil for keys it cannot split.
        func parseKey(_ key: String) -> (String, String)? {
            var text = Substring(key)
            let hadSlash = text.hasPrefix("/")
            if hadSlash { text = text.dropFirst() }
            if let paren = text.firstIndex(of: "(") { text = text[..<paren] }
            // v5 form: `/name/1.2.3` or `/@s/name/1.2.3_peer`, told apart from v6 `/name@1.2.3` by its slashes.
            let segments = text.split(separator: "/", omittingEmptySubsequences: false)
            let nameSegments = text.hasPrefix("@") ? 2 : 1
            if hadSlash && segments.count == nameSegments + 1 && !segments[nameSegments - 1].dropFirst().contains("@") {
                let name = segments[0..<nameSegments].joined(separator: "/")
                let version = stripPeerSuffix(String(segments[nameSegments]))
                return version.isEmpty ? nil : (name, version)
            }
            let searchStart = text.hasPrefix("@") ? text.index(after: text.startIndex) : text.startIndex
            guard let at = text[searchStart...].firstIndex(of: "@") else { return nil }
            let name = String(text[..<at])
            let version = stripPeerSuffix(String(text[text.index(after: at)...]))
            guard !name.isEmpty, !version.isEmpty, !version.contains("/") else { return nil }
            return (name, version)
        }
    }
}
