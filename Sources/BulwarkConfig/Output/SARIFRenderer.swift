import BulwarkCore
import Foundation

/// Renders a ``ConfigReport`` as SARIF 2.1.0: one `reportingDescriptor` per rule that has findings (help
/// text, default level and `security-severity`), one result per finding with the file and line region.
public enum SARIFRenderer {
    /// The SARIF `level` for a severity: critical/high → error, medium → warning, else note.
    public static func level(for severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        default: return "note"
        }
    }

    /// The GitHub code-scanning `security-severity` score (a CVSS-like number as a string).
    public static func securitySeverity(for severity: Severity) -> String {
        switch severity {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        default: return "0.0"
        }
    }

    /// The SARIF document.
    public static func render(_ report: ConfigReport, toolVersion: String) throws(BulwarkError) -> [UInt8] {
        var rules: [ConfigRule] = []
        var ruleIndex: [String: Int] = [:]
        for finding in report.findings where ruleIndex[finding.rule.id] == nil {
            ruleIndex[finding.rule.id] = rules.count
            rules.append(finding.rule)
        }
        let descriptors = rules.map { rule in
            SARIFDocument.Rule(
                id: rule.id, name: rule.title.filter { $0.isLetter || $0.isNumber },
                shortDescription: .init(text: rule.title), fullDescription: .init(text: rule.description),
                help: .init(text: rule.remediation, markdown: "**\(rule.title)**\n\n\(rule.description)\n\n**Remediation:** \(rule.remediation)"),
                defaultConfiguration: .init(level: level(for: rule.severity)),
                properties: .init(
                    securitySeverity: securitySeverity(for: rule.severity), tags: ["security", "misconfiguration", rule.kind.rawValue],
                    references: rule.references))
        }
        var uris: [String: String] = [:]
        let results = report.findings.map { finding in
            let uri = uris[finding.file] ?? uri(for: finding.file)
            uris[finding.file] = uri
            return SARIFDocument.Result(
                ruleId: finding.rule.id, ruleIndex: ruleIndex[finding.rule.id] ?? 0, level: level(for: finding.severity),
                message: .init(text: finding.message),
                locations: [
                    .init(
                        physicalLocation: .init(
                            artifactLocation: .init(uri: uri),
                            region: .init(
                                startLine: finding.line, endLine: finding.endLine,
                                snippet: finding.snippet.isEmpty ? nil : .init(text: finding.snippet))))
                ])
        }
        let notifications = report.warnings.map { SARIFDocument.Notification(level: "warning", message: .init(text: $0)) }
        let document = SARIFDocument(
            schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0",
            runs: [
                .init(
                    tool: .init(
                        driver: .init(
                            name: "bulwark", version: toolVersion, semanticVersion: toolVersion,
                            informationUri: "https://github.com/bulwark-scanner/bulwark", rules: descriptors)),
                    invocations: [.init(executionSuccessful: true, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
                    results: results)
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(document)) + [10]
        } catch {
            throw BulwarkError(.io, "cannot encode the SARIF report: \(error)")
        }
    }

    /// A relative URI for a path (SARIF wants URI references: `./` dropped, characters percent-encoded).
    static func uri(for path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        let allowed = CharacterSet.urlPathAllowed
        let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
        return trimmed.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
