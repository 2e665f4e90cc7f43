/// Go module version ordering, as `golang.org/x/mod/semver`: SemVer with a `v` prefix, the
/// shorthands `v1` and `v1.2`, no leading zeros; `+incompatible` and other build metadata are
/// ignored; pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`, `v1.2.4-0.2019…-…`,
/// `v1.2.3-pre.0.2019…-…`) are ordinary pre-releases and sort accordingly.
///
/// The `v` is optional here (OSV writes Go versions without it); `(devel)` and other non-versions throw.
public struct GoComparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.go`.
    public var scheme: VersionScheme { .go }

    /// Compares two Go module versions.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try SemanticVersion(lhs, rules: .go, scheme: .go)
        let right = try SemanticVersion(rhs, rules: .go, scheme: .go)
        return left.compare(to: right)
    }

    /// Whether `version` is a valid Go module version (with or without its `v`).
    public func isValid(_ version: String) -> Bool {
        (try? SemanticVersion(version, rules: .go, scheme: .go)) != nil
    }
}
