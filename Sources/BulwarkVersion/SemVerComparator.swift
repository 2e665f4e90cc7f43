/// Semantic Versioning 2.0.0 precedence for three schemes that share it, differing only in what
/// they accept:
/// - `.semver`: strict SemVer 2.0.0 (no `v`, no leading zeros, numbers of any size);
/// - `.npm`: node-semver in loose mode (surrounding whitespace, leading `v`/`=`, leading zeros,
///   `1.2.3beta`; numbers up to 2^53−1; at most 256 characters);
/// - `.cargo`: the `semver` crate (strict, numbers up to 2^64−1).
///
/// Build metadata (`+…`) is validated and ignored.
public struct SemVerComparator: VersionComparator {
    /// Which scheme's parsing rules to use.
    public enum Flavor: Sendable {
        /// Strict SemVer 2.0.0.
        case strict
        /// node-semver, loose mode.
        case npm
        /// Cargo's `semver` crate.
        case cargo
    }

    /// The parsing rules in use.
    public let flavor: Flavor

    /// Creates a comparator with `flavor`'s parsing rules.
    public init(flavor: Flavor) {
        self.flavor = flavor
    }

    /// `.semver`, `.npm` or `.cargo`.
    public var scheme: VersionScheme {
        switch flavor {
        case .strict: .semver
        case .npm: .npm
        case .cargo: .cargo
        }
    }

    private var rules: SemanticVersion.Rules {
        switch flavor {
        case .strict: .strict
        case .npm: .npm
        case .cargo: .cargo
        }
    }

    /// Compares two versions by SemVer precedence.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try SemanticVersion(lhs, rules: rules, scheme: scheme)
        let right = try SemanticVersion(rhs, rules: rules, scheme: scheme)
        return left.compare(to: right)
    }

    /// Whether `version` parses under this flavor.
    public func isValid(_ version: String) -> Bool {
        (try? SemanticVersion(version, rules: rules, scheme: scheme)) != nil
    }
}
