import BulwarkCore

/// One stored affected entry, as the matcher sees it.
public struct AdvisoryCandidate: Sendable, Hashable {
    /// The advisory id.
    public var advisoryID: String
    /// Where it came from (`osv`, `debian-tracker`, `alpine-secdb`).
    public var source: String
    /// Withdrawn advisories never match.
    public var withdrawn: Bool
    /// What the advisory says about the package.
    public var affected: AffectedPackage

    /// Creates a candidate.
    public init(advisoryID: String, source: String, withdrawn: Bool, affected: AffectedPackage) {
        self.advisoryID = advisoryID
        self.source = source
        self.withdrawn = withdrawn
        self.affected = affected
    }
}

/// What the matcher needs from an advisory store. The SQLite database implements it; tests use a
/// dictionary. Keeping it here leaves the matcher free of storage.
public protocol AdvisoryLookup: Sendable {
    /// Affected entries for a package name in an ecosystem (both normalized).
    func candidates(ecosystem: String, name: String) throws(BulwarkError) -> [AdvisoryCandidate]
    /// The advisory with `id`, from any source.
    func advisory(id: String) throws(BulwarkError) -> Advisory?
    /// NVD/KEV/EPSS facts for a CVE.
    func enrichment(cve: String) throws(BulwarkError) -> CVEEnrichment?
}

/// An in-memory `AdvisoryLookup` (tests, small advisory sets).
public struct InMemoryAdvisories: AdvisoryLookup {
    private var byKey: [String: [AdvisoryCandidate]] = [:]
    private var byID: [String: Advisory] = [:]
    private var enrichments: [String: CVEEnrichment] = [:]

    /// Indexes `advisories` and `enrichments`.
    public init(_ advisories: [Advisory], enrichments: [CVEEnrichment] = []) {
        for advisory in advisories {
            byID[advisory.id] = advisory
            for affected in advisory.affected {
                byKey[affected.ecosystem + "\u{0}" + affected.name, default: []].append(
                    AdvisoryCandidate(advisoryID: advisory.id, source: advisory.source, withdrawn: advisory.withdrawn != nil, affected: affected))
            }
        }
        for enrichment in enrichments { self.enrichments[enrichment.cve] = enrichment }
    }

    public func candidates(ecosystem: String, name: String) throws(BulwarkError) -> [AdvisoryCandidate] {
        byKey[ecosystem + "\u{0}" + name] ?? []
    }

    public func advisory(id: String) throws(BulwarkError) -> Advisory? { byID[id] }

    public func enrichment(cve: String) throws(BulwarkError) -> CVEEnrichment? { enrichments[cve] }
}
