import BulwarkCore
import Testing

@testable import BulwarkVersion

@Suite struct SchemeLookupTests {
    @Test(arguments: [
        ("debian:12", VersionScheme.dpkg), ("ubuntu:22.04", .dpkg), ("alpine:3.19", .apk), ("wolfi", .apk), ("chainguard", .apk),
        ("redhat:9", .rpm), ("rocky:9", .rpm), ("almalinux:8", .rpm), ("suse:15.5", .rpm), ("opensuse:15.5", .rpm),
        ("pypi", .pep440), ("npm", .npm), ("go", .go), ("maven", .maven), ("cargo", .cargo), ("rubygems", .rubygems),
        ("composer", .composer), ("nuget", .nuget), ("pub", .cargo), ("swifturl", .cargo),
    ])
    func mapsEcosystemKeys(key: String, scheme: VersionScheme) {
        #expect(VersionSchemes.scheme(forEcosystem: key) == scheme)
    }

    @Test(arguments: ["", "hackage", "Debian:12", "hex", "debianx:1", "cran"])
    func unknownKeysHaveNoScheme(key: String) {
        #expect(VersionSchemes.scheme(forEcosystem: key) == nil)
    }

    @Test func everyOSVEcosystemBulwarkKeepsHasAScheme() {
        for osv in ["Debian:12", "Ubuntu:22.04", "Alpine:v3.19", "Red Hat:9", "Rocky Linux:9", "AlmaLinux:9", "SUSE:15.5",
                    "openSUSE:15.5", "Wolfi", "Chainguard", "PyPI", "npm", "Go", "Maven", "crates.io", "RubyGems", "Packagist", "NuGet"] {
            let key = EcosystemKey.fromOSV(osv)
            #expect(key.flatMap(VersionSchemes.scheme(forEcosystem:)) != nil, "\(osv) → \(String(describing: key))")
        }
    }

    @Test(arguments: VersionScheme.allCases)
    func comparatorReportsItsScheme(scheme: VersionScheme) {
        #expect(scheme.comparator.scheme == scheme)
    }

    @Test func errorsNameVersionSchemeAndReason() {
        do {
            _ = try VersionScheme.pep440.comparator.compare("1.0", "not a version")
            Issue.record("expected a VersionError")
        } catch {
            #expect(error.version == "not a version")
            #expect(error.scheme == .pep440)
            #expect(!error.reason.isEmpty)
            #expect(error.description.contains("not a version"))
            #expect(error.bulwarkError.code == .invalidInput)
        }
    }
}
