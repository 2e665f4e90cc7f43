import BulwarkCore

/// One secret found in a file or an image-config string. Never holds the secret itself: `match`
/// and `snippet` are masked.
public struct SecretFinding: Sendable, Hashable, Codable {
    /// The rule that matched (`aws-access-key-id`).
    public var ruleID: String
    /// The rule's family (`AWS`, `GitHub`, `PrivateKey`, `Generic`).
    public var category: String
    /// The rule's title for people.
    public var title: String
    /// How bad a leak of this kind is.
    public var severity: Severity
    /// The file path, or the origin of an image-config string (`config:Env[3]`).
    public var path: String
    /// The 1-based line where the match starts.
    public var line: Int
    /// The 1-based byte column where the match starts on that line.
    public var column: Int?
    /// The secret, masked (`AKIA****************`).
    public var match: String
    /// The line around the match with every secret on it masked, at most 160 bytes.
    public var snippet: String

    /// Creates a finding.
    public init(ruleID: String, category: String, title: String, severity: Severity, path: String, line: Int, column: Int?, match: String, snippet: String) {
        self.ruleID = ruleID
        self.category = category
        self.title = title
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.match = match
        self.snippet = snippet
    }
}
