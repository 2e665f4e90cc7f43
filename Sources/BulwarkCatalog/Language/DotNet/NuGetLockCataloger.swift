import BulwarkCore

/// Lists the NuGet packages a `packages.lock.json` pins (NuGet's repeatable-build lockfile).
///
/// `dependencies` holds one map per target framework (`net8.0`, `.NETCoreApp,Version=v5.0`, with
/// runtime-specific ones like `net8.0/linux-x64`); every `Direct`, `Transitive` and `CentralTransitive`
/// entry with a `resolved` version is listed once per name and version across frameworks; `Project`
/// entries (project references) are skipped. NuGet lockfiles have no development flag. Each entry's
/// `dependencies` (name → requested range) become purls with the version resolved in the same framework.
public struct NuGetLockCataloger: FileParsingCataloger {
    public let id = "nuget-lock"

    /// Creates the cataloger.
    public init() {}

    public var scope: CatalogScope { .lockfile }

    public func isInterested(in path: String) -> Bool { PathMatch.hasBaseName(path, "packages.lock.json") }

    /// Parses one lockfile's bytes; `path` is used for `location` and in warnings.
    public func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let root: NodeJSONObject
        switch NodeJSONParser.topLevelObject(bytes, path: path) {
        case .success(let object): root = object
        case .failure(let warning): return CatalogResult(warnings: [warning.text])
        }
        guard let frameworksValue = root["dependencies"] else { return CatalogResult() }
        guard let frameworks = frameworksValue.object else {
            return CatalogResult(warnings: ["\(path): dependencies: expected an object, found \(frameworksValue.kindName)"])
        }
        var warnings: [String] = []
        var packages: [Package] = []
        var indexByID: [String: Int] = [:]
        for framework in frameworks.members {
            guard let entries = framework.value.object else {
                warnings.append("\(path): dependencies[\"\(framework.key.prefix(120))\"]: expected an object, found \(framework.value.kindName)")
                continue
            }
            var resolvedByName: [String: String] = [:]
            for entry in entries.members {
                if let version = entry.value["resolved"]?.string { resolvedByName[entry.key.lowercased()] = version }
            }
            for entry in entries.members {
                let jsonPath = "dependencies[\"\(framework.key.prefix(120))\"][\"\(entry.key.prefix(120))\"]"
                guard let fields = entry.value.object else {
                    warnings.append("\(path): \(jsonPath): expected an object, found \(entry.value.kindName)")
                    continue
                }
                if fields["type"]?.string == "Project" { continue }
                guard let resolved = fields["resolved"] else { continue }
                guard let version = resolved.string, NuGetPackageFactory.isPlausible(version), NuGetPackageFactory.isPlausible(entry.key) else {
                    warnings.append("\(path): \(jsonPath).resolved: expected a version string, found \(resolved.kindName)")
                    continue
                }
                var dependencies: [String] = []
                for dependency in fields["dependencies"]?.object?.members ?? [] {
                    if let dependencyVersion = resolvedByName[dependency.key.lowercased()] {
                        dependencies.append(NuGetPackageFactory.purl(name: dependency.key, version: dependencyVersion).description)
                    } else {
                        dependencies.append(dependency.key)
                    }
                }
                let id = "\(entry.key.lowercased())@\(version.lowercased())"
                if let existing = indexByID[id] {
                    for dependency in dependencies where !packages[existing].dependencies.contains(dependency) {
                        packages[existing].dependencies.append(dependency)
                    }
                    continue
                }
                indexByID[id] = packages.count
                packages.append(NuGetPackageFactory.package(name: entry.key, version: version, location: path, dependencies: dependencies))
            }
        }
        return CatalogResult(packages: packages, warnings: warnings)
    }
}
