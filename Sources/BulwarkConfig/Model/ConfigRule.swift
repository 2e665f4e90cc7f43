import BulwarkCore

/// A misconfiguration check's definition: the stable facts the reports and the rules reference print.
///
/// Ids are `BW-DF-nnn` (Dockerfile), `BW-DC-nnn` (Compose) and `BW-K8S-nnn` (Kubernetes); an id is
/// never reused for a different check.
public struct ConfigRule: Sendable, Hashable, Codable {
    /// Stable identifier, e.g. `BW-DF-001`.
    public var id: String
    /// The file kind the rule applies to.
    public var kind: ConfigFileKind
    /// One-line summary.
    public var title: String
    /// How bad a finding of this rule is.
    public var severity: Severity
    /// Why it matters.
    public var description: String
    /// What to change.
    public var remediation: String
    /// Standards and documents the rule implements (CIS Docker Benchmark, Pod Security Standards, NIST SP 800-190…).
    public var references: [String]
    /// Whether the rule only runs when an option asks for it (digest pinning, trusted registries, runtime class).
    public var optIn: Bool

    /// Creates a rule definition.
    public init(
        id: String, kind: ConfigFileKind, title: String, severity: Severity, description: String,
        remediation: String, references: [String] = [], optIn: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.severity = severity
        self.description = description
        self.remediation = remediation
        self.references = references
        self.optIn = optIn
    }
}
