/// What scanning one file produced: its findings and why parts of it were not examined.
public struct SecretFileResult: Sendable, Hashable, Codable {
    /// The findings, in file order.
    public var findings: [SecretFinding]
    /// The file looked binary (a NUL byte, or mostly control bytes, in its first 8 KiB).
    public var skippedBinary: Bool
    /// The file is larger than the configured size cap.
    public var skippedTooLarge: Bool
    /// An allow rule covers the whole path.
    public var skippedAllowedPath: Bool
    /// The per-file work budget (keyword windows, regex bytes or findings) ran out, so later
    /// matches may be missing.
    public var truncated: Bool

    /// Creates a result.
    public init(findings: [SecretFinding] = [], skippedBinary: Bool = false, skippedTooLarge: Bool = false, skippedAllowedPath: Bool = false, truncated: Bool = false) {
        self.findings = findings
        self.skippedBinary = skippedBinary
        self.skippedTooLarge = skippedTooLarge
        self.skippedAllowedPath = skippedAllowedPath
        self.truncated = truncated
    }
}
