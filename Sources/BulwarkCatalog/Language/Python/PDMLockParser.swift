import BulwarkCore

/// Reads `pdm.lock`: every `[[package]]` (entries repeated for extras combinations are merged);
/// development-only when its `groups` do not include `default`. Dependencies are the requirement
/// strings of `dependencies`, resolved to the versions locked in the same file.
public enum PDMLockParser {
    /// The packages and warnings of the `pdm.lock` `bytes` read from `path`.
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
        var order: [String] = []
        var merged: [String: (package: Package, requires: [String])] = [:]
        for (index, entry) in entries.enumerated() {
            guard let name = entry["name"]?.string, !name.isEmpty, let version = entry["version"]?.string, !version.isEmpty else {
                result.warnings.append("\(path): [[package]] #\(index + 1) lacks a name or version string")
                continue
            }
            let groups = entry["groups"]?.strings ?? []
            let isDevelopment = !groups.isEmpty && !groups.contains("default")
            let requires = (entry["dependencies"]?.strings ?? []).compactMap { PythonPackageNames.requirementName(Substring($0)).map(String.init) }
                .filter { PythonPackageNames.lookupKey($0) != PythonPackageNames.lookupKey(name) }
            let key = PythonPackageNames.lookupKey(name) + "@" + version
            if var existing = merged[key] {
                existing.package.isDevelopment = existing.package.isDevelopment && isDevelopment
                existing.requires += requires
                merged[key] = existing
            } else {
                order.append(key)
                merged[key] = (
                    Package.library(
                        .pypi, name: name, version: version, purl: PythonPackageNames.purl(name: name, version: version), location: path,
                        isDevelopment: isDevelopment), requires
                )
            }
        }
        for key in order {
            guard var entry = merged[key] else { continue }
            entry.package.dependencies = PythonPackageNames.resolve(entry.requires, versions: versions)
            result.packages.append(entry.package)
        }
        return result
    }
}
