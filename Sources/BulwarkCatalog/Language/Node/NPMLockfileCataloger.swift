import BulwarkCore
import Foundation

/// Lists the packages an npm lockfile pins: `package-lock.json` and `npm-shrinkwrap.json`.
///
/// - v2 and v3 read the `packages` map keyed by install path (`node_modules/a/node_modules/@s/b`):
///   the `""` root entry (the project itself) and `link: true` entries (workspace symlinks) are
///   skipped, workspace folders (keys outside `node_modules`) are listed under their own `name` or the name of
///   the link pointing at them;
///   an alias (`"node_modules/alias": { "name": "real" }`) is listed as the real package;
///   `dev: true` marks a development dependency. `devOptional: true` is *not* development-only: npm
///   sets it on a package that is a dev dependency and also an optional dependency of a production
///   one, so it can be installed in production.
/// - v1 reads the nested `dependencies` tree; `npm:real@1.2.3` alias versions are unwrapped;
///   `file:` links are skipped.
///
/// Dependencies are resolved the way Node resolves them (own `node_modules`, then each ancestor's).
/// Malformed files produce a warning naming the file and line or JSON path.
public struct NPMLockfileCataloger: FileParsingCataloger {
    public let id = "npm-lockfile"

    /// Creates the cataloger.
    public init() {}

    public var scope: CatalogScope { .lockfile }

    public func isInterested(in path: String) -> Bool {
        (PathMatch.hasBaseName(path, "package-lock.json") || PathMatch.hasBaseName(path, "npm-shrinkwrap.json"))
            && !PathMatch.containsDirectory(path, "node_modules")
    }

