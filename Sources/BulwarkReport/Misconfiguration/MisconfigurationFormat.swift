/// Output formats of `bulwark config`: the three BulwarkConfig writes itself (table, JSON, SARIF) and
/// every CI and people-facing format the vulnerability reports have.
public enum MisconfigurationFormat: String, CaseIterable, Sendable {
    /// Findings grouped by file for people.
    case table
    /// The config report as JSON (rules, findings, warnings, files).
    case json
    /// SARIF 2.1.0 for code-scanning services.
    case sarif
    /// JUnit XML for Jenkins and other CI servers.
    case junit
    /// Markdown for pull-request comments.
    case markdown
    /// RFC 4180 comma-separated values, one row per finding.
    case csv
    /// One self-contained HTML page.
    case html
    /// GitLab's SAST report (IaC scanning), schema 15.2.4.
    case gitlab
    /// A user's Mustache template (`--template FILE`).
    case template

    /// One line for `--help`.
    public var summary: String {
        switch self {
        case .table: return "findings grouped by file, with a summary line"
        case .json: return "the config report as JSON (rules, findings, warnings, files)"
        case .sarif: return "SARIF 2.1.0 for GitHub code scanning, results on file lines"
        case .junit: return "JUnit XML, one test suite per file and one test case per rule, failures at or above --fail-on"
        case .markdown: return "Markdown for pull-request comments, findings per file in collapsible sections"
        case .csv: return "CSV (RFC 4180), one row per finding"
        case .html: return "one self-contained HTML page with a sortable, filterable table"
        case .gitlab: return "GitLab SAST report for IaC scanning (gl-sast-report.json, schema 15.2.4)"
        case .template: return "a Mustache template given with --template FILE"
        }
    }
}
