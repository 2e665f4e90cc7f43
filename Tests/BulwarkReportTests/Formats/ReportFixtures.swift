import BulwarkCore
import BulwarkReport
import Foundation

/// Scan reports for the format tests: a Debian image with layered OS packages and npm packages, with
/// hostile text (markup, quotes, commas, pipes, newlines, control characters) in advisory fields.
enum ReportFixtures {
    static let createdAt = "2024-05-01T12:30:00Z"

    static func options() -> RenderOptions {
        RenderOptions(colors: false, toolVersion: "0.1.0-test", timestamp: Date(timeIntervalSince1970: 1_714_566_600))
    }

    static func digest(_ hex: Character) -> Digest { Digest(sha256Hex: String(repeating: String(hex), count: 64)) }

    static let layers = [
        LayerReference(index: 0, digest: digest("1"), diffID: digest("a"), createdBy: "/bin/sh -c #(nop) ADD file:1234 in / "),
        LayerReference(index: 1, digest: digest("2"), diffID: digest("b"), createdBy: "RUN apt-get install -y openssl"),
        LayerReference(index: 2, digest: digest("3"), diffID: digest("c"), createdBy: "RUN npm ci"),
    ]

    static func deb(_ name: String, _ version: String, layer: Int, source: String? = nil) -> Package {
        Package(
            type: .deb, name: name, version: version, upstreamVersion: version, architecture: "amd64", sourceName: source,
            purl: PackageURL(type: "deb", namespace: "debian", name: name, version: version, qualifiers: ["arch": "amd64", "distro": "debian-12"]),
            location: "/var/lib/dpkg/status", layer: layers[layer])
    }

    static func npm(_ name: String, _ version: String) -> Package {
        var package = Package.library(
            .npm, name: name, version: version, purl: PackageURL(type: "npm", name: name, version: version),
            location: "/app/node_modules/\(name)/package.json")
        package.layer = layers[2]
        return package
    }

    static let openssl = deb("openssl", "3.0.11-1~deb12u2", layer: 1)
    static let libc = deb("libc6", "2.36-9+deb12u4", layer: 0, source: "glibc")
    static let zlib = deb("zlib1g", "1:1.2.13.dfsg-1", layer: 0, source: "zlib")
    static let lodash = npm("lodash", "4.17.15")
    static let axios = npm("axios", "0.21.0")

    static func finding(
        _ id: String, _ package: Package, _ severity: Severity, fixed: [String] = [], state: FixState? = nil, title: String? = nil,
        description: String? = nil, cvss: [ScoredVector] = [], aliases: [String] = [], references: [String] = []
    ) -> Finding {
        Finding(
            id: id, aliases: aliases, package: package, installedVersion: package.version, fixedVersions: fixed,
            state: state ?? (fixed.isEmpty ? .affected : .fixed), severity: severity, severitySource: "debian", cvss: cvss, title: title,
            description: description, references: references, published: "2024-01-02T00:00:00Z")
    }

    /// The main sample.
    static let debian: ScanReport = {
        let findings = [
            finding(
                "CVE-2024-0727", openssl, .medium, fixed: ["3.0.13-1~deb12u1"], title: "PKCS12 NULL dereference",
                description: "Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash.",
                cvss: [ScoredVector(version: "3.1", vector: "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", baseScore: 5.5, source: "nvd")],
                aliases: ["DSA-5678-1", "CWE-476"], references: ["https://nvd.nist.gov/vuln/detail/CVE-2024-0727", "https://www.openssl.org/news/secadv/20240125.txt"]),
            finding(
                "CVE-2023-5678", openssl, .low, state: .willNotFix, title: "Excessive time spent in DH | check <b>\"quoted\"</b>, commas",
                description: "Line one\nline two with <script>alert(1)</script> & ampersand\u{0007}bell"),
            finding(
                "CVE-2023-4911", libc, .critical, fixed: ["2.36-9+deb12u3"], title: "Looney Tunables",
                cvss: [ScoredVector(version: "3.1", vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", baseScore: 7.8, source: "nvd")],
                references: ["https://www.qualys.com/2023/10/03/cve-2023-4911/looney-tunables-local-privilege-escalation-glibc-ld-so.txt"]),
            finding("CVE-2023-45853", zlib, .negligible, state: .willNotFix, title: "=cmd|' /C calc'!A0 MiniZip overflow"),
            finding(
                "CVE-2021-23337", lodash, .high, fixed: ["4.17.21"], title: "Command Injection in lodash",
                cvss: [ScoredVector(version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", baseScore: 7.2, source: "ghsa")],
                aliases: ["GHSA-35jh-r3h4-6jhm"], references: ["https://github.com/advisories/GHSA-35jh-r3h4-6jhm"]),
            finding("GHSA-4w2v-q235-vp99", axios, .unknown, fixed: ["0.21.1"], title: "Server-Side Request Forgery in axios"),
        ]
        return ScanReport(
            toolVersion: "0.1.0-test", createdAt: createdAt, target: ScanTarget(kind: .dockerArchive, name: "app.tar"),
            image: ImageMetadata(
                manifestDigest: digest("d"), configDigest: digest("e"), repoTags: ["registry.example/team/app:1.0"], repoDigests: [], os: "linux",
                architecture: "amd64", created: "2024-04-23T00:00:00Z", layers: layers, config: ImageRuntimeConfig()),
            operatingSystem: OperatingSystem(family: "debian", version: "12"), packageCount: 120,
            database: DatabaseSummary(path: "/tmp/db", builtAt: "2024-05-01T00:00:00Z", ageHours: 12.5, stale: false, sources: ["osv"]),
            findings: findings, warnings: [])
    }()

    /// A rootfs scan with nothing found.
    static let empty = ScanReport(
        toolVersion: "0.1.0-test", createdAt: createdAt, target: ScanTarget(kind: .rootfs, name: "/srv/rootfs"), image: nil,
        operatingSystem: nil, packageCount: 0, database: nil, findings: [], warnings: [])

    /// `count` findings spread over `packages` npm packages.
    static func many(_ count: Int, packages: Int) -> ScanReport {
        let pool = (0..<packages).map { npm("pkg\($0)", "1.0.\($0)") }
        let findings = (0..<count).map { index in
            finding("CVE-2024-\(10000 + index)", pool[index % packages], Severity.allCases[index % Severity.allCases.count], fixed: ["2.0.0"])
        }
        return ScanReport(
            toolVersion: "0.1.0-test", createdAt: createdAt, target: ScanTarget(kind: .ociLayout, name: "big-layout"), image: nil,
            operatingSystem: nil, packageCount: packages, database: nil, findings: findings, warnings: [])
    }

    /// Named reports for parameterized tests.
    static let all: [(String, ScanReport)] = [("debian", debian), ("empty", empty), ("many", many(40, packages: 7))]
}
