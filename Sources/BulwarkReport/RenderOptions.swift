import Foundation

/// Everything a writer needs besides the inventory: styling, tool identity and the document timestamp.
///
/// The timestamp is an input (not read from the clock by writers), so the same inventory and options
/// always render the same bytes.
public struct RenderOptions: Sendable {
    /// Whether the table may use ANSI styling (bold headers, dim secondary text). Ignored by JSON formats.
    public var colors: Bool
    /// The tool name recorded in SBOM metadata.
    public var toolName: String
    /// The tool version recorded in SBOM metadata.
    public var toolVersion: String
    /// When the document was created; written with whole-second precision in UTC.
    public var timestamp: Date

    /// Creates render options.
    public init(colors: Bool = false, toolName: String = "bulwark", toolVersion: String, timestamp: Date) {
        self.colors = colors
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.timestamp = timestamp
    }
}
