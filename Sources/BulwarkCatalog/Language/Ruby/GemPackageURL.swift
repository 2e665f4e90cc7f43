import BulwarkCore

/// Gem purls: `pkg:gem/<name>@<version>`, with `?platform=` for platform-specific gems.
enum GemPackageURL {
    /// The purl of a gem.
    static func purl(name: String, version: String, platform: String? = nil) -> PackageURL {
        PackageURL(type: "gem", name: name, version: version, qualifiers: platform.map { ["platform": $0] } ?? [:])
    }
}
