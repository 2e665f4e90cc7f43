import BulwarkConfig
import BulwarkCore

/// Output formats of `bulwark image` and `bulwark convert`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Findings grouped by target for people.
    case table
    /// Bulwark's stable JSON scan format.
    case json
    /// SARIF 2.1.0 for GitHub code scanning.
    case sarif
    /// GitLab's container scanning report (schema 15.2.4).
    case gitlab
    /// JUnit XML for Jenkins and other CI servers.
    case junit
    /// CycloneDX 1.6 with `vulnerabilities` (VEX-capable).
    case cyclonedx
    /// Markdown for pull-request comments.
    case markdown
    /// RFC 4180 comma-separated values, one row per finding.
    case csv
    /// One self-contained HTML page.
    case html
    /// A user's Mustache template (`--template FILE`).
    case template

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .table: return "findings grouped by target, most severe first"
        case .json: return "Bulwark's stable scan JSON (docs/json-format.md)"
        case .sarif: return "SARIF 2.1.0 for GitHub code scanning (with --dockerfile: results on Dockerfile lines)"
        case .gitlab: return "GitLab container scanning report (schema 15.2.4)"
        case .junit: return "JUnit XML, one test case per package, failures at or above --fail-on"
        case .cyclonedx: return "CycloneDX 1.6 with vulnerabilities and VEX analysis"
        case .markdown: return "Markdown for pull-request comments"
        case .csv: return "CSV (RFC 4180), one row per finding"
        case .html: return "one self-contained HTML page with charts and a sortable table"
        case .template: return "a Mustache template given with --template FILE"
        }
    }
}

/// Renders scan reports: the one exhaustive switch over `ReportFormat`.
public enum ScanReportRenderer {
    /// Renders `report` as `format`. Every format is deterministic: the same report, options and
    /// settings give the same bytes (timestamps come from the report, never from the clock).
    public static func render(
        _ report: ScanReport, as format: ReportFormat, options: RenderOptions, settings: ReportRenderSettings = ReportRenderSettings()
    ) throws(BulwarkError) -> [UInt8] {
        guard report.misconfigurations != nil || report.licenses != nil || report.secrets != nil else {
            return try renderVulnerabilities(report, as: format, options: options, settings: settings)
        }
        let ranVulnerabilities = report.scanners?.contains("vuln") ?? true
        switch format {
        case .table, .markdown:
            let vulnerabilities = ranVulnerabilities ? try renderVulnerabilities(report, as: format, options: options, settings: settings) : []
            var text = ""
            func add(_ section: String) { text += (text.isEmpty ? "" : "\n") + section }
            if let misconfigurations = report.misconfigurations {
                add(format == .table
                    ? "Misconfigurations (\(report.target.name))\n" + ConfigReportRenderer.table(misconfigurations, colors: options.colors)
                    : MisconfigurationMarkdownWriter(scannedAt: report.createdAt).render(misconfigurations))
            }
            if let secrets = report.secrets { add(format == .table ? SecretTextWriter.table(secrets) : SecretTextWriter.markdown(secrets)) }
            if let licenses = report.licenses {
                add(format == .table ? LicenseTableWriter(style: TerminalStyle(enabled: options.colors)).render(licenses) : LicenseMarkdownSection.render(licenses))
            }
            return vulnerabilities + Array(((vulnerabilities.isEmpty ? "" : "\n") + text).utf8)
        case .sarif:
            // Vulnerabilities and secrets share Bulwark's SARIF model; misconfigurations come as BulwarkConfig's run.
            var log = SARIFWriter(dockerfile: settings.dockerfile).log(for: report)
            if !ranVulnerabilities { log.runs = [] }
            if let secrets = report.secrets { log.runs.append(SecretSARIF.run(secrets, report: report)) }
            var bytes = try JSONOutput.encode(log, format: "SARIF")
            if let misconfigurations = report.misconfigurations {
                let config = try SARIFRenderer.render(misconfigurations, toolVersion: options.toolVersion)
                bytes = log.runs.isEmpty ? config : try SARIFRunMerger.merge(bytes, config)
            }
            return bytes
        case .json, .junit, .csv, .html, .template:
            // These writers draw the other scanners' sections themselves.
            return try renderVulnerabilities(report, as: format, options: options, settings: settings)
        case .gitlab, .cyclonedx:
            return ranVulnerabilities ? try renderVulnerabilities(report, as: format, options: options, settings: settings) : []
        }
    }

    /// Whether `format` carries the misconfiguration, secret and license results (GitLab's container
    /// scanning report and CycloneDX's vulnerabilities hold vulnerabilities only; SARIF holds no licenses).
    public static func carriesMisconfigurations(_ format: ReportFormat) -> Bool {
        switch format {
        case .table, .markdown, .sarif, .json, .junit, .csv, .html, .template: return true
        case .gitlab, .cyclonedx: return false
        }
    }

    static func renderVulnerabilities(
        _ report: ScanReport, as format: ReportFormat, options: RenderOptions, settings: ReportRenderSettings
    ) throws(BulwarkError) -> [UInt8] {
        switch format {
        case .table: return Array(VulnerabilityTableWriter(style: TerminalStyle(enabled: options.colors)).render(report).utf8)
        case .json: return try JSONOutput.encode(report, format: "scan report")
        case .sarif: return try SARIFWriter(dockerfile: settings.dockerfile).write(report)
        case .gitlab: return try GitLabReportWriter().write(report)
        case .junit: return Array(JUnitWriter(gate: settings.failOn).render(report).utf8)
        case .cyclonedx: return try CycloneDXVulnerabilityWriter(options: options).write(report)
        case .markdown: return Array(MarkdownReportWriter().render(report).utf8)
        case .csv: return Array(CSVReportWriter().render(report).utf8)
        case .html: return Array(HTMLReportWriter().render(report).utf8)
        case .template:
            guard let template = settings.template else {
                throw BulwarkError(.invalidInput, "--format template needs --template FILE (a Mustache template)")
            }
            return Array(try TemplateReportWriter(template: template).render(report).utf8)
        }
    }
}
