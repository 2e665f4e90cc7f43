import BulwarkConfig
import BulwarkCore
import Foundation

/// Renders misconfiguration reports: the one exhaustive switch over ``MisconfigurationFormat``.
public enum MisconfigurationRenderer {
    /// Renders `report` as `format`.
    ///
    /// - Parameters:
    ///   - colors: ANSI colors in the table (other formats ignore it).
    ///   - toolVersion: Bulwark's version, written where a format names the tool.
    ///   - failOn: JUnit fails the rules at or above this severity; nil fails every finding.
    ///   - template: the Mustache template of `.template` (read by the caller), with its path for errors.
    ///   - scannedAt: when the scan ran, for the formats that carry a time (GitLab, JUnit, HTML, Markdown,
    ///     template); nil leaves it out (GitLab, which requires one, then says 1970-01-01T00:00:00).
    ///
    /// Every format is deterministic: the same report and arguments give the same bytes; nothing reads the clock.
    public static func render(
        _ report: ConfigReport, as format: MisconfigurationFormat, colors: Bool = false, toolVersion: String,
        failOn: Severity? = nil, template: NamedText? = nil, scannedAt: Date? = nil
    ) throws(BulwarkError) -> [UInt8] {
        let time = scannedAt.map(RFC3339Timestamp.string(from:))
        switch format {
        case .table: return try ConfigReportRenderer.render(report, as: .table, colors: colors, toolVersion: toolVersion)
        case .json: return try ConfigReportRenderer.render(report, as: .json, toolVersion: toolVersion)
        case .sarif: return try ConfigReportRenderer.render(report, as: .sarif, toolVersion: toolVersion)
        case .junit:
            return Array(MisconfigurationJUnitWriter(gate: failOn, toolVersion: toolVersion, scannedAt: time).render(report).utf8)
        case .markdown: return Array(MisconfigurationMarkdownWriter(scannedAt: time).render(report).utf8)
        case .csv: return Array(MisconfigurationCSVWriter().render(report).utf8)
        case .html: return Array(MisconfigurationHTMLWriter(toolVersion: toolVersion, scannedAt: time).render(report).utf8)
        case .gitlab: return try MisconfigurationGitLabWriter(toolVersion: toolVersion, scannedAt: time).write(report)
        case .template:
            guard let template else {
                throw BulwarkError(.invalidInput, "--format template needs --template FILE (a Mustache template)")
            }
            return Array(try MisconfigurationTemplateWriter(template: template, toolVersion: toolVersion, scannedAt: time).render(report).utf8)
        }
    }
}
