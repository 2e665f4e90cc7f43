import BulwarkCore
import Foundation

/// Writes RFC 4180 CSV: a header row, then one row per finding (most severe first), CRLF line ends,
/// fields quoted when they hold a comma, quote, CR or LF. A field that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`.
struct CSVReportWriter {
    static let header = [
        "Target", "Package", "Type", "Installed", "Vulnerability", "Severity", "Score", "Fixed", "State", "Title", "Path", "PURL",
        "Layer", "Aliases", "Known Exploited",
    ]

    /// The CSV text.
    func render(_ report: ScanReport) -> String {
        var output = Self.row(Self.header)
        for finding in ReportFacts.sorted(report.findings) {
            output += Self.row([
                report.target.name, finding.package.name, finding.package.type.rawValue, finding.installedVersion, finding.id,
                finding.severity.rawValue.uppercased(), ReportFacts.highestScore(finding).map { String($0) } ?? "",
                finding.fixedVersions.joined(separator: ", "), finding.state.rawValue, ReportFacts.headline(finding),
                finding.package.location, finding.package.purl.description, finding.package.layer.map { String($0.index) } ?? "",
                finding.aliases.joined(separator: " "), finding.knownExploitedSince ?? "",
            ])
        }
        return output + OtherScannerSections.csvRows(report)
    }

    /// One record with its CRLF.
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, neutralized and quoted as needed.
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
