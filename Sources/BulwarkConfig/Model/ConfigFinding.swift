import BulwarkCore

/// One rule violation at a place in a file.
public struct ConfigFinding: Sendable, Hashable, Codable {
    /// The rule that fired.
    public var rule: ConfigRule
    /// The file, as given on the command line or found under a given folder.
    public var file: String
    /// First line (1-based) of the offending construct.
    public var line: Int
    /// Last line (1-based, ≥ `line`).
    public var endLine: Int
    /// What is wrong here, specifically.
    public var message: String
    /// The offending source text (first lines, trimmed).
    public var snippet: String

    /// The rule's severity.
    public var severity: Severity { rule.severity }

    /// Creates a finding.
    public init(rule: ConfigRule, file: String, line: Int, endLine: Int? = nil, message: String, snippet: String = "") {
        self.rule = rule
        self.file = file
        self.line = max(1, line)
        self.endLine = max(self.line, endLine ?? line)
        self.message = message
        self.snippet = snippet
    }
}
