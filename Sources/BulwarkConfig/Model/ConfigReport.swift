import Foundation

/// The outcome of scanning configuration files: findings (worst first), per-file problems, counts.
public struct ConfigReport: Sendable, Hashable, Codable {
    /// Findings after suppressions and filters, sorted by file, line, then rule id.
    public var findings: [ConfigFinding]
    /// Problems that did not stop the scan, each `"<file>:<line>: <problem>"` (or `"<file>: <problem>"`).
    public var warnings: [String]
    /// The files that were scanned, with their detected kind.
    public var files: [ScannedFile]
    /// How many findings inline `# bulwark:ignore=` comments suppressed.
    public var suppressedCount: Int

    /// Creates a report.
    public init(findings: [ConfigFinding], warnings: [String], files: [ScannedFile], suppressedCount: Int) {
        self.findings = findings
        self.warnings = warnings
        self.files = files
        self.suppressedCount = suppressedCount
    }

    /// The definitions of the rules that have findings, in id order (the JSON output lists them once).
    public var rules: [ConfigRule] {
        var seen = Set<String>()
        return findings.map(\.rule).filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    private enum CodingKeys: String, CodingKey {
        case findings, warnings, files, suppressedCount, rules
    }

    /// Encodes the report with a `rules` list holding each used rule's definition once.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rules, forKey: .rules)
        try container.encode(findings, forKey: .findings)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(files, forKey: .files)
        try container.encode(suppressedCount, forKey: .suppressedCount)
    }

    /// Decodes a report written by ``encode(to:)`` (the `rules` list is derived, so it is not read).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            findings: try container.decode([ConfigFinding].self, forKey: .findings),
            warnings: try container.decode([String].self, forKey: .warnings),
            files: try container.decode([ScannedFile].self, forKey: .files),
            suppressedCount: try container.decode(Int.self, forKey: .suppressedCount))
    }

    /// A file the scanner read.
    public struct ScannedFile: Sendable, Hashable, Codable {
        /// Its path.
        public var path: String
        /// What it was read as.
        public var kind: ConfigFileKind

        /// Creates a scanned-file entry.
        public init(path: String, kind: ConfigFileKind) {
            self.path = path
            self.kind = kind
        }
    }
}
