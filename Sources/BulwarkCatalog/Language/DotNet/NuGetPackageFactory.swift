import BulwarkCore

/// Builds NuGet `Package` values and purls (`pkg:nuget/Newtonsoft.Json@13.0.1`; names keep their case).
enum NuGetPackageFactory {
    /// The purl of `name` at `version`.
    static func purl(name: String, version: String) -> PackageURL { PackageURL(type: "nuget", name: name, version: version) }

    /// A NuGet library package.
    static func package(name: String, version: String, location: String, isDevelopment: Bool = false, dependencies: [String] = []) -> Package {
        .library(
            .nuget, name: name, version: version, purl: purl(name: name, version: version), location: location, isDevelopment: isDevelopment,
            dependencies: dependencies)
    }

    /// Whether `text` can be a NuGet id or version: non-empty, at most 256 bytes, no whitespace, `/` or control characters.
    static func isPlausible(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 256 else { return false }
        for byte in bytes where byte <= 0x20 || byte == 0x7F || byte == 0x2F { return false }
        return true
    }
}
