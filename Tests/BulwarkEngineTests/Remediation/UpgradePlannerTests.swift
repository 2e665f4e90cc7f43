import BulwarkCore
import BulwarkEngine
import BulwarkReport
import Foundation
import Testing

@Suite struct UpgradePlannerTests {
    static func deb(_ name: String, source: String, version: String, layer: Int) -> Package {
        Package(
            type: .deb, name: name, version: version, upstreamVersion: version, sourceName: source, sourceVersion: version,
            purl: PackageURL(parsing: "pkg:deb/debian/\(name)@\(version)")!, location: "/var/lib/dpkg/status",
            layer: LayerReference(index: layer))
    }

    static func finding(_ id: String, _ package: Package, fixed: [String], severity: Severity, scheme: String = "dpkg", ecosystem: String = "debian:12") -> Finding {
        Finding(
            id: id, package: package, installedVersion: package.version, fixedVersions: fixed, state: fixed.isEmpty ? .affected : .fixed,
            severity: severity, severitySource: "debian",
            evidence: [MatchEvidence(advisoryID: id, source: "osv", ecosystem: ecosystem, packageName: package.sourceName ?? package.name,
                                     comparedVersion: package.sourceVersion ?? package.version, scheme: scheme, range: "")])
    }

    @Test func lowestVersionFixingEveryFindingByTheSchemesOrdering() throws {
        let libssl = Self.deb("libssl3", source: "openssl", version: "3.0.11-1~deb12u1", layer: 0)
        let openssl = Self.deb("openssl", source: "openssl", version: "3.0.11-1~deb12u1", layer: 0)
        let findings = [
            // dpkg ordering: ~deb12u2 < 3.0.11-1 (string order would say otherwise).
            Self.finding("CVE-1", libssl, fixed: ["3.0.11-1~deb12u2", "3.0.13-1"], severity: .high),
            Self.finding("CVE-1", openssl, fixed: ["3.0.11-1~deb12u2", "3.0.13-1"], severity: .high),
            Self.finding("CVE-2", libssl, fixed: ["3.0.13-1~deb12u1"], severity: .medium),
            Self.finding("CVE-3", libssl, fixed: [], severity: .low),
        ]
        let plan = UpgradePlanner(baseLayerCount: 1).plan(findings)
        let upgrade = try #require(plan.upgrades.first)
        #expect(plan.upgrades.count == 1)
        #expect(upgrade.name == "openssl" && upgrade.packages == ["libssl3", "openssl"])
        #expect(upgrade.targetVersion == "3.0.13-1~deb12u1")
        #expect(upgrade.clears == ["CVE-1", "CVE-2"])
        #expect(upgrade.bySeverity == ["high": 1, "medium": 1])
        #expect(upgrade.remaining == ["CVE-3"])
        #expect(upgrade.essential && upgrade.origin == "base")
    }

    @Test func essentialUpgradesComeFirstAndOriginFollowsTheBaseLayers() {
        let curl = Self.deb("curl", source: "curl", version: "7.88.1-10", layer: 0)
        let app = Package.library(.pypi, name: "django", version: "4.2.0", purl: PackageURL(parsing: "pkg:pypi/django@4.2.0")!, location: "/app/site-packages/django-4.2.0.dist-info/METADATA")
        var appInOwnLayer = app
        appInOwnLayer.layer = LayerReference(index: 2)
        let findings = [
            Self.finding("CVE-low", curl, fixed: ["7.88.1-10+deb12u5"], severity: .low),
            Self.finding("GHSA-crit", appInOwnLayer, fixed: ["4.2.16", "5.0.8"], severity: .critical, scheme: "pep440", ecosystem: "pypi"),
            Self.finding("GHSA-high", appInOwnLayer, fixed: ["4.2.11"], severity: .high, scheme: "pep440", ecosystem: "pypi"),
        ]
        let plan = UpgradePlanner(baseLayerCount: 1).plan(findings)
        #expect(plan.upgrades.map(\.name) == ["django", "curl"])
        #expect(plan.upgrades[0].targetVersion == "4.2.16" && plan.upgrades[0].origin == "own" && plan.upgrades[0].essential)
        #expect(!plan.upgrades[1].essential && plan.upgrades[1].origin == "base")
        #expect(UpgradePlanner().plan(findings).upgrades.allSatisfy { $0.origin == "unknown" })
    }

    @Test func packagesWithoutAnyFixAreListedApart() {
        let zlib = Self.deb("zlib1g", source: "zlib", version: "1:1.2.13.dfsg-1", layer: 0)
        let plan = UpgradePlanner().plan([Self.finding("CVE-9", zlib, fixed: [], severity: .critical)])
        #expect(plan.upgrades.isEmpty)
        #expect(plan.unfixable.map(\.name) == ["zlib"] && plan.unfixable[0].findings == ["CVE-9"])
    }

    @Test(arguments: [
        ("12.5-slim", ["12.4-slim", "12.5-slim", "12.6-slim", "12.7-slim", "12.7", "13.1-slim", "12.10-slim", "latest"], ["13.1-slim", "12.10-slim", "12.7-slim"]),
        ("3.19.1", ["3.19.0", "3.19.4", "3.20.3", "3.20", "3.21.2", "edge"], ["3.21.2", "3.20.3", "3.19.4"]),
        ("bookworm", ["trixie", "bookworm-slim"], []),
        ("1.25", ["1.25", "1.24", "01.26"], ["01.26"]),
    ])
    func newerTagsKeepTheShape(current: String, available: [String], expected: [String]) {
        #expect(BaseTagSelector.newer(than: current, in: available, limit: 3) == expected)
    }

    @Test func baseLayersAreTheSharedDiffIDPrefix() throws {
        let a = try Digest(parsing: "sha256:" + String(repeating: "a", count: 64))
        let b = try Digest(parsing: "sha256:" + String(repeating: "b", count: 64))
        let c = try Digest(parsing: "sha256:" + String(repeating: "c", count: 64))
        let image = [a, b, c].enumerated().map { LayerReference(index: $0.offset, diffID: $0.element) }
        #expect(BaseLayerMatcher.sharedLayers(image: image, base: Array(image.prefix(2))) == 2)
        #expect(BaseLayerMatcher.sharedLayers(image: image, base: [LayerReference(index: 0, diffID: c)]) == 0)
        let labelled = ImageMetadata(config: ImageRuntimeConfig(labels: [BaseLayerMatcher.baseNameKey: "docker.io/library/debian:12.5"]))
        #expect(BaseLayerMatcher.declaredBase(labelled)?.detectedBy == "label")
        let annotated = ImageMetadata(annotations: [BaseLayerMatcher.baseNameKey: "debian:12.5", BaseLayerMatcher.baseDigestKey: "sha256:" + String(repeating: "d", count: 64)])
        #expect(BaseLayerMatcher.declaredBase(annotated)?.detectedBy == "annotation")
        #expect(BaseLayerMatcher.declaredBase(ImageMetadata()) == nil)
    }
}
