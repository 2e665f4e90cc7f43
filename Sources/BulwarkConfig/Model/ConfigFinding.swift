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

extension ConfigFinding {
    private enum CodingKeys: String, CodingKey {
        case ruleID = "ruleId", title, severity, file, line, endLine, message, snippet
    }

    /// Encodes the rule by id, title and severity (the full definitions are in the report's `rules`),
    /// so large reports do not repeat rule texts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule.id, forKey: .ruleID)
        try container.encode(rule.title, forKey: .title)
        try container.encode(rule.severity, forKey: .severity)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(endLine, forKey: .endLine)
        try container.encode(message, forKey: .message)
        try container.encode(snippet, forKey: .snippet)
    }

    /// Decodes a finding written by ``encode(to:)``; the rule id must be one of ``RuleCatalog``'s.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .ruleID)
        guard let rule = RuleCatalog.rule(id: id) else {
            throw DecodingError.dataCorruptedError(forKey: .ruleID, in: container, debugDescription: "unknown rule id \(id)")
        }
        self.init(
            rule: rule, file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
            endLine: try container.decode(Int.self, forKey: .endLine), message: try container.decode(String.self, forKey: .message),
            snippet: try container.decode(String.self, forKey: .snippet))
    }
}
