/// A known-harmless match to ignore: documented example keys, fixtures, whole folders.
///
/// With only `paths`, files whose path matches are not scanned at all. With a `valueRegex`, a
/// secret matching it is dropped (only in matching paths when `paths` is also given). `ruleIDs`
/// limits the rule to those secret rules.
public struct SecretAllowRule: Sendable {
    /// Identifier for people (`aws-documentation-example`).
    public var id: String
    /// Why the match is harmless.
    public var description: String
    /// A pattern the secret value must match (searched, not anchored).
    public var valueRegex: CompiledPattern?
    /// Exact secret values.
    public var values: [String]
    /// Patterns matched against the path.
    public var paths: [CompiledPattern]
    /// Byte substrings of the path (cheap built-in folder exclusions such as `/usr/share/doc/`).
    public var pathContains: [String]
    /// The secret rules it applies to; empty means all.
    public var ruleIDs: [String]

    /// Creates an allow rule.
    public init(
        id: String, description: String = "", valueRegex: CompiledPattern? = nil, values: [String] = [],
        paths: [CompiledPattern] = [], pathContains: [String] = [], ruleIDs: [String] = []
    ) {
        self.id = id
        self.description = description
        self.valueRegex = valueRegex
        self.values = values
        self.paths = paths
        self.pathContains = pathContains
        self.ruleIDs = ruleIDs
    }

    /// Whether this rule skips whole files (no value condition, all secret rules).
    var coversWholePaths: Bool {
        valueRegex == nil && values.isEmpty && ruleIDs.isEmpty && (!paths.isEmpty || !pathContains.isEmpty)
    }

    /// Whether `path` is one this rule names (true when it names no path).
    func appliesTo(path: String) -> Bool {
        if paths.isEmpty && pathContains.isEmpty { return true }
        for needle in pathContains where path.utf8.firstRange(of: needle.utf8) != nil { return true }
        for pattern in paths where pattern.matches(path) { return true }
        return false
    }
}
