import BulwarkCore

/// Output formats of `bulwark image`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Findings grouped by target for people.
    case table
    /// Bulwark's stable JSON scan format.
    case json

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .table: return "findings grouped by target, most severe first"
        case .json: return "Bulwark's stable scan JSON (docs/json-format.md)"
        }
    }
}

/// Renders scan reports: the one exhaustive switch over `ReportFormat`.
public enum ScanReportRenderer {
    /// Renders `report` as `format`.
    public static func render(_ report: ScanReport, as format: ReportFormat, options: RenderOptions) throws(BulwarkError) -> [UInt8] {
        switch format {
        case .table: return Array(VulnerabilityTableWriter(style: TerminalStyle(enabled: options.colors)).render(report).utf8)
        case .json: return try JSONOutput.encode(report, format: "scan report")
        }
    }
}
