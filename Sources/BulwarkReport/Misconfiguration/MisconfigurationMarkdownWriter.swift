import BulwarkConfig
import BulwarkCore

/// Writes misconfiguration findings as Markdown for pull-request comments (GitHub/GitLab flavoured):
/// a heading, summary tables by severity and by file kind, the most severe findings as a table, then one
/// collapsible `<details>` section per file with a row per finding (line, severity, rule, title, message,
/// remediation). Stops short of GitHub's comment size limit and says how much it left out.
struct MisconfigurationMarkdownWriter {
    /// How many findings the "top findings" table shows.
    static let topCount = 10
    /// GitHub refuses comments over 65,536 characters; the per-file sections stop short of that.
    static let maxCharacters = 60_000

    /// RFC 3339 scan time, if known.
    let scannedAt: String?

    /// The Markdown text.
    func render(_ report: ConfigReport) -> String {
        let files = MisconfigurationFacts.files(report)
        let counts = MisconfigurationFacts.counts(report.findings)
        var lines: [String] = ["## Bulwark misconfiguration scan", ""]
        var facts = ["**\(MisconfigurationFacts.plural(report.findings.count, "finding"))** in **\(MisconfigurationFacts.plural(files.count, "file"))**"]
        if report.suppressedCount > 0 { facts.append("\(report.suppressedCount) suppressed inline") }
        if let scannedAt { facts.append("scanned \(inline(scannedAt))") }
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        lines.append("| Severity | Findings |")
        lines.append("| --- | ---: |")
        for severity in MisconfigurationFacts.summarySeverities(counts) {
            lines.append("| \(severity.rawValue.uppercased()) | \(counts[severity] ?? 0) |")
        }
        lines.append("")
        let kinds = MisconfigurationFacts.kinds(files)
        if !kinds.isEmpty {
            let shown = MisconfigurationFacts.summarySeverities(counts)
            lines.append("| File kind | Files | Findings | " + shown.map { $0.rawValue.uppercased() }.joined(separator: " | ") + " |")
            lines.append("| --- | ---: | ---: | " + shown.map { _ in "---:" }.joined(separator: " | ") + " |")
            for kind in kinds {
                let kindCounts = MisconfigurationFacts.counts(kind.findings)
                let cells = [cell(kind.kind), String(kind.files), String(kind.findings.count)] + shown.map { String(kindCounts[$0] ?? 0) }
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        if report.findings.isEmpty {
            lines.append("No misconfigurations found.")
            lines.append("")
            appendWarnings(report.warnings, to: &lines)
            return lines.joined(separator: "\n")
        }
        lines.append("### Top findings")
        lines.append("")
        lines.append("| Severity | Rule | File | Line | Title |")
        lines.append("| --- | --- | --- | ---: | --- |")
        for finding in MisconfigurationFacts.bySeverity(report.findings).prefix(Self.topCount) {
            let cells = [finding.severity.rawValue.uppercased(), finding.rule.id, finding.file, MisconfigurationFacts.lines(finding), finding.rule.title]
            lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("### Findings by file")
        lines.append("")
        var budget = Self.maxCharacters - lines.reduce(0) { $0 + $1.count + 1 } - 600
        var listed = 0
        for file in files where !file.findings.isEmpty {
            guard let section = self.section(file, budget: budget) else { break }
            budget -= section.lines.reduce(0) { $0 + $1.count + 1 }
            lines.append(contentsOf: section.lines)
            listed += section.rows
            if section.rows < file.findings.count { break }
        }
        if listed < report.findings.count {
            lines.append("… and \(MisconfigurationFacts.plural(report.findings.count - listed, "more finding")): too many for one comment (see the full report).")
            lines.append("")
        }
        appendWarnings(report.warnings, to: &lines)
        return lines.joined(separator: "\n")
    }

    /// One file's collapsible section (ends with a blank line), with as many rows as fit in `budget`
    /// characters; nil when not even one row fits.
    private func section(_ file: MisconfigurationFacts.FileGroup, budget: Int) -> (lines: [String], rows: Int)? {
        let counts = MisconfigurationFacts.counts(file.findings)
        let worst = ReportFacts.severityOrder.compactMap { severity in counts[severity].map { "\($0) \(severity.rawValue.uppercased())" } }
        var lines = [
            "<details>",
            "<summary><code>\(MarkupEscaping.escape(file.path))</code> (\(MarkupEscaping.escape(file.kind))): "
                + "\(MisconfigurationFacts.plural(file.findings.count, "finding")), \(worst.joined(separator: ", "))</summary>",
            "",
            "| Line | Severity | Rule | Title | Message | Remediation |",
            "| ---: | --- | --- | --- | --- | --- |",
        ]
        let closing = ["", "</details>", ""]
        var remaining = budget - (lines + closing).reduce(0) { $0 + $1.count + 1 }
        var rows = 0
        for finding in file.findings {
            let cells = [
                MisconfigurationFacts.lines(finding), finding.severity.rawValue.uppercased(), finding.rule.id, finding.rule.title,
                finding.message, finding.rule.remediation,
            ]
            let row = "| " + cells.map(cell).joined(separator: " | ") + " |"
            remaining -= row.count + 1
            if remaining < 0 { break }
            lines.append(row)
            rows += 1
        }
        return rows == 0 ? nil : (lines + closing, rows)
    }

    private func appendWarnings(_ warnings: [String], to lines: inout [String]) {
        guard !warnings.isEmpty else { return }
        lines.append("**Warnings**")
        lines.append("")
        for warning in warnings.prefix(50) { lines.append("- " + inline(warning)) }
        if warnings.count > 50 { lines.append("- … and \(warnings.count - 50) more") }
        lines.append("")
    }

    private func cell(_ text: String) -> String { MarkdownReportWriter.cell(String(text.prefix(2000))) }
    private func inline(_ text: String) -> String { MarkdownReportWriter.inline(String(text.prefix(2000))) }
}
