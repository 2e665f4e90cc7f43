import BulwarkConfig
import BulwarkCore
import Mustache

/// Renders a misconfiguration report through a user's Mustache template (`--format template --template FILE`),
/// the same mechanism as ``TemplateReportWriter``.
///
/// The template sees: `tool` (`bulwark`), `toolVersion`, `scannedAt` (missing when unknown), `findingCount`,
/// `fileCount`, `suppressedCount`, `hasFindings`, `summary` (`critical`, `high`, `medium`, `low`, `negligible`,
/// `unknown`: counts), `warnings` (strings), `files` (path order), each with `path`, `kind`, `findingCount`,
/// `hasFindings`; `rules` (the rules that fired, id order), each with `id`, `kind`, `title`, `severity`
/// (upper case), `description`, `remediation`, `references`; and `findings` (most severe first, then file,
/// line and rule), each with `ruleId`, `severity` (upper case), `title`, `description`, `remediation`,
/// `references`, `file`, `kind`, `line`, `endLine`, `message`, `snippet`. `{{name}}` escapes HTML; use
/// `{{{name}}}` for raw text.
struct MisconfigurationTemplateWriter {
    /// The template and the path it was read from.
    let template: NamedText
    /// Bulwark's version.
    let toolVersion: String
    /// RFC 3339 scan time, if known.
    let scannedAt: String?

    /// The rendered text.
    func render(_ report: ConfigReport) throws(BulwarkError) -> String {
        let compiled: MustacheTemplate
        do {
            compiled = try MustacheTemplate(string: template.text)
        } catch {
            throw BulwarkError.invalid(template.path, "not a valid Mustache template: \(error)")
        }
        return compiled.render(context(for: report))
    }

    /// The values a template can use.
    func context(for report: ConfigReport) -> [String: Any] {
        let files = MisconfigurationFacts.files(report)
        let counts = MisconfigurationFacts.counts(report.findings)
        var summary: [String: Any] = [:]
        for severity in Severity.allCases { summary[severity.rawValue] = counts[severity] ?? 0 }
        var context: [String: Any] = [
            "tool": "bulwark", "toolVersion": toolVersion, "findingCount": report.findings.count, "fileCount": files.count,
            "suppressedCount": report.suppressedCount, "hasFindings": !report.findings.isEmpty, "summary": summary,
            "warnings": report.warnings,
        ]
        if let scannedAt { context["scannedAt"] = scannedAt }
        context["files"] = files.map { file -> [String: Any] in
            ["path": file.path, "kind": file.kind, "findingCount": file.findings.count, "hasFindings": !file.findings.isEmpty]
        }
        context["rules"] = report.rules.map { rule -> [String: Any] in
            [
                "id": rule.id, "kind": rule.kind.displayName, "title": rule.title, "severity": rule.severity.rawValue.uppercased(),
                "description": rule.description, "remediation": rule.remediation, "references": rule.references,
            ]
        }
        let kinds = Dictionary(files.map { ($0.path, $0.kind) }, uniquingKeysWith: { first, _ in first })
        context["findings"] = MisconfigurationFacts.bySeverity(report.findings).map { finding -> [String: Any] in
            [
                "ruleId": finding.rule.id, "severity": finding.severity.rawValue.uppercased(), "title": finding.rule.title,
                "description": finding.rule.description, "remediation": finding.rule.remediation, "references": finding.rule.references,
                "file": finding.file, "kind": kinds[finding.file] ?? finding.rule.kind.displayName, "line": finding.line,
                "endLine": finding.endLine, "message": finding.message, "snippet": finding.snippet,
            ]
        }
        return context
    }
}
