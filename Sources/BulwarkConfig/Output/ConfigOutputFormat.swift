/// The output formats of `bulwark config`.
public enum ConfigOutputFormat: String, Sendable, CaseIterable {
    /// Human-readable table.
    case table
    /// The ``ConfigReport`` as JSON.
    case json
    /// SARIF 2.1.0 for code-scanning services.
    case sarif
}
