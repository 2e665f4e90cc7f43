import BulwarkCore
import BulwarkMatch
import BulwarkVulnDB

/// Serves the matcher from the SQLite advisory database.
public struct DatabaseAdvisoryLookup: AdvisoryLookup {
    let database: AdvisoryDatabase

    /// Wraps an open database.
    public init(database: AdvisoryDatabase) { self.database = database }

    public func candidates(ecosystem: String, name: String) throws(BulwarkError) -> [AdvisoryCandidate] {
        try database.affected(ecosystem: ecosystem, name: name).map {
            AdvisoryCandidate(advisoryID: $0.advisoryID, source: $0.source, withdrawn: $0.withdrawn, affected: $0.affected)
        }
    }

    public func advisory(id: String) throws(BulwarkError) -> Advisory? { try database.advisory(id: id) }

    public func enrichment(cve: String) throws(BulwarkError) -> CVEEnrichment? { try database.enrichment(cve: cve) }
}
