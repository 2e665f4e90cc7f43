import BulwarkCore

/// The rules and allow rules a `SecretScanner` runs, and its per-file limits.
public struct SecretConfiguration: Sendable {
    /// Rules in priority order: when two rules match overlapping text, the earlier one is kept.
    public var rules: [SecretRule]
    /// Known-harmless matches and paths.
    public var allowRules: [SecretAllowRule]
    /// Files larger than this are not scanned (default 10 MiB).
    public var maxFileSize: Int64

    /// The default file size cap, 10 MiB.
    public static let defaultMaxFileSize: Int64 = 10 << 20

    /// Creates a configuration.
    public init(rules: [SecretRule], allowRules: [SecretAllowRule] = [], maxFileSize: Int64 = SecretConfiguration.defaultMaxFileSize) {
        self.rules = rules
        self.allowRules = allowRules
        self.maxFileSize = maxFileSize
    }

    /// Every built-in rule and the built-in allow rules (documented example keys, documentation folders).
    public static let builtIn = SecretConfiguration(rules: BuiltInSecretRules.rules, allowRules: BuiltInSecretRules.allowRules)

    /// A copy without the rules whose ids are in `ids`.
    public func disabling(_ ids: some Sequence<String>) -> SecretConfiguration {
        let removed = Set(ids)
        var copy = self
        copy.rules.removeAll { removed.contains($0.id) }
        copy.allowRules.removeAll { removed.contains($0.id) }
        return copy
    }
}
