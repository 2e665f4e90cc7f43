/// Orders version strings under one `VersionScheme`.
public protocol VersionComparator: Sendable {
    /// The scheme this comparator implements.
    var scheme: VersionScheme { get }
    /// <0, 0, >0 like strcmp; throws VersionError when either side cannot be parsed under this scheme
    func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int
    /// Whether `version` is valid under this scheme
    func isValid(_ version: String) -> Bool
}
