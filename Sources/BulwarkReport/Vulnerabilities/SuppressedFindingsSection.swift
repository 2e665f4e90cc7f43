import BulwarkCore
import Foundation

/// The suppression part of table, Markdown and HTML reports: counts whenever anything was suppressed, and
/// the suppressed findings themselves (with who suppressed them and why) when `--show-suppressed` listed them.
enum SuppressedFindingsSection {
    /// `Suppressed: 3 (ignore file: 1, VEX: 2)`, or nil when nothing was suppressed.
    static func countLine(_ report: ScanReport) -> String? {
        guard let summary = report.suppression, summary.total > 0 else { return nil }
        let hint = report.suppressed == nil ? "; --show-suppressed lists them" : ""
        return "Suppressed: \(summary.total) (ignore file: \(summary.ignoreFile), VEX: \(summary.vex))\(hint)"
    }

    /// The cells of one suppressed finding: package, version, id, severity, source, decision, reason.
    static func cells(_ entry: SuppressedFinding) -> [String] {
        let decision = [entry.status, entry.justification].compactMap { $0 }.joined(separator: ": ")
        return [
            entry.finding.package.name, entry.finding.installedVersion, entry.finding.id, entry.finding.severity.rawValue.uppercased(),
            entry.source.rawValue + " (" + entry.origin + ")", decision.isEmpty ? "ignored" : decision, entry.reason ?? entry.note ?? "",
        ]
    }

    static let header = ["PACKAGE", "INSTALLED", "VULNERABILITY", "SEVERITY", "SUPPRESSED BY", "DECISION", "REASON"]

    static func table(_ report: ScanReport, style: TerminalStyle, maxWidth: Int) -> [String] {
        var lines: [String] = []
        if let count = countLine(report) { lines.append(count) }
        guard let suppressed = report.suppressed, !suppressed.isEmpty else { return lines }
        lines.append("")
        lines.append(style.bold("Suppressed findings") + " " + style.dim("(\(suppressed.count), listed by --show-suppressed)"))
        let rows = suppressed.map { cells($0).map(TerminalText.sanitize) }
        let layout = TableLayout(header: header, rows: rows, maxWidth: maxWidth)
        lines.append(layout.line(header) { style.bold($1) })
        for row in rows { lines.append(layout.line(row)) }
        return lines
    }

    static func markdown(_ report: ScanReport) -> [String] {
        var lines: [String] = []
        if let count = countLine(report) { lines += [count, ""] }
        guard let suppressed = report.suppressed, !suppressed.isEmpty else { return lines }
        let cell = { (text: String) in MarkdownReportWriter.cell(text, limit: 300) }
        lines += ["<details>", "<summary>\(suppressed.count) suppressed findings</summary>", ""]
        lines.append("| " + header.map { $0.capitalized }.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: header.count))
        for entry in suppressed.prefix(500) { lines.append("| " + cells(entry).map(cell).joined(separator: " | ") + " |") }
        lines += ["", "</details>", ""]
        return lines
    }

    static func html(_ report: ScanReport) -> String {
        var html = ""
        if let count = countLine(report) { html += "<p class=\"suppressed\">\(MarkupEscaping.escape(count))</p>\n" }
        guard let suppressed = report.suppressed, !suppressed.isEmpty else { return html }
        html += "<section>\n<h2>Suppressed findings</h2>\n<table>\n<thead><tr>"
        for title in header { html += "<th>\(MarkupEscaping.escape(title.capitalized))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for entry in suppressed {
            html += "<tr>" + cells(entry).map { "<td>\(MarkupEscaping.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }
}
