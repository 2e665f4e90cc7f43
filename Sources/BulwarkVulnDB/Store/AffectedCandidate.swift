import BulwarkCore

/// One affected entry found for a package lookup, with the advisory it belongs to. Matchers
/// compare the installed version against `affected`'s ranges (ignoring `GIT` ranges, which name
/// commits, not versions) and skip `withdrawn` candidates.
public struct AffectedCandidate: Sendable, Hashable {
    public var advisoryID: String
    /// The advisory's source (`osv`, `alpine-secdb`, `debian-tracker`…).
    public var source: String
    public var withdrawn: Bool
    public var affected: AffectedPackage

    /// Creates a candidate.
    public init(advisoryID: String, source: String, withdrawn: Bool, affected: AffectedPackage) {
        self.advisoryID = advisoryID
        self.source = source
        self.withdrawn = withdrawn
        self.affected = affected
    }
}
