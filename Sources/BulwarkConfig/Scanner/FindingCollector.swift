import Foundation

/// Gathers one file's findings: skips rules the options turn off and attaches source snippets.
struct FindingCollector {
    let file: String
    let lines: [Substring]
    let options: ConfigScanOptions
    private(set) var findings: [ConfigFinding] = []

    init(file: String, lines: [Substring], options: ConfigScanOptions) {
        self.file = file
        self.lines = lines
        self.options = options
    }

    /// Records a finding of `rule` at `line...endLine`, unless the rule is skipped.
    mutating func add(_ rule: ConfigRule, line: Int, endLine: Int? = nil, _ message: String) {
        guard options.runs(rule) else { return }
        findings.append(
            ConfigFinding(rule: rule, file: file, line: line, endLine: endLine, message: message, snippet: snippet(line, endLine ?? line)))
    }

    /// Up to three source lines, trimmed, each capped at 200 characters.
    func snippet(_ first: Int, _ last: Int) -> String {
        guard first >= 1, first <= lines.count else { return "" }
        let end = min(max(first, last), lines.count, first + 2)
        return lines[(first - 1)..<end].map { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
        }.joined(separator: "\n")
    }

    /// The findings to report: those no inline `# bulwark:ignore=` comment suppresses and whose severity
    /// the options keep, with how many comments suppressed.
    func reportable() -> (findings: [ConfigFinding], suppressed: Int) {
        let suppressions = options.inlineSuppressions ? InlineSuppressions(lines: lines) : nil
        var kept: [ConfigFinding] = []
        var suppressed = 0
        for finding in findings {
            if let suppressions, suppressions.suppresses(finding) {
                suppressed += 1
            } else if options.reports(finding.severity) {
                kept.append(finding)
            }
        }
        return (kept, suppressed)
    }
}
