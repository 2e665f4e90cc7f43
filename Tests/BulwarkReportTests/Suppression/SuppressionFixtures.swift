import BulwarkCore
import BulwarkReport
import Foundation

/// Small reports and packages for the suppression tests.
enum SuppressionFixtures {
    /// 2026-01-15T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_768_435_200)

    static func debPackage(_ name: String, _ version: String, distro: String = "debian-12.5") -> Package {
        Package(
            type: .deb, name: name, version: version, upstreamVersion: version, architecture: "amd64",
            purl: PackageURL(type: "deb", namespace: "debian", name: name, version: version, qualifiers: ["arch": "amd64", "distro": distro]),
            location: "/var/lib/dpkg/status")
    }

    static func npmPackage(_ name: String, _ version: String, location: String) -> Package {
        .library(.npm, name: name, version: version, purl: PackageURL(type: "npm", name: name, version: version), location: location)
    }

    static func finding(_ id: String, aliases: [String] = [], _ package: Package, severity: Severity = .high) -> Finding {
        Finding(id: id, aliases: aliases, package: package, installedVersion: package.version, state: .affected, severity: severity, severitySource: "test")
    }

    static let openssl = debPackage("openssl", "3.0.11-1~deb12u2")
    static let zlib = debPackage("zlib1g", "1:1.2.13.dfsg-1")
    static let lodashApp = npmPackage("lodash", "4.17.20", location: "/app/node_modules/lodash/package.json")
    static let lodashTool = npmPackage("lodash", "4.17.20", location: "/usr/lib/node_modules/npm/node_modules/lodash/package.json")

    /// A report of an image `registry.example/app:1.4` with five findings.
    static func report(findings: [Finding]? = nil) -> ScanReport {
        let image = ImageMetadata(
            manifestDigest: Digest(sha256Hex: String(repeating: "a", count: 64)), repoTags: ["registry.example/team/app:1.4"],
            repoDigests: ["registry.example/team/app@sha256:" + String(repeating: "a", count: 64)])
        return ScanReport(
            toolVersion: "0.1.0", createdAt: "2026-01-15T00:00:00Z", target: ScanTarget(kind: .dockerArchive, name: "app.tar"), image: image,
            operatingSystem: nil, packageCount: 4, database: nil,
            findings: findings ?? [
                finding("CVE-2023-5678", aliases: ["DSA-5532-1"], openssl, severity: .critical),
                finding("CVE-2024-0727", openssl, severity: .medium),
                finding("CVE-2023-45853", zlib, severity: .critical),
                finding("GHSA-p6mc-m468-83gw", aliases: ["CVE-2020-8203"], lodashApp, severity: .high),
                finding("GHSA-p6mc-m468-83gw", aliases: ["CVE-2020-8203"], lodashTool, severity: .high),
            ], warnings: [])
    }

    /// Parses an ignore file from text.
    static func ignore(_ text: String) throws -> IgnoreFile {
        try IgnoreFileParser.parse(text, path: ".bulwarkignore.yaml")
    }

    /// Applies an ignore file and VEX statements at ``now``.
    static func apply(_ ignore: IgnoreFile?, vex: [VEXStatement] = [], to report: ScanReport = report(), show: Bool = false)
        -> (ScanReport, SuppressionOutcome)
    {
        SuppressionEngine.apply(to: report, ignore: ignore, vex: vex, now: now, includeSuppressed: show)
    }

    /// Parses a JSON VEX document from text.
    static func vex(_ json: String, name: String = "test.vex.json") throws -> [VEXStatement] {
        try VEXDocumentLoader.parse(Data(json.utf8), document: name)
    }

    /// `finding.id@package.location` of the findings left in a report.
    static func remaining(_ report: ScanReport) -> [String] {
        report.findings.map { "\($0.id)@\($0.package.name)@\($0.package.location)" }
    }
}
