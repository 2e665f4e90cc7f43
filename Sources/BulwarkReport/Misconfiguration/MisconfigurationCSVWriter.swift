import BulwarkConfig
import BulwarkCore

/// Writes misconfiguration findings as RFC 4180 CSV: a header row, then one row per finding in file order
/// (file, line, rule), with the quoting and formula-injection defusing of the vulnerability CSV
/// (``CSVReportWriter/field(_:)``): CRLF line ends, fields quoted when they hold a comma, quote, CR or LF,
/// and a field a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) prefixed with `'`.
struct MisconfigurationCSVWriter {
    /// The column names.
    static let header = ["File", "Line", "End Line", "Rule", "Severity", "Title", "Message", "Remediation"]

    /// The CSV text.
    func render(_ report: ConfigReport) -> String {
        var output = CSVReportWriter.row(Self.header)
        for finding in MisconfigurationFacts.byLocation(report.findings) {
            output += CSVReportWriter.row([
                finding.file, String(finding.line), String(finding.endLine), finding.rule.id, finding.severity.rawValue.uppercased(),
                finding.rule.title, finding.message, finding.rule.remediation,
            ])
        }
        return output
    }
}
