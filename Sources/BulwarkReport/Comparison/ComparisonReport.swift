import BulwarkCore

/// What changed between two scans of images, SBOMs or saved reports (`bulwark compare BASE TARGET`):
/// packages added, removed, upgraded and downgraded; vulnerabilities introduced, fixed and unchanged.
///
/// Packages are matched by type, name and architecture; vulnerabilities by advisory id and package
/// name. Up- and downgrades are decided by each ecosystem's own version ordering.
public struct ComparisonReport: Codable, Sendable, Hashable {
    /// The schema version of this document.
    public var schemaVersion = 1
    /// The tool version that wrote it.
    public var toolVersion: String
    /// When it was made (RFC 3339).
    public var createdAt: String
    /// The base (before) and target (after), as the user named them, with what kind of input each was.
    public var base: Side
    public var target: Side
    /// Package changes.
    public var packages: PackageChanges
    /// Vulnerability changes.
    public var vulnerabilities: VulnerabilityChanges
    /// Limits of the comparison (a saved report knows only its vulnerable packages, say).
    public var notes: [String]

    /// One compared input.
    public struct Side: Codable, Sendable, Hashable {
        /// The name given on the command line.
        public var name: String
        /// `image`, `sbom` or `report`.
        public var kind: String
        /// Packages known on this side (nil when the input does not list them).
        public var packageCount: Int?
        /// Findings on this side (nil when it was not scanned for vulnerabilities).
        public var findingCount: Int?

        /// Creates a side.
        public init(name: String, kind: String, packageCount: Int?, findingCount: Int?) {
            self.name = name
            self.kind = kind
            self.packageCount = packageCount
            self.findingCount = findingCount
        }
    }

    /// A package present on one side only.
    public struct PackageEntry: Codable, Sendable, Hashable {
        public var type: PackageType
        public var name: String
        public var version: String
        public var purl: String

        /// Creates an entry.
        public init(type: PackageType, name: String, version: String, purl: String) {
            self.type = type
            self.name = name
            self.version = version
            self.purl = purl
        }
    }

    /// A package whose version changed.
    public struct VersionChange: Codable, Sendable, Hashable {
        public var type: PackageType
        public var name: String
        public var from: String
        public var to: String

        /// Creates a version change.
        public init(type: PackageType, name: String, from: String, to: String) {
            self.type = type
            self.name = name
            self.from = from
            self.to = to
        }
    }

    /// Package changes, each list sorted by type and name.
    public struct PackageChanges: Codable, Sendable, Hashable {
        public var added: [PackageEntry] = []
        public var removed: [PackageEntry] = []
        public var upgraded: [VersionChange] = []
        public var downgraded: [VersionChange] = []
        /// Version changes whose order the ecosystem's scheme could not decide.
        public var changed: [VersionChange] = []
        public var unchangedCount = 0

        /// Creates empty changes.
        public init() {}
    }

    /// One finding in the comparison.
    public struct FindingEntry: Codable, Sendable, Hashable {
        public var id: String
        public var package: String
        public var installedVersion: String
        public var fixedVersions: [String]
        public var severity: Severity
        public var title: String?

        /// Creates an entry from a finding.
        public init(_ finding: Finding) {
            id = finding.id
            package = finding.package.name
            installedVersion = finding.installedVersion
            fixedVersions = finding.fixedVersions
            severity = finding.severity
            title = finding.title
        }
    }

    /// Vulnerability changes, most severe first.
    public struct VulnerabilityChanges: Codable, Sendable, Hashable {
        public var introduced: [FindingEntry] = []
        public var fixed: [FindingEntry] = []
        public var unchanged: [FindingEntry] = []

        /// Creates empty changes.
        public init() {}

        /// Counts per severity (all severities present as keys) of a list.
        public static func countsBySeverity(_ entries: [FindingEntry]) -> [String: Int] {
            var counts: [String: Int] = [:]
            for severity in Severity.allCases { counts[severity.rawValue] = 0 }
            for entry in entries { counts[entry.severity.rawValue, default: 0] += 1 }
            return counts
        }
    }

    /// Creates a report.
    public init(toolVersion: String, createdAt: String, base: Side, target: Side, packages: PackageChanges, vulnerabilities: VulnerabilityChanges, notes: [String]) {
        self.toolVersion = toolVersion
        self.createdAt = createdAt
        self.base = base
        self.target = target
        self.packages = packages
        self.vulnerabilities = vulnerabilities
        self.notes = notes
    }

    /// Whether the target introduced a finding at or above `severity`.
    public func introduces(atLeast severity: Severity) -> Bool {
        vulnerabilities.introduced.contains { $0.severity >= severity }
    }
}
