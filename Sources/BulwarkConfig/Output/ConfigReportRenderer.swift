import BulwarkCore
import Foundation

/// Renders a ``ConfigReport`` as a table, JSON or SARIF.
public enum ConfigReportRenderer {
    /// The report's bytes in `format`. `colors` applies to the table only.
    public static func render(_ report: ConfigReport, as format: ConfigOutputFormat, colors: Bool = false, toolVersion: String) throws(BulwarkError) -> [UInt8] {
        switch format {
        case .table: return Array(table(report, colors: colors).utf8)
        case .json: return try json(report)
        case .sarif: return try SARIFRenderer.render(report, toolVersion: toolVersion)
        }
    }

    /// JSON: `{"rules": [...], "findings": [...], "warnings": [...], "files": [...], "suppressedCount": n}`, sorted keys;
    /// each finding names its rule by `ruleId` (with title and severity), the definitions are in `rules`.
    public static func json(_ report: ConfigReport) throws(BulwarkError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(report)) + [10]
        } catch {
            throw BulwarkError(.io, "cannot encode the config report as JSON: \(error)")
        }
    }

    /// A table grouped by file: `LINE  SEVERITY  RULE  MESSAGE`, then a summary line.
    public static func table(_ report: ConfigReport, colors: Bool) -> String {
        var output = ""
        var currentFile: String?
        for finding in report.findings {
            if finding.file != currentFile {
                if currentFile != nil { output += "\n" }
                output += (colors ? "\u{1B}[1m\(finding.file)\u{1B}[0m" : finding.file) + "\n"
                currentFile = finding.file
            }
            let severity = finding.severity.rawValue.uppercased()
            let padded = severity.padding(toLength: 8, withPad: " ", startingAt: 0)
            let coloredSeverity = colors ? color(for: finding.severity) + padded + "\u{1B}[0m" : padded
            let line = String(finding.line).padding(toLength: 5, withPad: " ", startingAt: 0)
            output += "  \(line) \(coloredSeverity) \(finding.rule.id.padding(toLength: 10, withPad: " ", startingAt: 0)) \(finding.message)\n"
        }
        var counts: [String] = []
        for severity in Severity.allCases.reversed() {
            let count = report.findings.filter { $0.severity == severity }.count
            if count > 0 { counts.append("\(severity.rawValue.uppercased()): \(count)") }
        }
        if !report.findings.isEmpty { output += "\n" }
        output += "\(report.findings.count) finding\(report.findings.count == 1 ? "" : "s") in \(report.files.count) file\(report.files.count == 1 ? "" : "s")"
        if !counts.isEmpty { output += " (" + counts.joined(separator: ", ") + ")" }
        if report.suppressedCount > 0 { output += ", \(report.suppressedCount) suppressed" }
        output += "\n"
        for warning in report.warnings { output += "warning: \(warning)\n" }
        return output
    }

    private static func color(for severity: Severity) -> String {
        switch severity {
        case .critical: return "\u{1B}[1;31m"
        case .high: return "\u{1B}[31m"
        case .medium: return "\u{1B}[33m"
        case .low: return "\u{1B}[36m"
        default: return "\u{1B}[2m"
        }
    }
}
