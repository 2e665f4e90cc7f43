/// Lookup from Bulwark's ecosystem keys (see `EcosystemKey` in BulwarkCore) to version schemes.
public enum VersionSchemes {
    /// The scheme that orders versions of packages in ecosystem `key` (`"debian:12"`, `"pypi"`, …);
    /// nil for an ecosystem Bulwark has no ordering for.
    public static func scheme(forEcosystem key: String) -> VersionScheme? {
        let family = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        switch family {
        case "debian", "ubuntu": return .dpkg
        case "alpine", "wolfi", "chainguard": return .apk
        case "redhat", "rocky", "almalinux", "suse", "opensuse": return .rpm
        case "pypi": return .pep440
        case "npm": return .npm
        case "go": return .go
        case "maven": return .maven
        case "cargo", "pub", "swifturl": return .cargo  // SemVer 2.0 ordering (Dart and SwiftPM versions are SemVer)
        case "rubygems": return .rubygems
        case "composer": return .composer
        case "nuget": return .nuget
        default: return nil
        }
    }
}
