import BulwarkCore

/// Writes Markdown for pull-request comments (GitHub/GitLab flavoured): a heading, a summary table of
/// counts per severity, the top findings as a table, and the full list inside a collapsible `<details>`.
struct MarkdownReportWriter {
    /// How many findings the "top findings" table shows.
    static let topCount = 10
    /// GitHub refuses comments over 65,536 characters; the full list stops short of that.
    static let maxCharacters = 60_000

    /// The Markdown text.
    func render(_ report: ScanReport) -> String {
        let findings = ReportFacts.sorted(report.findings)
        let counts = ReportFacts.counts(findings)
        var lines: [String] = []
        lines.append("## Bulwark scan: \(Self.inline(ReportFacts.imageName(report)))")
        lines.append("")
        var facts = ["**\(findings.count)** vulnerabilities in **\(report.packageCount)** packages"]
        if let os = ReportFacts.operatingSystem(report) { facts.append("OS: \(Self.inline(os))") }
        if let database = report.database { facts.append("database built \(Self.inline(database.builtAt))" + (database.stale ? " (stale)" : "")) }
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        lines.append("| Severity | Count |")
        lines.append("| --- | ---: |")
        for severity in ReportFacts.severityOrder {
            lines.append("| \(severity.rawValue.uppercased()) | \(counts[severity] ?? 0) |")
        }
        lines.append("")
        if findings.isEmpty {
            lines.append("No known vulnerabilities found.")
            lines.append("")
            lines += SuppressedFindingsSection.markdown(report)
            return lines.joined(separator: "\n")
        }
        lines.append("### Top findings")
        lines.append("")
        lines.append(contentsOf: table(Array(findings.prefix(Self.topCount))))
        lines.append("")
        lines.append("<details>")
        lines.append("<summary>All \(findings.count) findings</summary>")
        lines.append("")
        var budget = Self.maxCharacters - lines.reduce(0) { $0 + $1.count + 1 }
        var listed = 0
        for line in table(findings) {
            budget -= line.count + 1
            if budget < 200 { break }
            lines.append(line)
            listed += 1
        }
        let rowsListed = max(0, listed - 2)
        if rowsListed < findings.count {
            lines.append("")
            lines.append("… and \(findings.count - rowsListed) more findings: too many for one comment (see the full report).")
        }
        lines.append("")
        lines.append("</details>")
        lines.append("")
        lines += SuppressedFindingsSection.markdown(report)
        return lines.joined(separator: "\n")
    }

    private func table(_ findings: [Finding]) -> [String] {
        var lines = ["| Severity | Vulnerability | Package | Installed | Fixed in | Title |", "| --- | --- | --- | --- | --- | --- |"]
        for finding in findings {
            let cells = [
                finding.severity.rawValue.uppercased(), finding.id + (finding.knownExploitedSince != nil ? " (KEV)" : ""),
                finding.package.name, finding.installedVersion, ReportFacts.fixText(finding), ReportFacts.headline(finding),
            ]
            lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
        }
        return lines
    }

    /// A table cell: one line, Markdown and HTML characters escaped (pipes included).
    static func cell(_ text: String) -> String {
        inline(String(text.map { $0.isNewline ? " " : $0 }))
    }

    /// A table cell of at most `limit` characters of `text`.
    static func cell(_ text: String, limit: Int) -> String {
        cell(String(text.prefix(limit)))
    }

    /// Inline text with the characters that start Markdown or HTML constructs escaped.
    static func inline(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~", "{", "}", "(", ")":
                output.append("\\")
                output.append(character)
            default:
                output.append(character.isNewline ? " " : character)
            }
        }
        return output
    }
}
