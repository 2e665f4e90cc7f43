import BulwarkCore

/// Reads `Pipfile.lock` (JSON): packages of the `default` section, then those only in `develop`
/// (development-only). Versions are written `==1.2.3`; entries without one (VCS, paths) are warnings.
public enum PipfileLockParser {
    /// The packages and warnings of the `Pipfile.lock` `bytes` read from `path`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        var result = CatalogResult()
        let object: [String: Any]
        switch StructuredInput.jsonObject(bytes, path: path) {
        case .failed(let warning): return CatalogResult(warnings: [warning])
        case .parsed(let parsed): object = parsed
        }
        var seen = Set<String>()
        for (section, isDevelopment) in [("default", false), ("develop", true)] {
            guard let entries = object[section] else { continue }
            guard let table = entries as? [String: Any] else {
                result.warnings.append("\(path): '\(section)' is not an object")
                continue
            }
            for name in table.keys.sorted() {
                guard let details = table[name] as? [String: Any], let raw = details["version"] as? String else {
                    result.warnings.append("\(path): '\(name)' in '\(section)' has no pinned version and was left out")
                    continue
                }
                let version = raw.hasPrefix("==") ? String(raw.dropFirst(2)) : raw
                guard !version.isEmpty, seen.insert(PythonPackageNames.lookupKey(name)).inserted else { continue }
                result.packages.append(
                    Package.library(
                        .pypi, name: name, version: version, purl: PythonPackageNames.purl(name: name, version: version), location: path,
                        isDevelopment: isDevelopment))
            }
        }
        return result
    }
}
