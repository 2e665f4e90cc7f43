import BulwarkCore
import Foundation

/// The formats of `bulwark compare`.
public enum ComparisonFormat: String, CaseIterable, Sendable {
    case table, json, markdown
}

/// Writes a ``ComparisonReport`` as a terminal table, JSON or Markdown (for pull-request comments).
public enum ComparisonRenderer {
    /// The report in `format`.
    public static func render(_ report: ComparisonReport, as format: ComparisonFormat) throws(BulwarkError) -> [UInt8] {
        switch format {
        case .json: return try JSONOutput.encode(report, format: "comparison")
        case .table: return Array(table(report).utf8)
        case .markdown: return Array(markdown(report).utf8)
        }
    }

    private static let severities: [Severity] = [.critical, .high, .medium, .low, .negligible, .unknown]

    static func table(_ report: ComparisonReport) -> String {
        var out = "Base:   \(report.base.name) (\(report.base.kind))\nTarget: \(report.target.name) (\(report.target.kind))\n\n"
        let packages = report.packages
        out += "Packages: \(packages.added.count) added, \(packages.removed.count) removed, \(packages.upgraded.count) upgraded, "
            + "\(packages.downgraded.count) downgraded, \(packages.changed.count) changed, \(packages.unchangedCount) unchanged\n"
        let vulns = report.vulnerabilities
        out += "Vulnerabilities: \(vulns.introduced.count) introduced, \(vulns.fixed.count) fixed, \(vulns.unchanged.count) unchanged\n\n"
        let counts = severityTable(report)
        let countLayout = TableLayout(header: counts[0], rows: Array(counts.dropFirst()), maxWidth: 160)
        out += counts.map { countLayout.line($0) }.joined(separator: "\n") + "\n"
        func section(_ title: String, _ rows: [[String]]) {
            guard let header = rows.first, rows.count > 1 else { return }
            let layout = TableLayout(header: header, rows: Array(rows.dropFirst()), maxWidth: 160)
            out += "\n" + title + "\n" + rows.map { layout.line($0) }.joined(separator: "\n") + "\n"
        }
        section("Introduced", [["SEVERITY", "ID", "PACKAGE", "INSTALLED", "FIXED IN"]] + vulns.introduced.map(findingRow))
        section("Fixed", [["SEVERITY", "ID", "PACKAGE", "WAS", "FIXED IN"]] + vulns.fixed.map(findingRow))
        section("Added packages", [["TYPE", "NAME", "VERSION"]] + packages.added.map { [$0.type.rawValue, $0.name, $0.version] })
        section("Removed packages", [["TYPE", "NAME", "VERSION"]] + packages.removed.map { [$0.type.rawValue, $0.name, $0.version] })
        section("Upgraded packages", [["TYPE", "NAME", "FROM", "TO"]] + packages.upgraded.map { [$0.type.rawValue, $0.name, $0.from, $0.to] })
        section("Downgraded packages", [["TYPE", "NAME", "FROM", "TO"]] + packages.downgraded.map { [$0.type.rawValue, $0.name, $0.from, $0.to] })
        section("Changed packages (order unknown)", [["TYPE", "NAME", "FROM", "TO"]] + packages.changed.map { [$0.type.rawValue, $0.name, $0.from, $0.to] })
        for note in report.notes { out += "\nnote: " + note }
        return out.hasSuffix("\n") ? out : out + "\n"
    }

    private static func findingRow(_ entry: ComparisonReport.FindingEntry) -> [String] {
        [entry.severity.rawValue.uppercased(), entry.id, entry.package, entry.installedVersion, entry.fixedVersions.joined(separator: ", ")]
    }

    private static func severityTable(_ report: ComparisonReport) -> [[String]] {
        let introduced = ComparisonReport.VulnerabilityChanges.countsBySeverity(report.vulnerabilities.introduced)
        let fixed = ComparisonReport.VulnerabilityChanges.countsBySeverity(report.vulnerabilities.fixed)
        let unchanged = ComparisonReport.VulnerabilityChanges.countsBySeverity(report.vulnerabilities.unchanged)
        var rows = [["SEVERITY", "INTRODUCED", "FIXED", "UNCHANGED"]]
        for severity in severities {
            rows.append([severity.rawValue.uppercased(), "\(introduced[severity.rawValue] ?? 0)", "\(fixed[severity.rawValue] ?? 0)", "\(unchanged[severity.rawValue] ?? 0)"])
        }
        return rows
    }

    static func markdown(_ report: ComparisonReport) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        let vulns = report.vulnerabilities
        let packages = report.packages
        var out = "## Bulwark comparison: \(cell(report.base.name)) → \(cell(report.target.name))\n\n"
        out += "**\(vulns.introduced.count)** introduced · **\(vulns.fixed.count)** fixed · \(vulns.unchanged.count) unchanged vulnerabilities; "
        out += "packages: \(packages.added.count) added, \(packages.removed.count) removed, \(packages.upgraded.count) upgraded, \(packages.downgraded.count) downgraded\n\n"
        let introduced = ComparisonReport.VulnerabilityChanges.countsBySeverity(vulns.introduced)
        let fixed = ComparisonReport.VulnerabilityChanges.countsBySeverity(vulns.fixed)
        let unchanged = ComparisonReport.VulnerabilityChanges.countsBySeverity(vulns.unchanged)
        out += "| Severity | Introduced | Fixed | Unchanged |\n| --- | ---: | ---: | ---: |\n"
        for severity in severities {
            out += "| \(severity.rawValue.uppercased()) | \(introduced[severity.rawValue] ?? 0) | \(fixed[severity.rawValue] ?? 0) | \(unchanged[severity.rawValue] ?? 0) |\n"
        }
        func findings(_ title: String, _ entries: [ComparisonReport.FindingEntry], open: Bool) {
            guard !entries.isEmpty else { return }
            out += "\n<details\(open ? " open" : "")>\n<summary>\(title) (\(entries.count))</summary>\n\n"
            out += "| Severity | Vulnerability | Package | Version | Fixed in |\n| --- | --- | --- | --- | --- |\n"
            for entry in entries {
                out += "| \(entry.severity.rawValue.uppercased()) | \(cell(entry.id)) | \(cell(entry.package)) | \(cell(entry.installedVersion)) | \(cell(entry.fixedVersions.joined(separator: ", "))) |\n"
            }
            out += "\n</details>\n"
        }
        findings("Introduced vulnerabilities", vulns.introduced, open: true)
        findings("Fixed vulnerabilities", vulns.fixed, open: false)
        let changes = packages.upgraded.map { ("upgraded", $0) } + packages.downgraded.map { ("downgraded", $0) } + packages.changed.map { ("changed", $0) }
        if !changes.isEmpty || !packages.added.isEmpty || !packages.removed.isEmpty {
            out += "\n<details>\n<summary>Package changes</summary>\n\n| Change | Type | Package | From | To |\n| --- | --- | --- | --- | --- |\n"
            for package in packages.added { out += "| added | \(package.type.rawValue) | \(cell(package.name)) |  | \(cell(package.version)) |\n" }
            for package in packages.removed { out += "| removed | \(package.type.rawValue) | \(cell(package.name)) | \(cell(package.version)) |  |\n" }
            for (kind, change) in changes { out += "| \(kind) | \(change.type.rawValue) | \(cell(change.name)) | \(cell(change.from)) | \(cell(change.to)) |\n" }
            out += "\n</details>\n"
        }
        for note in report.notes { out += "\n> " + cell(note) + "\n" }
        return out
    }
}
