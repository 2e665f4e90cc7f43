import BulwarkCore
import Foundation

/// Output formats of `bulwark recommend`.
public enum RecommendationFormat: String, CaseIterable, Sendable {
    case table, json, markdown
}

/// Renders a ``RecommendationReport``.
public enum RecommendationRenderer {
    /// The report as `format`.
    public static func render(_ report: RecommendationReport, as format: RecommendationFormat, colors: Bool) throws(BulwarkError) -> [UInt8] {
        switch format {
        case .json: return try JSONOutput.encode(report, format: "recommendation report")
        case .table: return Array(table(report, style: TerminalStyle(enabled: colors)).utf8)
        case .markdown: return Array(markdown(report).utf8)
        }
    }

    static func counts(_ bySeverity: [String: Int]) -> String {
        Severity.allCases.reversed().compactMap { severity in
            bySeverity[severity.rawValue].flatMap { $0 > 0 ? "\($0) \(severity.rawValue)" : nil }
        }.joined(separator: ", ")
    }

    static func table(_ report: RecommendationReport, style: TerminalStyle) -> String {
        var text = "\(report.target.name)"
        if let os = report.operatingSystem { text += " (\(os.family) \(os.version))" }
        text += "\n"
        if let eol = report.endOfLife {
            text += eol.pastEndOfLife
                ? style.bold("END OF LIFE: \(eol.release) stopped receiving security fixes on \(eol.date) (\(eol.source)); move to a supported release.") + "\n"
                : "\(eol.release) is supported until \(eol.date).\n"
        }
        if let base = report.base {
            text += "Base image: \(base.reference ?? "unknown") (\(base.detectedBy)\(base.layerCount.map { ", \($0) layers" } ?? ", layers unknown"))\n"
        }
        let summary = report.summary
        text += "\(summary.findings) findings, \(summary.fixable) fixable (\(summary.fixableCriticalHigh) critical/high)"
        if let fromBase = summary.fromBase, let own = summary.fromOwnLayers { text += "; \(fromBase) from the base image, \(own) from the image's own layers" }
        text += "\n"
        let essential = report.upgrades.filter(\.essential)
        if !essential.isEmpty {
            text += "\n" + style.bold("Upgrade these \(essential.count) to clear every fixable critical and high finding:") + "\n"
            for upgrade in essential { text += line(upgrade) }
        }
        let optional = report.upgrades.filter { !$0.essential }
        if !optional.isEmpty {
            text += "\nAlso fixable (medium and lower):\n"
            for upgrade in optional { text += line(upgrade) }
        }
        if !report.unfixable.isEmpty {
            text += "\nNo fix released yet:\n"
            for package in report.unfixable {
                text += "  \(package.type) \(package.name) \(package.version): \(package.findings.prefix(5).joined(separator: ", "))\(package.findings.count > 5 ? " …" : "") [\(package.origin)]\n"
            }
        }
        if !report.baseCandidates.isEmpty {
            text += "\nNewer base images (fewest critical/high findings first):\n"
            for candidate in report.baseCandidates {
                if let error = candidate.error {
                    text += "  \(candidate.reference): not scanned (\(error))\n"
                } else {
                    text += "  \(candidate.reference): \(candidate.total ?? 0) findings\(candidate.bySeverity.map { " (\(counts($0)))" } ?? "")\n"
                }
            }
        }
        for warning in report.warnings { text += "\nnote: \(warning)" }
        return text + (report.warnings.isEmpty ? "" : "\n")
    }

    static func line(_ upgrade: RecommendationReport.PackageUpgrade) -> String {
        let covers = upgrade.packages == [upgrade.name] ? "" : " (\(upgrade.packages.joined(separator: ", ")))"
        let remaining = upgrade.remaining.isEmpty ? "" : "; still open: \(upgrade.remaining.count)"
        return "  \(upgrade.type) \(upgrade.name)\(covers) \(upgrade.installedVersion) → \(upgrade.targetVersion)  clears \(counts(upgrade.bySeverity))\(remaining) [\(upgrade.origin)\(upgrade.layer.map { ", layer \($0)" } ?? "")]\n"
    }

    static func markdown(_ report: RecommendationReport) -> String {
        let cell = { (text: String) in MarkdownReportWriter.cell(text, limit: 300) }
        var text = "## Bulwark recommendations for \(cell(report.target.name))\n\n"
        if let eol = report.endOfLife, eol.pastEndOfLife {
            text += "> **End of life:** \(cell(eol.release)) stopped receiving security fixes on \(eol.date).\n\n"
        }
        text += "\(report.summary.findings) findings, \(report.summary.fixable) fixable (\(report.summary.fixableCriticalHigh) critical/high).\n\n"
        if !report.upgrades.isEmpty {
            text += "| Package | Installed | Upgrade to | Clears | Origin |\n| --- | --- | --- | --- | --- |\n"
            for upgrade in report.upgrades {
                text += "| \(upgrade.essential ? "**" : "")\(cell(upgrade.name))\(upgrade.essential ? "**" : "") (\(upgrade.type)) | \(cell(upgrade.installedVersion)) | \(cell(upgrade.targetVersion)) | \(counts(upgrade.bySeverity)) | \(upgrade.origin) |\n"
            }
        }
        if !report.baseCandidates.isEmpty {
            text += "\n| Newer base | Findings |\n| --- | --- |\n"
            for candidate in report.baseCandidates {
                text += "| \(cell(candidate.reference)) | \(candidate.error.map { "not scanned: \(cell($0))" } ?? "\(candidate.total ?? 0) (\(counts(candidate.bySeverity ?? [:])))") |\n"
            }
        }
        return text
    }
}
