import BulwarkCore

/// Reads `poetry.lock`: every `[[package]]` with its version; development-only when
/// `category = "dev"` (Poetry 1.x) or when its `groups` (Poetry 2.x) do not include `main`.
/// Dependencies come from `[package.dependencies]`, resolved to the versions locked in the same file.
public enum PoetryLockParser {
    /// The packages and warnings of the `poetry.lock` `bytes` read from `path`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let document = TOMLParser.parse(bytes, path: path)
        var result = CatalogResult(warnings: document.warnings)
        let entries = document["package"]?.tables ?? []
        var versions: [String: (name: String, version: String)] = [:]
        for entry in entries {
            if let name = entry["name"]?.string, let version = entry["version"]?.string, versions[PythonPackageNames.lookupKey(name)] == nil {
                versions[PythonPackageNames.lookupKey(name)] = (name, version)
            }
        }
        for (index, entry) in entries.enumerated() {
            guard let name = entry["name"]?.string, !name.isEmpty, let version = entry["version"]?.string, !version.isEmpty else {
                result.warnings.append("\(path): [[package]] #\(index + 1) lacks a name or version string")
                continue
            }
            let groups = entry["groups"]?.strings ?? []
            let isDevelopment = entry["category"]?.string == "dev" || (!groups.isEmpty && !groups.contains("main"))
            let dependencyNames = (entry["dependencies"]?.table ?? [:]).keys.sorted()
            result.packages.append(
                Package.library(
                    .pypi, name: name, version: version, purl: PythonPackageNames.purl(name: name, version: version), location: path,
                    isDevelopment: isDevelopment, dependencies: PythonPackageNames.resolve(dependencyNames, versions: versions)))
        }
        return result
    }
}
