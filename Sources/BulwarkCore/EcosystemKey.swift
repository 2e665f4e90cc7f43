/// Normalized ecosystem keys shared by importers (what advisories say) and matchers (what an image
/// has): lower-case family plus, for distributions, the release advisories are keyed on.
///
/// `debian:12`, `ubuntu:22.04`, `alpine:3.19`, `redhat:9`, `rocky:9`, `almalinux:9`, `suse:15.5`,
/// `opensuse:15.5`, `wolfi`, `chainguard`, `pypi`, `npm`, `go`, `maven`, `cargo`, `rubygems`,
/// `composer`, `nuget`.
public enum EcosystemKey {
    /// The key for an OSV `affected[].package.ecosystem` string; nil for ecosystems Bulwark does not use.
    public static func fromOSV(_ ecosystem: String) -> String? {
        let parts = ecosystem.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first else { return nil }
        let release = parts.count > 1 ? parts[1] : nil
        switch head {
        case "Debian": return release.map { "debian:" + ($0.split(separator: ".").first.map(String.init) ?? $0) }
        case "Ubuntu":
            guard let release, release != "Pro" else { return nil }
            return "ubuntu:" + release
        case "Alpine":
            guard let release else { return nil }
            let trimmed = release.hasPrefix("v") ? String(release.dropFirst()) : release
            return "alpine:" + trimmed.split(separator: ".").prefix(2).joined(separator: ".")
        case "Red Hat": return release.flatMap(majorRelease).map { "redhat:" + $0 }
        case "Rocky Linux": return release.flatMap(majorRelease).map { "rocky:" + $0 }
        case "AlmaLinux": return release.flatMap(majorRelease).map { "almalinux:" + $0 }
        case "SUSE": return release.map { "suse:" + $0 }
        case "openSUSE": return release.map { "opensuse:" + $0 }
        case "Wolfi": return "wolfi"
        case "Chainguard": return "chainguard"
        case "PyPI": return "pypi"
        case "npm": return "npm"
        case "Go": return "go"
        case "Maven": return "maven"
        case "crates.io": return "cargo"
        case "RubyGems": return "rubygems"
        case "Packagist": return "composer"
        case "NuGet": return "nuget"
        case "Pub": return "pub"
        case "SwiftURL": return "swifturl"
        default: return nil
        }
    }

    /// The key advisories for `os`'s packages are stored under; nil when Bulwark has no data for it.
    public static func forOperatingSystem(_ os: OperatingSystem) -> String? {
        let versionID = os.versionID ?? os.version
        switch os.family {
        case "debian": return "debian:" + (versionID.split(separator: ".").first.map(String.init) ?? versionID)
        case "ubuntu": return "ubuntu:" + versionID
        case "alpine": return "alpine:" + os.version.split(separator: ".").prefix(2).joined(separator: ".")
        case "rhel": return majorRelease(versionID).map { "redhat:" + $0 }
        case "rocky": return majorRelease(versionID).map { "rocky:" + $0 }
        case "almalinux": return majorRelease(versionID).map { "almalinux:" + $0 }
        case "sles", "sled", "suse": return "suse:" + versionID
        case "opensuse-leap", "opensuse": return "opensuse:" + versionID
        case "wolfi": return "wolfi"
        case "chainguard": return "chainguard"
        default: return nil
        }
    }

    private static func majorRelease(_ text: String) -> String? {
        let digits = text.prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    /// Normalizes a package name the way the ecosystem does: PEP 503 for PyPI (lower-case, runs of
    /// `-_.` → `-`), lower-case for npm/cargo/composer/nuget/rubygems keep case where it matters
    /// (Go module paths and Maven `group:artifact` are kept as written, Maven lower-cased for lookup).
    public static func normalizeName(_ name: String, ecosystem: String) -> String {
        switch ecosystem {
        case "pypi":
            var out = ""
            var lastWasSeparator = false
            for character in name.lowercased() {
                if character == "-" || character == "_" || character == "." {
                    if !lastWasSeparator { out.append("-") }
                    lastWasSeparator = true
                } else {
                    out.append(character)
                    lastWasSeparator = false
                }
            }
            return out
        case "go", "rubygems": return name
        case "npm", "cargo", "composer", "nuget", "maven": return name.lowercased()
        default: return name
        }
    }
}
