import BulwarkCore

/// Reads `uv.lock`: every `[[package]]` except the project itself and workspace members (sources
/// `editable` or `virtual`). A package is development-only when the project roots reach it only
/// through their `dev-dependencies`, not through `dependencies` or `optional-dependencies`.
public enum UVLockParser {
    /// The packages and warnings of the `uv.lock` `bytes` read from `path`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let document = TOMLParser.parse(bytes, path: path)
        var result = CatalogResult(warnings: document.warnings)
        let entries = document["package"]?.tables ?? []
        var versions: [String: (name: String, version: String)] = [:]
        var byName: [String: [String: TOMLValue]] = [:]
        var roots: [[String: TOMLValue]] = []
        for entry in entries {
            guard let name = entry["name"]?.string else { continue }
            let key = PythonPackageNames.lookupKey(name)
            if isProjectSource(entry) {
                roots.append(entry)
                continue
            }
            if byName[key] == nil { byName[key] = entry }
            if let version = entry["version"]?.string, versions[key] == nil { versions[key] = (name, version) }
        }
        let production = reachable(from: roots.flatMap { dependencyNames($0["dependencies"]) + optionalNames($0["optional-dependencies"]) }, byName: byName)
        let development = reachable(from: roots.flatMap { optionalNames($0["dev-dependencies"]) }, byName: byName)
        for (index, entry) in entries.enumerated() where !isProjectSource(entry) {
            guard let name = entry["name"]?.string, !name.isEmpty, let version = entry["version"]?.string, !version.isEmpty else {
                result.warnings.append("\(path): [[package]] #\(index + 1) lacks a name or version string")
                continue
            }
            let key = PythonPackageNames.lookupKey(name)
            let dependencies = (entry["dependencies"]?.tables ?? []).compactMap { dependency -> String? in
                guard let dependencyName = dependency["name"]?.string else { return nil }
                if let pinned = dependency["version"]?.string {
                    return PythonPackageNames.purl(name: dependencyName, version: pinned).description
                }
                return PythonPackageNames.resolve([dependencyName], versions: versions).first
            }
            result.packages.append(
                Package.library(
                    .pypi, name: name, version: version, purl: PythonPackageNames.purl(name: name, version: version), location: path,
                    isDevelopment: !production.contains(key) && development.contains(key), dependencies: dependencies))
        }
        return result
    }

    private static func isProjectSource(_ entry: [String: TOMLValue]) -> Bool {
        guard let source = entry["source"]?.table else { return false }
        return source["editable"] != nil || source["virtual"] != nil
    }

    private static func dependencyNames(_ value: TOMLValue?) -> [String] {
        (value?.tables ?? []).compactMap { $0["name"]?.string }
    }

    /// Names in a table of groups (`optional-dependencies`, `dev-dependencies`): group → [{ name = … }].
    private static func optionalNames(_ value: TOMLValue?) -> [String] {
        (value?.table ?? [:]).keys.sorted().flatMap { dependencyNames(value?.table?[$0]) }
    }

    private static func reachable(from start: [String], byName: [String: [String: TOMLValue]]) -> Set<String> {
        var seen = Set<String>()
        var queue = start.map(PythonPackageNames.lookupKey)
        while let key = queue.popLast() {
            guard seen.insert(key).inserted, let entry = byName[key] else { continue }
            queue += dependencyNames(entry["dependencies"]).map(PythonPackageNames.lookupKey)
            queue += optionalNames(entry["optional-dependencies"]).map(PythonPackageNames.lookupKey)
        }
        return seen
    }
}
