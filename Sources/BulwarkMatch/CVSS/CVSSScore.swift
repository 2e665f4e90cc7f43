import BulwarkCore

/// The score of one CVSS vector: its version, base score, qualitative severity and the vector
/// in normalized form.
public struct CVSSScore: Sendable, Hashable {
    /// The CVSS version the vector was written in.
    public var version: CVSSVersion
    /// The score, 0.0–10.0 with one decimal (see `CVSS.score(_:)` for what "base" means per version).
    public var baseScore: Double
    /// The qualitative rating of `baseScore`: NVD's v2 bands for v2 (0–3.9 low, 4–6.9 medium,
    /// 7–10 high), the v3/v4 bands otherwise (0 → `.unknown`, i.e. "None").
    public var severity: Severity
    /// The vector in canonical form: the `CVSS:x.y/` prefix for v3 and v4 (none and no parentheses
    /// for v2), metrics in the specification's order, not-defined metrics (`X`, `ND`) left out.
    public var vector: String

    /// Creates a score.
    public init(version: CVSSVersion, baseScore: Double, severity: Severity, vector: String) {
        self.version = version
        self.baseScore = baseScore
        self.severity = severity
        self.vector = vector
    }
}
