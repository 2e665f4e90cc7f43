import BulwarkCore

/// Picks the severity to show: the distribution's own rating first for OS packages, then the
/// advisory database's rating (GHSA), then the CVSS base score of the best vector available.
enum SeverityResolver {
    /// Vector preference when computing from CVSS: v3.1, v3.0, v4.0, v2.
    static let versionPreference = ["3.1", "3.0", "4.0", "2.0"]

    static func resolve(distroRatings: [SourcedSeverity], databaseRatings: [SourcedSeverity], scored: [ScoredVector]) -> SourcedSeverity {
        if let distro = distroRatings.first(where: { $0.severity != .unknown }) { return distro }
        if let database = databaseRatings.first(where: { $0.severity != .unknown }) { return database }
        for version in versionPreference {
            let candidates = scored.filter { $0.version == version }
            // Prefer the primary source (nvd / the advisory's own) in listed order; take the highest score among equals.
            if let best = candidates.max(by: { $0.baseScore < $1.baseScore }) {
                let severity = version == "2.0" ? v2Severity(best.baseScore) : Severity(cvssScore: best.baseScore)
                return SourcedSeverity(severity: severity, source: "\(best.source) cvss\(version)")
            }
        }
        return SourcedSeverity(severity: .unknown, source: "none")
    }

    /// NVD's CVSS v2 bands: low < 4, medium < 7, high otherwise.
    static func v2Severity(_ score: Double) -> Severity {
        switch score {
        case 7.0...: return .high
        case 4.0..<7.0: return .medium
        case 0.1..<4.0: return .low
        default: return .unknown
        }
    }
}
