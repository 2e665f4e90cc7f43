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
