import BulwarkCore

/// Writes GitLab's container scanning report, schema version 15.2.4
/// (https://gitlab.com/gitlab-org/security-products/security-report-schemas, `dist/container-scanning-report-format.json`).
struct GitLabReportWriter {
    /// The schema version written.
    static let schemaVersion = "15.2.4"

    /// The report as UTF-8 JSON.
    func write(_ report: ScanReport) throws(BulwarkError) -> [UInt8] {
        try JSONOutput.encode(document(for: report), format: "GitLab container scanning")
    }

    /// The report model.
    func document(for report: ScanReport) -> GitLabReport.Document {
        let time = Self.gitLabTime(report.createdAt)
        let tool = GitLabReport.Tool(id: "bulwark", name: "Bulwark", version: report.toolVersion, vendor: GitLabReport.Vendor(name: "Bulwark"))
        let image = ReportFacts.imageName(report)
        let os = report.operatingSystem.map { "\($0.family):\($0.version)" } ?? "unknown"
        let vulnerabilities = ReportFacts.sorted(report.findings).map { finding in
            GitLabReport.Vulnerability(
                id: DeterministicUUID.forDocument(
                    purpose: "gitlab-vulnerability",
                    content: Array((finding.id + "\u{1F}" + ReportFacts.packageKey(finding.package) + "\u{1F}" + image).utf8)
                ).description,
                name: String("\(finding.id) in \(finding.package.name)".prefix(255)),
                description: String((finding.description.flatMap { $0.isEmpty ? nil : $0 } ?? ReportFacts.headline(finding)).prefix(1_000_000)),
                severity: Self.severity(finding.severity),
                solution: String(Self.solution(finding).prefix(7000)),
                identifiers: Self.identifiers(finding),
                cvssVectors: Self.vectors(finding),
                links: Self.links(finding),
                location: GitLabReport.Location(
                    dependency: GitLabReport.Dependency(
                        package: GitLabReport.PackageName(name: finding.package.name), version: finding.installedVersion),
                    operatingSystem: os, image: image))
        }
        return GitLabReport.Document(
            version: Self.schemaVersion,
            schema: "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v\(Self.schemaVersion)/dist/container-scanning-report-format.json",
            scan: GitLabReport.Scan(analyzer: tool, scanner: tool, type: "container_scanning", status: "success", startTime: time, endTime: time),
            vulnerabilities: vulnerabilities)
    }

    /// GitLab's capitalized severity words (`negligible` has no match: it is `Info`).
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "Critical"
        case .high: return "High"
        case .medium: return "Medium"
        case .low: return "Low"
        case .negligible: return "Info"
        case .unknown: return "Unknown"
        }
    }

    /// `yyyy-mm-ddThh:mm:ss` (UTC, no zone suffix) from Bulwark's RFC 3339 timestamp.
    static func gitLabTime(_ timestamp: String) -> String {
        let prefix = String(timestamp.prefix(19))
        let shape = Array(prefix.utf8)
        let digitsAt = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        let valid = shape.count == 19 && digitsAt.allSatisfy { (0x30...0x39).contains(shape[$0]) } && shape[4] == 0x2D
            && shape[7] == 0x2D && shape[10] == 0x54 && shape[13] == 0x3A && shape[16] == 0x3A
        return valid ? prefix : "1970-01-01T00:00:00"
    }

    private static func solution(_ finding: Finding) -> String {
        if let fixed = finding.fixedVersions.first { return "Upgrade \(finding.package.name) to \(fixed) or later." }
        return "No fixed version yet (\(ReportFacts.fixText(finding)))."
    }

    private static func identifiers(_ finding: Finding) -> [GitLabReport.Identifier] {
        ([finding.id] + finding.aliases.filter { $0 != finding.id }).filter { !$0.isEmpty }.map { id in
            let upper = id.uppercased()
            if upper.hasPrefix("CVE-") {
                return GitLabReport.Identifier(type: "cve", name: id, value: id, url: "https://nvd.nist.gov/vuln/detail/\(id)")
            }
            if upper.hasPrefix("GHSA-") {
                return GitLabReport.Identifier(type: "ghsa", name: id, value: id, url: "https://github.com/advisories/\(id)")
            }
            let type = id.split(separator: "-").first.map { $0.lowercased() } ?? "advisory"
            return GitLabReport.Identifier(type: type.isEmpty ? "advisory" : type, name: id, value: id, url: nil)
        }
    }

    private static func vectors(_ finding: Finding) -> [GitLabReport.CVSSVector]? {
        let vectors = finding.cvss.filter { $0.vector.hasPrefix("CVSS:3.") || $0.vector.hasPrefix("CVSS:4.0/") }
            .filter { $0.vector.utf8.count >= 32 && $0.vector.utf8.count <= 128 }
            .prefix(10).map { GitLabReport.CVSSVector(vendor: $0.source.isEmpty ? "unknown" : $0.source, vector: $0.vector) }
        return vectors.isEmpty ? nil : Array(vectors)
    }

    private static func links(_ finding: Finding) -> [GitLabReport.Link]? {
        let links = finding.references.filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }.map { GitLabReport.Link(url: $0) }
        return links.isEmpty ? nil : links
    }
}

/// The GitLab security report model (the members Bulwark writes).
enum GitLabReport {
    /// The root object.
    struct Document: Encodable, Sendable {
        var version: String
        var schema: String
        var scan: Scan
        var vulnerabilities: [Vulnerability]
    }

    /// `scan`.
    struct Scan: Encodable, Sendable {
        var analyzer: Tool
        var scanner: Tool
        var type: String
        var status: String
        var startTime: String
        var endTime: String

        enum CodingKeys: String, CodingKey {
            case analyzer, scanner, type, status
            case startTime = "start_time"
            case endTime = "end_time"
        }
    }

    /// `scan.analyzer` / `scan.scanner`.
    struct Tool: Encodable, Sendable {
        var id: String
        var name: String
        var version: String
        var vendor: Vendor
    }

    /// A vendor.
    struct Vendor: Encodable, Sendable {
        var name: String
    }

    /// One vulnerability in one package.
    struct Vulnerability: Encodable, Sendable {
        var id: String
        var name: String
        var description: String
        var severity: String
        var solution: String
        var identifiers: [Identifier]
        var cvssVectors: [CVSSVector]?
        var links: [Link]?
        var location: Location

        enum CodingKeys: String, CodingKey {
            case id, name, description, severity, solution, identifiers, links, location
            case cvssVectors = "cvss_vectors"
        }
    }

    /// An identifier (the first is the primary one).
    struct Identifier: Encodable, Sendable {
        var type: String
        var name: String
        var value: String
        var url: String?
    }

    /// A CVSS vector with its vendor.
    struct CVSSVector: Encodable, Sendable {
        var vendor: String
        var vector: String
    }

    /// A link.
    struct Link: Encodable, Sendable {
        var url: String
    }

    /// `location` of a container scanning finding.
    struct Location: Encodable, Sendable {
        var dependency: Dependency
        var operatingSystem: String
        var image: String

        enum CodingKeys: String, CodingKey {
            case dependency, image
            case operatingSystem = "operating_system"
        }
    }

    /// `location.dependency`.
    struct Dependency: Encodable, Sendable {
        var package: PackageName
        var version: String
    }

    /// `location.dependency.package`.
    struct PackageName: Encodable, Sendable {
        var name: String
    }
}
