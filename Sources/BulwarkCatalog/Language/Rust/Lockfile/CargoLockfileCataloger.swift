import BulwarkCore

/// Lists Rust crates locked by `Cargo.lock` (format versions 1 to 4): every `[[package]]` that comes
/// from a registry or git source (local workspace crates have no `source` and are left out); git crates
/// carry their source as the purl's `vcs_url` qualifier.
/// Dependencies (`"name"`, `"name version"`, `"name version (source)"`) resolve to locked versions.
public struct CargoLockfileCataloger: FileByFileCataloger {
    public let id = "cargo-lock"
    public var scope: CatalogScope { .lockfile }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool { PathMatch.hasBaseName(path, "Cargo.lock") }

    /// The packages of one `Cargo.lock`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let document = TOMLParser.parse(bytes, path: path)
        var warnings = document.warnings
        if let format = document["version"], format.integer == nil || !(1...4).contains(format.integer ?? 0) {
            warnings.append("\(path): unknown Cargo.lock version; reading it as version 4")
        }
        let entries = document["package"]?.tables ?? []
        var versionsByName: [String: [String]] = [:]
        for entry in entries {
            if let name = entry["name"]?.string, let version = entry["version"]?.string { versionsByName[name, default: []].append(version) }
        }
        var packages: [Package] = []
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() {
            guard let name = entry["name"]?.string, !name.isEmpty, let version = entry["version"]?.string, !version.isEmpty else {
                warnings.append("\(path): [[package]] #\(index + 1) lacks a name or version string")
                continue
            }
            guard let source = entry["source"]?.string, seen.insert(name + "@" + version + " " + source).inserted else { continue }
            let dependencies = (entry["dependencies"]?.strings ?? []).map { reference -> String in
                let parts = reference.split(separator: " ")
                guard let dependencyName = parts.first.map(String.init) else { return reference }
                let version = parts.count > 1 ? String(parts[1]) : versionsByName[dependencyName].flatMap { $0.count == 1 ? $0[0] : nil }
                return version.map { purl(name: dependencyName, version: $0).description } ?? dependencyName
            }
            var packageURL = purl(name: name, version: version)
            if source.hasPrefix("git+") { packageURL.qualifiers["vcs_url"] = source }
            packages.append(Package.library(.cargo, name: name, version: version, purl: packageURL, location: path, dependencies: dependencies))
        }
        return CatalogResult(packages: packages, warnings: WarningLimit.capped(warnings, path: path))
    }

    /// A crate purl: `pkg:cargo/<name>@<version>`.
    static func purl(name: String, version: String) -> PackageURL { PackageURL(type: "cargo", name: name, version: version) }
}
