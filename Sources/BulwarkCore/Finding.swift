/// A CVSS vector with the score Bulwark computed from it.
public struct ScoredVector: Sendable, Codable, Hashable {
    /// `2.0`, `3.0`, `3.1` or `4.0`.
    public var version: String
    public var vector: String
    /// The base score computed from the vector (not copied from the source).
    public var baseScore: Double
    /// Who published the vector: `nvd`, `ghsa`, `debian`…
    public var source: String

    /// Creates a scored vector.
    public init(version: String, vector: String, baseScore: Double, source: String) {
        self.version = version
        self.vector = vector
        self.baseScore = baseScore
        self.source = source
    }
}

/// Why a finding matched: one advisory's entry, the range and the comparison that decided it.
public struct MatchEvidence: Sendable, Codable, Hashable {
    /// The advisory id (`DSA-5673-1`, `GHSA-…`).
    public var advisoryID: String
    /// Its source (`osv`, `debian-tracker`, `alpine-secdb`).
    public var source: String
    /// The ecosystem key and package name that were looked up.
    public var ecosystem: String
    public var packageName: String
    /// The version compared (for Debian, the source package version) and the scheme used.
    public var comparedVersion: String
    public var scheme: String
    /// The range or list that contained the version, in words (`introduced 0, fixed 2.31.0`).
    public var range: String
    /// The distro's state, when it gave one.
    public var state: FixState?

    /// Creates evidence.
    public init(advisoryID: String, source: String, ecosystem: String, packageName: String, comparedVersion: String, scheme: String, range: String, state: FixState? = nil) {
        self.advisoryID = advisoryID
        self.source = source
        self.ecosystem = ecosystem
        self.packageName = packageName
        self.comparedVersion = comparedVersion
        self.scheme = scheme
        self.range = range
        self.state = state
    }
}

/// One vulnerability in one installed package.
public struct Finding: Sendable, Codable, Hashable {
    /// The vulnerability id: the CVE when there is one, else the advisory id.
    public var id: String
    /// Every other id the matched advisories use for it (GHSA, PYSEC, DSA, DEBIAN-CVE…), sorted.
    public var aliases: [String]
    /// The affected package as installed.
    public var package: Package
    /// The installed version (as the package database records it).
    public var installedVersion: String
    /// Versions that fix it, lowest first; empty when there is no fix.
    public var fixedVersions: [String]
    /// `fixed` when a fix exists, otherwise the distro's state (affected, will_not_fix…).
    public var state: FixState
    /// The severity shown, and where it came from.
    public var severity: Severity
    public var severitySource: String
    /// CVSS vectors with computed base scores.
    public var cvss: [ScoredVector]
    public var title: String?
    public var description: String?
    public var references: [String]
    public var published: String?
    public var modified: String?
    /// CISA KEV: when it was added to the catalog.
    public var knownExploitedSince: String?
    public var epssScore: Double?
    public var epssPercentile: Double?
    /// Why it matched.
    public var evidence: [MatchEvidence]

    /// Creates a finding.
    public init(
        id: String, aliases: [String] = [], package: Package, installedVersion: String, fixedVersions: [String] = [], state: FixState,
        severity: Severity, severitySource: String, cvss: [ScoredVector] = [], title: String? = nil, description: String? = nil,
        references: [String] = [], published: String? = nil, modified: String? = nil, knownExploitedSince: String? = nil,
        epssScore: Double? = nil, epssPercentile: Double? = nil, evidence: [MatchEvidence] = []
    ) {
        self.id = id
        self.aliases = aliases
        self.package = package
        self.installedVersion = installedVersion
        self.fixedVersions = fixedVersions
        self.state = state
        self.severity = severity
        self.severitySource = severitySource
        self.cvss = cvss
        self.title = title
        self.description = description
        self.references = references
        self.published = published
        self.modified = modified
        self.knownExploitedSince = knownExploitedSince
        self.epssScore = epssScore
        self.epssPercentile = epssPercentile
        self.evidence = evidence
    }
}
