import BulwarkCore

/// Turns composer package objects (as in `composer.lock` and `vendor/composer/installed.json`) into
/// packages: `vendor/name`, version as written, licenses, and `require` resolved to the versions
/// listed in the same file (platform requirements such as `php` and `ext-*` left out).
enum ComposerPackageReader {
    /// A composer package purl: `pkg:composer/vendor/name@version`.
    static func purl(name: String, version: String) -> PackageURL {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 { return PackageURL(type: "composer", namespace: parts[0], name: parts[1], version: version) }
        return PackageURL(type: "composer", name: name, version: version)
    }

    /// Packages from `entries` (each `(object, isDevelopment)`), with warnings for malformed ones.
    static func packages(_ entries: [(object: Any, isDevelopment: Bool)], path: String) -> CatalogResult {
        var result = CatalogResult()
        var versions: [String: String] = [:]
        for entry in entries {
            guard let object = entry.object as? [String: Any], let name = object["name"] as? String, let version = object["version"] as? String
            else { continue }
            if versions[name.lowercased()] == nil { versions[name.lowercased()] = version }
        }
        for (index, entry) in entries.enumerated() {
            guard let object = entry.object as? [String: Any], let name = object["name"] as? String, !name.isEmpty,
                let version = object["version"] as? String, !version.isEmpty
            else {
                result.warnings.append("\(path): package #\(index + 1) lacks a name or version string")
                continue
            }
            var licenses: [String] = []
            if let list = object["license"] as? [Any] {
                licenses = list.compactMap { $0 as? String }
            } else if let single = object["license"] as? String {
                licenses = [single]
            }
            let requires = (object["require"] as? [String: Any] ?? [:]).keys.filter(isPackageName).sorted()
            let dependencies = requires.map { required in
                versions[required.lowercased()].map { purl(name: required, version: $0).description } ?? required
            }
            result.packages.append(
                Package.library(
                    .composer, name: name, version: version, purl: purl(name: name, version: version), location: path, licenses: licenses,
                    isDevelopment: entry.isDevelopment, dependencies: dependencies))
        }
        return result
    }

    /// Whether a `require` key names a package rather than the platform (`php`, `ext-json`, `lib-pcre`, `composer-plugin-api`).
    static func isPackageName(_ name: String) -> Bool { name.contains("/") }
}