    /// Parses one lockfile's bytes; `path` is used for `location` and in warnings.
    public func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let root: NodeJSONObject
        switch NodeJSONParser.topLevelObject(bytes, path: path) {
        case .success(let object): root = object
        case .failure(let warning): return CatalogResult(warnings: [warning.text])
        }
        if let packages = root["packages"] {
            guard let map = packages.object else {
                return CatalogResult(warnings: ["\(path): packages: expected an object, found \(packages.kindName)"])
            }
            return parseInstallPaths(map, path: path)
        }
        if let dependencies = root["dependencies"] {
            guard let map = dependencies.object else {
                return CatalogResult(warnings: ["\(path): dependencies: expected an object, found \(dependencies.kindName)"])
            }
            return parseNestedV1(map, path: path)
        }
        return CatalogResult()
    }

    // MARK: v2 / v3

    private struct InstallEntry {
        var key: String
        var name: String
        var version: String
        var isDevelopment: Bool
        var licenses: [String]
        var requires: [String]
    }

    private func parseInstallPaths(_ map: NodeJSONObject, path: String) -> CatalogResult {
        var warnings: [String] = []
        var entries: [InstallEntry] = []
        var installed: [String: (name: String, version: String)] = [:]
        var links: [String: String] = [:]
        // Workspace folders are named by the link that points at them when they lack a `name`.
        var linkNameByTarget: [String: String] = [:]
        for member in map.members where member.value["link"]?.isTrue == true {
            if let target = member.value["resolved"]?.string, let name = Self.nameFromInstallPath(member.key) { linkNameByTarget[target] = name }
        }
        for member in map.members where !member.key.isEmpty {
            guard let entry = member.value.object else {
                warnings.append("\(path): packages[\"\(member.key.prefix(120))\"]: expected an object, found \(member.value.kindName)")
                continue
            }
            if entry["link"]?.isTrue == true {
                if let target = entry["resolved"]?.string { links[member.key] = target }
                continue
            }
            let keyName = Self.nameFromInstallPath(member.key) ?? linkNameByTarget[member.key]
            let name = entry["name"]?.string ?? keyName
            guard let name, NPMPackageFactory.isPlausibleName(name) else { continue }
            guard let rawVersion = entry["version"] else { continue }
            guard let version = rawVersion.string?.trimmingManifestWhitespace, !version.isEmpty else {
                warnings.append("\(path): packages[\"\(member.key.prefix(120))\"].version: expected a string, found \(rawVersion.kindName)")
                continue
            }
            var requires: [String] = []
            for field in ["dependencies", "optionalDependencies"] {
                guard let list = entry[field] else { continue }
                guard let object = list.object else {
                    warnings.append("\(path): packages[\"\(member.key.prefix(120))\"].\(field): expected an object, found \(list.kindName)")
                    continue
                }
                for dependency in object.members where !requires.contains(dependency.key) { requires.append(dependency.key) }
            }
            let record = InstallEntry(
                key: member.key, name: name, version: version, isDevelopment: entry["dev"]?.isTrue == true,
                licenses: NPMPackageFactory.licenses(of: entry), requires: requires)
            entries.append(record)
            installed[member.key] = (name, version)
        }
        var seen = Set<String>()
        var packages: [Package] = []
        for entry in entries {
            let dependencies = entry.requires.map { dependency -> String in
                guard let found = Self.resolve(dependency, from: entry.key, installed: installed, links: links) else { return dependency }
                return NPMPackageFactory.purlString(name: found.name, version: found.version)
            }
            // One package per name, version and dev flag: hoisting copies the same package to several paths.
            guard seen.insert("\(entry.name)@\(entry.version)#\(entry.isDevelopment)").inserted else { continue }
            packages.append(
                NPMPackageFactory.package(
                    name: entry.name, version: entry.version, location: path, licenses: entry.licenses, isDevelopment: entry.isDevelopment,
                    dependencies: dependencies))
        }
        return CatalogResult(packages: packages, warnings: warnings)
    }

    /// The package name an install path ends in: `node_modules/a/node_modules/@s/b` → `@s/b`;
    /// nil for paths outside `node_modules` (workspaces) — those need an explicit `name`.
    static func nameFromInstallPath(_ key: String) -> String? {
        guard let range = key.range(of: "node_modules/", options: .backwards) else { return nil }
        let name = key[range.upperBound...]
        return name.isEmpty ? nil : String(name)
    }

    /// Node's lookup of `name` from the install path `key`, following workspace links.
    static func resolve(
        _ name: String, from key: String, installed: [String: (name: String, version: String)], links: [String: String]
    ) -> (name: String, version: String)? {
        var current = Substring(key)
        while true {
            if !current.hasSuffix("node_modules") {
                let candidate = current.isEmpty ? "node_modules/" + name : current + "/node_modules/" + name
                if let found = installed[String(candidate)] { return found }
                if let target = links[String(candidate)], let found = installed[target] { return found }
            }
            if current.isEmpty { return nil }
            if let slash = current.lastIndex(of: "/") {
                current = current[..<slash]
            } else {
                current = ""
            }
        }
    }

    // MARK: v1

    private func parseNestedV1(_ root: NodeJSONObject, path: String) -> CatalogResult {
        var warnings: [String] = []
        var packages: [Package] = []
        var seen = Set<String>()
        // Scopes from the root down: each level's name → (real name, version).
        typealias Scope = [String: (name: String, version: String)]
        func scope(of map: NodeJSONObject) -> Scope {
            var result: Scope = [:]
            for member in map.members {
                guard let version = member.value["version"]?.string else { continue }
                let (name, resolvedVersion) = Self.unaliased(name: member.key, version: version)
                result[member.key] = (name, resolvedVersion)
            }
            return result
        }
        // Iterative walk (no recursion on input depth) over (map, json path, enclosing scopes).
        var pending: [(map: NodeJSONObject, jsonPath: String, scopes: [Scope])] = [(root, "dependencies", [scope(of: root)])]
        while let (map, jsonPath, scopes) = pending.popLast() {
            for member in map.members {
                let memberPath = "\(jsonPath)[\"\(member.key.prefix(120))\"]"
                guard let entry = member.value.object else {
                    warnings.append("\(path): \(memberPath): expected an object, found \(member.value.kindName)")
                    continue
                }
                guard let rawVersion = entry["version"] else { continue }
                guard let version = rawVersion.string?.trimmingManifestWhitespace, !version.isEmpty else {
                    warnings.append("\(path): \(memberPath).version: expected a string, found \(rawVersion.kindName)")
                    continue
                }
                var nestedScopes = scopes
                if let nested = entry["dependencies"] {
                    if let nestedMap = nested.object {
                        nestedScopes.append(scope(of: nestedMap))
                        pending.append((nestedMap, memberPath + ".dependencies", nestedScopes))
                    } else {
                        warnings.append("\(path): \(memberPath).dependencies: expected an object, found \(nested.kindName)")
                    }
                }
                if version.hasPrefix("file:") { continue }
                let (name, resolvedVersion) = Self.unaliased(name: member.key, version: version)
                guard NPMPackageFactory.isPlausibleName(name) else { continue }
                var dependencies: [String] = []
                if let requires = entry["requires"]?.object {
                    for requirement in requires.members {
                        if let found = nestedScopes.reversed().lazy.compactMap({ $0[requirement.key] }).first {
                            dependencies.append(NPMPackageFactory.purlString(name: found.name, version: found.version))
                        } else {
                            dependencies.append(requirement.key)
                        }
                    }
                }
                let isDevelopment = entry["dev"]?.isTrue == true
                guard seen.insert("\(name)@\(resolvedVersion)#\(isDevelopment)").inserted else { continue }
                packages.append(
                    NPMPackageFactory.package(
                        name: name, version: resolvedVersion, location: path, licenses: NPMPackageFactory.licenses(of: entry),
                        isDevelopment: isDevelopment, dependencies: dependencies))
            }
        }
        return CatalogResult(packages: packages, warnings: warnings)
    }

    /// Unwraps an alias version `npm:real@1.2.3` (or `npm:@s/real@1.2.3`) into the real name and version.
    static func unaliased(name: String, version: String) -> (String, String) {
        guard version.hasPrefix("npm:") else { return (name, version) }
        let spec = version.dropFirst(4)
        guard let at = spec.lastIndex(of: "@"), at != spec.startIndex else { return (name, String(spec)) }
        return (String(spec[..<at]), String(spec[spec.index(after: at)...]))
    }
}
