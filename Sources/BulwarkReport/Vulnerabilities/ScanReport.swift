import BulwarkConfig
import BulwarkCore

/// The result of a vulnerability scan: what was scanned, with which database, and what was found.
/// Its JSON encoding is Bulwark's stable scan format (`schemaVersion` 1, see docs/json-format.md).
public struct ScanReport: Sendable, Codable, Hashable {
    /// Bumped only for incompatible changes.
    public var schemaVersion = 1
    public var tool: String
    public var toolVersion: String
    /// When the scan ran (RFC 3339, UTC).
    public var createdAt: String
    public var target: ScanTarget
    public var image: ImageMetadata?
    public var operatingSystem: OperatingSystem?
    /// How many packages were matched.
    public var packageCount: Int
    /// The advisory database used.
    public var database: DatabaseSummary?
    /// Findings, most severe first.
    public var findings: [Finding]
    /// Counts per severity of the findings in this report.
    public var summary: [String: Int]
    /// Non-fatal problems (stale database, unparsable versions…).
    public var warnings: [String]
    /// Findings an ignore file or VEX statement suppressed; present only when they were asked for
    /// (`--show-suppressed`). Absent in reports made before suppression existed.
    public var suppressed: [SuppressedFinding]?
    /// Suppression counts by source and the decisions that did not take effect; present whenever an
    /// ignore file or VEX document was applied.
    public var suppression: SuppressionSummary?
    /// The scanners that ran (`vuln`, `misconfig`, …); absent in reports of vulnerability-only scans made
    /// before scanners could be chosen.
    public var scanners: [String]?
    /// Image misconfiguration findings (`--scanners misconfig`); absent when that scanner did not run.
    public var misconfigurations: ConfigReport?
    /// Package licenses (`--scanners license`); absent when that scanner did not run.
    public var licenses: LicenseReport?
    /// Secrets in layers and config (`--scanners secret`); absent when that scanner did not run.
    public var secrets: SecretReport?

    /// Creates a report; the summary is computed from the findings.
    public init(
        tool: String = "bulwark", toolVersion: String, createdAt: String, target: ScanTarget, image: ImageMetadata?,
        operatingSystem: OperatingSystem?, packageCount: Int, database: DatabaseSummary?, findings: [Finding], warnings: [String]
    ) {
        self.tool = tool
        self.toolVersion = toolVersion
        self.createdAt = createdAt
        self.target = target
        self.image = image
        self.operatingSystem = operatingSystem
        self.packageCount = packageCount
        self.database = database
        self.findings = findings
        self.warnings = warnings
        var counts: [String: Int] = [:]
        for severity in Severity.allCases { counts[severity.rawValue] = 0 }
        for finding in findings { counts[finding.severity.rawValue, default: 0] += 1 }
        self.summary = counts
    }
}

/// What a report says about the advisory database it was made with.
public struct DatabaseSummary: Sendable, Codable, Hashable {
    public var path: String
    /// When the database was built (RFC 3339).
    public var builtAt: String
    /// Its age in hours at scan time.
    public var ageHours: Double
    /// Whether it is older than the configured limit.
    public var stale: Bool
    /// Source names it holds.
    public var sources: [String]

    /// Creates a summary.
    public init(path: String, builtAt: String, ageHours: Double, stale: Bool, sources: [String]) {
        self.path = path
        self.builtAt = builtAt
        self.ageHours = ageHours
        self.stale = stale
        self.sources = sources
    }
}
