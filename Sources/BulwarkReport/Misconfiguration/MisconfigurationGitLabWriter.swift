import BulwarkConfig
import BulwarkCore

/// Writes misconfiguration findings as GitLab's SAST report (what GitLab's IaC scanning produces,
/// `gl-sast-report.json`), schema version 15.2.4
/// (https://gitlab.com/gitlab-org/security-products/security-report-schemas, `dist/sast-report-format.json`).
///
/// One vulnerability per finding: `name` is the rule's title (no finding-specific text, as the schema asks),
/// `description` the finding's message and the rule's rationale, `solution` the remediation, the primary
/// identifier the Bulwark rule id, `location` the file and lines. Ids are version 5 UUIDs of the file, lines,
/// rule and message, so the same finding keeps its id between pipelines. Times come from the caller, never
/// the clock (1970-01-01T00:00:00 when unknown, since the schema requires them).
struct MisconfigurationGitLabWriter {
    /// The schema version written.
    static let schemaVersion = GitLabReportWriter.schemaVersion

    /// Bulwark's version.
    let toolVersion: String
    /// RFC 3339 scan time, if known.
    let scannedAt: String?

    /// The report as UTF-8 JSON.
    func write(_ report: ConfigReport) throws(BulwarkError) -> [UInt8] {
        try JSONOutput.encode(document(for: report), format: "GitLab SAST")
    }

    /// The report model.
    func document(for report: ConfigReport) -> GitLabSASTReport.Document {
        let time = GitLabReportWriter.gitLabTime(scannedAt ?? "")
        let version = toolVersion.isEmpty ? "unknown" : toolVersion
        let tool = GitLabReport.Tool(id: "bulwark", name: "Bulwark", version: version, vendor: GitLabReport.Vendor(name: "Bulwark"))
        var used = Set<String>()
        let vulnerabilities = MisconfigurationFacts.bySeverity(report.findings).map { finding in
            let file = Self.relativePath(finding.file)
            let key = [file, String(finding.line), String(finding.endLine), finding.rule.id, finding.message].joined(separator: "\u{1F}")
            var id = DeterministicUUID.forDocument(purpose: "gitlab-sast-misconfiguration", content: Array(key.utf8)).description
            var occurrence = 1
            while !used.insert(id).inserted {
                occurrence += 1
                id = DeterministicUUID.forDocument(purpose: "gitlab-sast-misconfiguration", content: Array((key + "\u{1F}\(occurrence)").utf8))
                    .description
            }
            let references = finding.rule.references.filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
            let prose = finding.rule.references.filter { !($0.hasPrefix("https://") || $0.hasPrefix("http://")) }
            var description = finding.message + "\n\n" + finding.rule.description
            if !prose.isEmpty { description += "\n\nReferences: " + prose.joined(separator: "; ") }
            return GitLabSASTReport.Vulnerability(
                id: id,
                name: String(finding.rule.title.prefix(255)),
                description: String(description.prefix(1_000_000)),
                severity: GitLabReportWriter.severity(finding.severity),
                solution: String(finding.rule.remediation.prefix(7000)),
                identifiers: [
                    GitLabReport.Identifier(type: "bulwark_rule_id", name: "Bulwark \(finding.rule.id)", value: finding.rule.id, url: nil)
                ],
                links: references.isEmpty ? nil : references.map { GitLabReport.Link(url: $0) },
                location: GitLabSASTReport.Location(file: file, startLine: finding.line, endLine: finding.endLine))
        }
        return GitLabSASTReport.Document(
            version: Self.schemaVersion,
            schema: "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v\(Self.schemaVersion)/dist/sast-report-format.json",
            scan: GitLabReport.Scan(analyzer: tool, scanner: tool, type: "sast", status: "success", startTime: time, endTime: time),
            vulnerabilities: vulnerabilities)
    }

    /// GitLab resolves locations against the repository root: a leading `./` is dropped.
    static func relativePath(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return path.isEmpty ? "." : String(path)
    }
}

/// The members of GitLab's SAST report that differ from the container scanning report (``GitLabReport``).
enum GitLabSASTReport {
    /// The root object.
    struct Document: Encodable, Sendable {
        var version: String
        var schema: String
        var scan: GitLabReport.Scan
        var vulnerabilities: [Vulnerability]
    }

    /// One finding.
    struct Vulnerability: Encodable, Sendable {
        var id: String
        var name: String
        var description: String
        var severity: String
        var solution: String
        var identifiers: [GitLabReport.Identifier]
        var links: [GitLabReport.Link]?
        var location: Location
    }

    /// `location` of a SAST finding.
    struct Location: Encodable, Sendable {
        var file: String
        var startLine: Int
        var endLine: Int

        enum CodingKeys: String, CodingKey {
            case file
            case startLine = "start_line"
            case endLine = "end_line"
        }
    }
}
