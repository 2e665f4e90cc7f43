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
        let descriptors: [[String: Any]] = rules.map { rule in
            [
                "id": rule.id,
                "name": rule.title.replacingOccurrences(of: " ", with: ""),
                "shortDescription": ["text": rule.title],
                "fullDescription": ["text": rule.description],
                "help": [
                    "text": rule.remediation,
                    "markdown": "**\(rule.title)**\n\n\(rule.description)\n\n**Remediation:** \(rule.remediation)",
                ],
                "defaultConfiguration": ["level": level(for: rule.severity)],
                "properties": [
                    "security-severity": securitySeverity(for: rule.severity),
                    "tags": ["security", "misconfiguration", rule.kind.rawValue],
                    "references": rule.references,
                ] as [String: Any],
            ]
        }
        let results: [[String: Any]] = report.findings.map { finding in
            var region: [String: Any] = ["startLine": finding.line, "endLine": finding.endLine]
            if !finding.snippet.isEmpty { region["snippet"] = ["text": finding.snippet] }
            return [
                "ruleId": finding.rule.id,
                "ruleIndex": ruleIndex[finding.rule.id] ?? 0,
                "level": level(for: finding.severity),
                "message": ["text": finding.message],
                "locations": [
                    [
                        "physicalLocation": [
                            "artifactLocation": ["uri": uri(for: finding.file)],
                            "region": region,
                        ] as [String: Any]
                    ]
                ],
            ]
        }
        let notifications: [[String: Any]] = report.warnings.map { ["level": "warning", "message": ["text": $0]] }
        var invocation: [String: Any] = ["executionSuccessful": true]
        if !notifications.isEmpty { invocation["toolExecutionNotifications"] = notifications }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "bulwark", "version": toolVersion, "semanticVersion": toolVersion,
                            "informationUri": "https://github.com/bulwark-scanner/bulwark", "rules": descriptors,
                        ] as [String: Any]
                    ],
                    "invocations": [invocation],
                    "results": results,
                ] as [String: Any]
            ],
        ]
        do {
            let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return Array(data) + [10]
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
