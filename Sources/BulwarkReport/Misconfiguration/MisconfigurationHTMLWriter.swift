import BulwarkConfig
import BulwarkCore

/// Writes misconfiguration findings as one self-contained HTML page, built like the vulnerability page
/// (``HTMLReportWriter``: its style sheet and its sort/filter script, a Content-Security-Policy that forbids
/// loading anything): severity badges, a summary per file kind, a bar chart of findings per file, and a
/// findings table that sorts by any column and filters by text and severity. Every report text is escaped.
struct MisconfigurationHTMLWriter {
    /// How many files the chart shows (the most affected first).
    static let chartFiles = 25

    /// Bulwark's version, shown in the facts line.
    let toolVersion: String
    /// RFC 3339 scan time, if known.
    let scannedAt: String?

    /// The HTML page.
    func render(_ report: ConfigReport) -> String {
        let files = MisconfigurationFacts.files(report)
        let findings = MisconfigurationFacts.bySeverity(report.findings)
        let counts = MisconfigurationFacts.counts(findings)
        let title = "Bulwark misconfiguration report"
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>\(HTMLReportWriter.style)\(Self.extraStyle)</style>
            </head>
            <body>

            """
        html += "<h1>\(title)</h1>\n<p class=\"facts\">"
        var facts = [
            MisconfigurationFacts.plural(findings.count, "finding") + " in " + MisconfigurationFacts.plural(files.count, "file"),
        ]
        if report.suppressedCount > 0 { facts.append("\(report.suppressedCount) suppressed inline") }
        if let scannedAt { facts.append("scanned \(scannedAt)") }
        facts.append("Bulwark \(toolVersion)")
        html += facts.map(MarkupEscaping.escape).joined(separator: " · ") + "</p>\n"
        html += "<div class=\"badges\">"
        for severity in MisconfigurationFacts.summarySeverities(counts) {
            html += "<span class=\"badge\" style=\"background:\(HTMLReportWriter.colors[severity] ?? "#000")\">"
                + "\(severity.rawValue.uppercased()) \(counts[severity] ?? 0)</span>"
        }
        html += "</div>\n"
        html += "<section class=\"charts\">\n<div><h2>By file kind</h2>\n" + kindTable(files, counts: counts) + "</div>\n"
        html += "<div><h2>Most affected files</h2>\n" + chart(files) + "</div>\n</section>\n"
        html += """
            <section>
            <h2>Findings</h2>
            <div class="controls"><input id="filter" type="search" placeholder="Filter (file, rule, message…)" aria-label="Filter findings">
            <select id="severity" aria-label="Severity"><option value="">All severities</option>
            """
        for severity in ReportFacts.severityOrder {
            html += "<option value=\"\(severity.rawValue)\">\(severity.rawValue.uppercased())</option>"
        }
        html += "</select> <span id=\"shown\"></span></div>\n<table id=\"findings\">\n<thead><tr>"
        for (index, column) in ["Severity", "Rule", "File", "Line", "Title", "Details"].enumerated() {
            html += "<th data-column=\"\(index)\">\(column)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for finding in findings {
            html += row(finding)
        }
        html += "</tbody>\n</table>\n</section>\n"
        if !report.warnings.isEmpty {
            html += "<section>\n<h2>Warnings</h2>\n<ul>\n"
            html += report.warnings.map { "<li><code>\(MarkupEscaping.escape($0))</code></li>\n" }.joined()
            html += "</ul>\n</section>\n"
        }
        html += "<script>\(HTMLReportWriter.script)</script>\n</body>\n</html>\n"
        return html
    }

    private func row(_ finding: ConfigFinding) -> String {
        let rank = ReportFacts.severityOrder.count - (ReportFacts.severityOrder.firstIndex(of: finding.severity) ?? 0)
        var html = "<tr data-severity=\"\(finding.severity.rawValue)\">"
        html += "<td data-sort=\"\(rank)\"><span class=\"sev\" style=\"background:\(HTMLReportWriter.colors[finding.severity] ?? "#000")\">"
            + "\(finding.severity.rawValue.uppercased())</span></td>"
        html += "<td>\(MarkupEscaping.escape(finding.rule.id))</td><td><code>\(MarkupEscaping.escape(finding.file))</code></td>"
        html += "<td data-sort=\"\(finding.line)\">\(MisconfigurationFacts.lines(finding))</td>"
        html += "<td>\(MarkupEscaping.escape(finding.rule.title))</td>"
        var detail = MarkupEscaping.escape(finding.message)
        if !finding.snippet.isEmpty { detail += "<pre>\(MarkupEscaping.escape(finding.snippet))</pre>" }
        detail += "<details><summary>remediation</summary><p>\(MarkupEscaping.escape(finding.rule.remediation))</p>"
            + "<p>\(MarkupEscaping.escape(finding.rule.description))</p>"
        if !finding.rule.references.isEmpty {
            detail += finding.rule.references.prefix(20).map { "<code>\(MarkupEscaping.escape($0))</code>" }.joined(separator: "<br>")
        }
        detail += "</details>"
        return html + "<td>\(detail)</td></tr>\n"
    }

    /// Files and findings per file kind, with a column per severity.
    private func kindTable(_ files: [MisconfigurationFacts.FileGroup], counts: [Severity: Int]) -> String {
        let kinds = MisconfigurationFacts.kinds(files)
        guard !kinds.isEmpty else { return "<p>No files scanned.</p>\n" }
        let shown = MisconfigurationFacts.summarySeverities(counts)
        var html = "<table class=\"summary\"><thead><tr><th>Kind</th><th>Files</th><th>Findings</th>"
        html += shown.map { "<th>\($0.rawValue.uppercased())</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for kind in kinds {
            let kindCounts = MisconfigurationFacts.counts(kind.findings)
            html += "<tr><td>\(MarkupEscaping.escape(kind.kind))</td><td>\(kind.files)</td><td>\(kind.findings.count)</td>"
            html += shown.map { "<td>\(kindCounts[$0] ?? 0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// A horizontal stacked bar chart in inline SVG: one bar per file (most findings first), segments per severity.
    private func chart(_ files: [MisconfigurationFacts.FileGroup]) -> String {
        let rows = files.filter { !$0.findings.isEmpty }
            .sorted { ($1.findings.count, $0.path) < ($0.findings.count, $1.path) }
            .prefix(Self.chartFiles)
        return SeverityBarChart.svg(rows.map { file in
            SeverityBarChart.Row(
                label: file.path.count > 40 ? "…" + String(file.path.suffix(39)) : file.path, tooltip: file.path,
                counts: MisconfigurationFacts.counts(file.findings), total: file.findings.count)
        })
    }

    /// Additions to the vulnerability page's style sheet: snippets and the summary table.
    static let extraStyle = """

        pre{font-size:12px;background:#f5f5f5;padding:4px 6px;margin:4px 0;white-space:pre-wrap;word-break:break-all}
        table.summary{width:auto}table.summary th{cursor:default}
        """
}
