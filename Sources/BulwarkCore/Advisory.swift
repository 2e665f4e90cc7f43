/// A qualitative severity, ordered from unknown to critical.
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case unknown, negligible, low, medium, high, critical

    private var rank: Int {
        switch self {
        case .unknown: return 0
        case .negligible: return 1
        case .low: return 2
        case .medium: return 3
        case .high: return 4
        case .critical: return 5
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Parses the words distros and databases use (`important` → high, `moderate` → medium,
    /// Debian urgencies `unimportant` → negligible, `not yet assigned` → unknown…).
    public init(word: String) {
        switch word.lowercased().trimmingCharacters(in: " \t*") {
        case "critical": self = .critical
        case "high", "important": self = .high
        case "medium", "moderate": self = .medium
        case "low": self = .low
        case "negligible", "unimportant", "none", "end-of-life": self = .negligible
        default: self = .unknown
        }
    }

    /// The CVSS qualitative rating of a base score (v3/v4 bands).
    public init(cvssScore score: Double) {
        switch score {
        case 9.0...: self = .critical
        case 7.0..<9.0: self = .high
        case 4.0..<7.0: self = .medium
        case 0.1..<4.0: self = .low
        default: self = .unknown
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

/// A severity vector or rating as a source published it (OSV `severity[]`, NVD metrics).
public struct SeverityVector: Sendable, Codable, Hashable {
    /// `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, or `Ubuntu` (a word rating).
    public var type: String
    /// The vector string (e.g. `CVSS:3.1/AV:N/…`) or rating word.
    public var vector: String
    /// Who published it: `nvd`, `ghsa`, `debian`, `osv`…
    public var source: String

    /// Creates a vector.
    public init(type: String, vector: String, source: String) {
        self.type = type
        self.vector = vector
        self.source = source
    }
}

/// A severity rating with the source that gave it.
public struct SourcedSeverity: Sendable, Codable, Hashable {
    public var severity: Severity
    /// Who rated it: `debian`, `alpine`, `ghsa`, `nvd`, `cvss` (computed)…
    public var source: String

    /// Creates a rating.
    public init(severity: Severity, source: String) {
        self.severity = severity
        self.source = source
    }
}

/// One event of an OSV affected range.
public enum RangeEvent: Sendable, Codable, Hashable {
    case introduced(String)
    case fixed(String)
    case lastAffected(String)
    case limit(String)
}

/// An OSV range: its type and events in order.
public struct AffectedRange: Sendable, Codable, Hashable {
    /// `ECOSYSTEM`, `SEMVER` or `GIT`.
    public var type: String
    /// The events, in the order the advisory lists them.
    public var events: [RangeEvent]

    /// Creates a range.
    public init(type: String, events: [RangeEvent]) {
        self.type = type
        self.events = events
    }

    /// The fixed versions this range names.
    public var fixedVersions: [String] {
        events.compactMap { if case .fixed(let version) = $0 { return version } else { return nil } }
    }
}

/// How a distribution classifies an advisory for a package it has not fixed (or has).
public enum FixState: String, Sendable, Codable, Hashable, CaseIterable {
    /// A fixed version exists.
    case fixed
    /// Affected, no fix released yet.
    case affected
    /// The distribution will not fix it (Debian `ignored`/`no-dsa` minor issues, Red Hat "Will not fix").
    case willNotFix = "will_not_fix"
    /// A fix is postponed (Debian `postponed`).
    case fixDeferred = "fix_deferred"
    /// The release is end of life for this package.
    case endOfLife = "end_of_life"
}

/// What one advisory says about one package in one ecosystem.
public struct AffectedPackage: Sendable, Codable, Hashable {
    /// The normalized ecosystem key: `debian:12`, `alpine:3.19`, `ubuntu:22.04`, `pypi`, `npm`, `go`… (see ``EcosystemKey``).
    public var ecosystem: String
    /// The package name normalized for the ecosystem (source package for distros that track those).
    public var name: String
    /// Affected ranges.
    public var ranges: [AffectedRange]
    /// Explicitly listed affected versions.
    public var versions: [String]
    /// The distro's state for this package; nil means "as the ranges say".
    public var state: FixState?
    /// The distro's own severity for this package (Debian urgency, Ubuntu priority…).
    public var severity: SourcedSeverity?

    /// Creates an affected-package entry.
    public init(ecosystem: String, name: String, ranges: [AffectedRange] = [], versions: [String] = [], state: FixState? = nil, severity: SourcedSeverity? = nil) {
        self.ecosystem = ecosystem
        self.name = name
        self.ranges = ranges
        self.versions = versions
        self.state = state
        self.severity = severity
    }
}

/// One advisory: an OSV record, a distro tracker entry or an NVD CVE, in Bulwark's model.
public struct Advisory: Sendable, Codable, Hashable {
    /// The advisory id (`GHSA-…`, `PYSEC-…`, `DSA-…`, `CVE-…`, `ALPINE-CVE-…`).
    public var id: String
    /// Other ids for the same vulnerability (OSV `aliases` and `upstream`), CVE ids first.
    public var aliases: [String]
    /// OSV `related` ids (not merged into one finding).
    public var related: [String]
    public var summary: String?
    public var details: String?
    /// Severity vectors (CVSS) as published.
    public var vectors: [SeverityVector]
    /// A word rating the database gave (GHSA `database_specific.severity`…).
    public var rating: SourcedSeverity?
    /// Reference URLs.
    public var references: [String]
    public var published: String?
    public var modified: String?
    /// Set when the advisory was withdrawn; withdrawn advisories never match.
    public var withdrawn: String?
    /// Where it came from: `osv`, `alpine-secdb`, `debian-tracker`, `nvd`.
    public var source: String
    /// The packages it affects.
    public var affected: [AffectedPackage]

    /// Creates an advisory.
    public init(
        id: String, aliases: [String] = [], related: [String] = [], summary: String? = nil, details: String? = nil,
        vectors: [SeverityVector] = [], rating: SourcedSeverity? = nil, references: [String] = [], published: String? = nil,
        modified: String? = nil, withdrawn: String? = nil, source: String, affected: [AffectedPackage] = []
    ) {
        self.id = id
        self.aliases = aliases
        self.related = related
        self.summary = summary
        self.details = details
        self.vectors = vectors
        self.rating = rating
        self.references = references
        self.published = published
        self.modified = modified
        self.withdrawn = withdrawn
        self.source = source
        self.affected = affected
    }
}

/// Facts about a CVE from sources other than advisories: NVD, CISA KEV, EPSS.
public struct CVEEnrichment: Sendable, Codable, Hashable {
    public var cve: String
    /// NVD description (used when an advisory has none).
    public var description: String?
    /// NVD CVSS vectors.
    public var vectors: [SeverityVector]
    /// CISA KEV: the date it was added, when it is known to be exploited.
    public var kevDateAdded: String?
    /// EPSS probability (0–1) and percentile (0–1).
    public var epssScore: Double?
    public var epssPercentile: Double?
    public var published: String?
    public var modified: String?

    /// Creates an enrichment record.
    public init(cve: String, description: String? = nil, vectors: [SeverityVector] = [], kevDateAdded: String? = nil, epssScore: Double? = nil, epssPercentile: Double? = nil, published: String? = nil, modified: String? = nil) {
        self.cve = cve
        self.description = description
        self.vectors = vectors
        self.kevDateAdded = kevDateAdded
        self.epssScore = epssScore
        self.epssPercentile = epssPercentile
        self.published = published
        self.modified = modified
    }
}
