import BulwarkCore

/// Counts of what an import read, for `bulwark db import` / `db status` and for tests.
public struct ImportStatistics: Sendable, Codable, Hashable {
    /// Advisories stored.
    public var advisories = 0
    /// Enrichment records stored (NVD, KEV, EPSS rows).
    public var enrichments = 0
    /// Records skipped because they were malformed, with the first few reasons.
    public var malformed = 0
    public var malformedExamples: [String] = []
    /// Withdrawn advisories seen (stored but never matched).
    public var withdrawn = 0
    /// Affected entries whose ecosystem Bulwark does not use, by ecosystem name.
    public var unknownEcosystems: [String: Int] = [:]

    /// Creates empty statistics.
    public init() {}

    /// Records a malformed record (keeping at most 20 example reasons).
    public mutating func recordMalformed(_ reason: String) {
        malformed += 1
        if malformedExamples.count < 20 { malformedExamples.append(reason) }
    }

    /// Adds another import's counts.
    public mutating func merge(_ other: ImportStatistics) {
        advisories += other.advisories
        enrichments += other.enrichments
        malformed += other.malformed
        malformedExamples += other.malformedExamples.prefix(max(0, 20 - malformedExamples.count))
        withdrawn += other.withdrawn
        unknownEcosystems.merge(other.unknownEcosystems, uniquingKeysWith: +)
    }
}

/// Where importers put what they parse. The database writer implements it; importers never touch
/// SQL, so every feed format is one parser that emits model values.
public protocol ImportSink: AnyObject {
    /// Stores an advisory (replacing an earlier one with the same id and source).
    func add(_ advisory: Advisory) throws(BulwarkError)
    /// Merges CVE facts field by field (NVD description/vectors, KEV date, EPSS) into what is stored.
    func addEnrichment(_ enrichment: CVEEnrichment) throws(BulwarkError)
    /// The running statistics (importers record malformed records and unknown ecosystems here).
    var statistics: ImportStatistics { get set }
    /// Stores (or replaces) an OS release's end-of-life date.
    func addEndOfLife(_ entry: EndOfLifeEntry) throws(BulwarkError)
}

extension ImportSink {
    /// Sinks that only collect advisories count end-of-life rows as enrichments and keep nothing.
    public func addEndOfLife(_ entry: EndOfLifeEntry) throws(BulwarkError) {
        statistics.enrichments += 1
    }
}
