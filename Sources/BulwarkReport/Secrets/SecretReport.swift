import BulwarkCore
import Foundation

/// Secrets found in an image's layers and config (`--scanners secret`).
public struct SecretReport: Sendable, Codable, Hashable {
    /// Findings, most severe first; matches are masked.
    public var findings: [FileContentFinding]
    /// Files whose contents were read.
    public var inspectedFiles: Int
    /// Files skipped as binary.
    public var skippedBinary: Int
    /// Files skipped for their size.
    public var skippedTooLarge: Int

    /// Creates a report, ordering the findings.
    public init(findings: [FileContentFinding], inspectedFiles: Int, skippedBinary: Int, skippedTooLarge: Int) {
        self.findings = findings.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            return (lhs.layerIndex ?? -1, lhs.path, lhs.line, lhs.ruleID) < (rhs.layerIndex ?? -1, rhs.path, rhs.line, rhs.ruleID)
        }
        self.inspectedFiles = inspectedFiles
        self.skippedBinary = skippedBinary
        self.skippedTooLarge = skippedTooLarge
    }
}

/// The secrets part of a table or Markdown report.
enum SecretTextWriter {
    static func table(_ report: SecretReport) -> String {
        var text = "Secrets\n"
        for finding in report.findings {
            let place = finding.layerIndex.map { "  [layer \($0)]" } ?? (finding.path.hasPrefix("config.") || finding.path.hasPrefix("history[") ? "  [image config]" : "")
            let deleted = finding.presentInFinalFilesystem ? "" : " (deleted in a later layer, still in the layer)"
            text += "  \(finding.severity.rawValue.uppercased().padding(toLength: 9, withPad: " ", startingAt: 0))\(finding.ruleID)  \(finding.path):\(finding.line)\(place)\(deleted)\n      \(finding.match)\n"
        }
        let secrets = report.findings.count == 1 ? "1 secret" : "\(report.findings.count) secrets"
        return text + "\n\(secrets) in \(report.inspectedFiles) files read (\(report.skippedBinary) binary and \(report.skippedTooLarge) large files skipped)\n"
    }

    static func markdown(_ report: SecretReport) -> String {
        var text = "## Secrets\n\n\(report.findings.count) found in \(report.inspectedFiles) files read.\n"
        guard !report.findings.isEmpty else { return text }
        text += "\n| Severity | Rule | Where | Layer | Match |\n| --- | --- | --- | --- | --- |\n"
        for finding in report.findings.prefix(500) {
            let cell = { (text: String) in MarkdownReportWriter.cell(text, limit: 200) }
            text += "| \(finding.severity.rawValue.uppercased()) | \(cell(finding.ruleID)) | \(cell(finding.path)):\(finding.line) | \(finding.layerIndex.map(String.init) ?? "config")\(finding.presentInFinalFilesystem ? "" : " (deleted)") | \(cell(finding.match)) |\n"
        }
        return text
    }
}
