import BulwarkCore
import Mustache

/// Renders a report through a user's Mustache template (`--format template --template FILE`).
///
/// The template sees: `target`, `targetKind`, `image`, `os` (may be missing), `createdAt`, `tool`,
/// `toolVersion`, `packageCount`, `findingCount`, `summary` (`critical`, `high`, `medium`, `low`,
/// `negligible`, `unknown`), `hasFindings`, `warnings`, and `findings` (most severe first), each with
/// `id`, `severity` (upper case), `package`, `type`, `installed`, `fixed` (joined), `fixedVersions`, `hasFix`,
/// `state`, `title`, `description`, `purl`, `path`, `layer`, `aliases`, `references`, `score`,
/// `knownExploited`. `{{name}}` escapes HTML; use `{{{name}}}` for raw text.
struct TemplateReportWriter {
    /// The template and the path it was read from.
    let template: NamedText

    /// The rendered text.
    func render(_ report: ScanReport) throws(BulwarkError) -> String {
        let compiled: MustacheTemplate
        do {
            compiled = try MustacheTemplate(string: template.text)
        } catch {
            throw BulwarkError.invalid(template.path, "not a valid Mustache template: \(error)")
        }
        return compiled.render(Self.context(for: report))
    }

    /// The values a template can use.
    static func context(for report: ScanReport) -> [String: Any] {
        let findings = ReportFacts.sorted(report.findings)
        let counts = ReportFacts.counts(findings)
        var summary: [String: Any] = [:]
        for severity in Severity.allCases { summary[severity.rawValue] = counts[severity] ?? 0 }
        var context: [String: Any] = [
            "target": report.target.name, "targetKind": report.target.kind.rawValue, "image": ReportFacts.imageName(report),
            "createdAt": report.createdAt, "tool": report.tool, "toolVersion": report.toolVersion, "packageCount": report.packageCount,
            "findingCount": findings.count, "summary": summary, "hasFindings": !findings.isEmpty, "warnings": report.warnings,
        ]
        if let os = ReportFacts.operatingSystem(report) { context["os"] = os }
        context["findings"] = findings.map { finding -> [String: Any] in
            var item: [String: Any] = [
                "id": finding.id, "severity": finding.severity.rawValue.uppercased(), "package": finding.package.name,
                "type": finding.package.type.rawValue, "installed": finding.installedVersion,
                "fixed": finding.fixedVersions.joined(separator: ", "), "fixedVersions": finding.fixedVersions,
                "hasFix": !finding.fixedVersions.isEmpty,
                "state": finding.state.rawValue, "title": ReportFacts.headline(finding), "description": finding.description ?? "",
                "purl": finding.package.purl.description, "path": finding.package.location, "aliases": finding.aliases,
                "references": finding.references, "knownExploited": finding.knownExploitedSince != nil,
            ]
            if let layer = finding.package.layer { item["layer"] = layer.index }
            if let score = ReportFacts.highestScore(finding) { item["score"] = score }
            return item
        }
        context.merge(OtherScannerSections.templateValues(report)) { first, _ in first }
        return context
    }
}
