import BulwarkCore

/// What to check and report.
public struct ConfigScanOptions: Sendable, Hashable {
    /// Report only these severities (empty: all).
    public var severities: Set<Severity>
    /// Rule ids never to run.
    public var skipRules: Set<String>
    /// Registries images may come from (e.g. `docker.io`, `ghcr.io/acme`); empty: any registry (the rule is off).
    public var trustedRegistries: [String]
    /// Require images to be pinned by digest (enables `BW-DF-003` and `BW-K8S-016`).
    public var requireDigest: Bool
    /// Require Kubernetes pods to name one of these sandboxed runtime classes (e.g. `gvisor`, `kata`); empty: off.
    public var requiredRuntimeClasses: [String]
    /// Files larger than this are skipped with a warning (default 8 MiB).
    public var maxFileSize: Int
    /// Honour `# bulwark:ignore=ID reason` comments (default true).
    public var inlineSuppressions: Bool

    /// Creates options; the defaults run every non-opt-in rule and report every severity.
    public init(
        severities: Set<Severity> = [], skipRules: Set<String> = [], trustedRegistries: [String] = [],
        requireDigest: Bool = false, requiredRuntimeClasses: [String] = [], maxFileSize: Int = 8 << 20,
        inlineSuppressions: Bool = true
    ) {
        self.severities = severities
        self.skipRules = skipRules
        self.trustedRegistries = trustedRegistries
        self.requireDigest = requireDigest
        self.requiredRuntimeClasses = requiredRuntimeClasses
        self.maxFileSize = maxFileSize
        self.inlineSuppressions = inlineSuppressions
    }

    /// Whether findings of `severity` are reported (`--severity`).
    public func reports(_ severity: Severity) -> Bool {
        severities.isEmpty || severities.contains(severity)
    }

    /// Whether `rule` should run under these options.
    public func runs(_ rule: ConfigRule) -> Bool {
        if skipRules.contains(rule.id) { return false }
        return true
    }
}
