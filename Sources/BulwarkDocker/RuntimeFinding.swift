import BulwarkCore

/// A weakness in how a container runs (not in what it contains): privileged mode, host namespaces,
/// sensitive mounts… Each has a stable id naming the CIS Docker Benchmark check it maps to.
public struct RuntimeFinding: Sendable, Hashable, Codable {
    /// Stable id, e.g. `CIS-DOCKER-5.4`; `BULWARK-DOCKER-RUNTIME` for the (informational) runtime.
    public var id: String
    /// The CIS Docker Benchmark recommendation number (`5.4`), nil when no check maps.
    public var cisSection: String?
    /// The check's title.
    public var title: String
    /// How serious it is.
    public var severity: Severity
    /// The container's name (or short id).
    public var container: String
    /// What was seen, e.g. `HostConfig.Privileged=true`.
    public var evidence: String
    /// What to change.
    public var remediation: String

    /// Creates a finding.
    public init(id: String, cisSection: String?, title: String, severity: Severity, container: String, evidence: String, remediation: String) {
        self.id = id
        self.cisSection = cisSection
        self.title = title
        self.severity = severity
        self.container = container
        self.evidence = evidence
        self.remediation = remediation
    }
}
