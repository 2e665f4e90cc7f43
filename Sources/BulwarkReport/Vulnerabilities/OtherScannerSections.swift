import BulwarkConfig
import BulwarkCore
import BulwarkLicense
import Foundation

/// The misconfiguration, secret and license results of a scan in the CSV, JUnit, HTML and template formats.
enum OtherScannerSections {
    // MARK: CSV — the same columns, `Type` says which scanner.

    static func csvRows(_ report: ScanReport) -> String {
        var output = ""
        for finding in report.misconfigurations?.findings ?? [] {
            output += CSVReportWriter.row([
                report.target.name, "", "misconfiguration", "", finding.rule.id, finding.severity.rawValue.uppercased(), "", "", "",
                finding.rule.title + ": " + finding.message, finding.file + ":\(finding.line)", "", "", "", "",
            ])
        }
        for finding in report.secrets?.findings ?? [] {
            output += CSVReportWriter.row([
                report.target.name, "", "secret", "", finding.ruleID, finding.severity.rawValue.uppercased(), "", "",
                finding.presentInFinalFilesystem ? "present" : "deleted-in-later-layer", finding.title + ": " + finding.match,
                finding.path + ":\(finding.line)", "", finding.layerIndex.map(String.init) ?? "", "", "",
            ])
        }
        return output
    }

    // MARK: JUnit — one suite per scanner.

    /// `testsuite` elements and their test and failure counts.
    static func junitSuites(_ report: ScanReport, gate: Severity?) -> (xml: String, tests: Int, failures: Int) {
        var xml = ""
        var tests = 0
        var failures = 0
        func fails(_ severity: Severity) -> Bool { gate.map { severity >= $0 } ?? true }
        if let misconfigurations = report.misconfigurations {
            let byRule = Dictionary(grouping: misconfigurations.findings, by: \.rule.id)
            var cases = ""
            var suiteFailures = 0
            for id in byRule.keys.sorted() {
                guard let findings = byRule[id], let rule = findings.first?.rule else { continue }
                cases += "    <testcase classname=\"\(MarkupEscaping.escape(report.target.name)).misconfiguration\" name=\"\(MarkupEscaping.escape(id + " " + rule.title))\" time=\"0\">\n"
                let lines = findings.map { "\($0.file):\($0.line): \($0.message)" }.joined(separator: "\n")
                if fails(rule.severity) {
                    suiteFailures += 1
                    cases += "      <failure message=\"\(MarkupEscaping.escape("\(findings.count) × \(rule.title)"))\" type=\"\(rule.severity.rawValue.uppercased())\">"
                        + MarkupEscaping.escape(lines + "\nRemediation: " + rule.remediation) + "</failure>\n"
                } else {
                    cases += "      <system-out>\(MarkupEscaping.escape("Below the gate:\n" + lines))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            xml += "  <testsuite name=\"\(MarkupEscaping.escape(report.target.name)) misconfigurations\" tests=\"\(byRule.count)\" failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n" + cases + "  </testsuite>\n"
            tests += byRule.count
            failures += suiteFailures
        }
        if let secrets = report.secrets {
            let byPath = Dictionary(grouping: secrets.findings) { "\($0.path)@\($0.layerIndex ?? -1)" }
            var cases = ""
            var suiteFailures = 0
            for key in byPath.keys.sorted() {
                guard let findings = byPath[key], let first = findings.first else { continue }
                let name = first.path + (first.layerIndex.map { " (layer \($0))" } ?? "")
                cases += "    <testcase classname=\"\(MarkupEscaping.escape(report.target.name)).secrets\" name=\"\(MarkupEscaping.escape(name))\" time=\"0\">\n"
                let failing = findings.filter { fails($0.severity) }
                let lines = findings.map { "line \($0.line): \($0.title) \($0.match)" + ($0.presentInFinalFilesystem ? "" : " (deleted by a later layer)") }.joined(separator: "\n")
                if let worst = failing.max(by: { $0.severity < $1.severity }) {
                    suiteFailures += 1
                    cases += "      <failure message=\"\(MarkupEscaping.escape("\(failing.count) secrets"))\" type=\"\(worst.severity.rawValue.uppercased())\">\(MarkupEscaping.escape(lines))</failure>\n"
                } else {
                    cases += "      <system-out>\(MarkupEscaping.escape("Below the gate:\n" + lines))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            xml += "  <testsuite name=\"\(MarkupEscaping.escape(report.target.name)) secrets\" tests=\"\(byPath.count)\" failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n" + cases + "  </testsuite>\n"
            tests += byPath.count
            failures += suiteFailures
        }
        return (xml, tests, failures)
    }

    // MARK: HTML

    static func html(_ report: ScanReport) -> String {
        var html = ""
        func table(_ title: String, _ header: [String], _ rows: [[String]]) {
            html += "<section>\n<h2>\(MarkupEscaping.escape(title))</h2>\n<table>\n<thead><tr>"
            for cell in header { html += "<th>\(MarkupEscaping.escape(cell))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for row in rows { html += "<tr>" + row.map { "<td>\(MarkupEscaping.escape($0))</td>" }.joined() + "</tr>\n" }
            html += "</tbody>\n</table>\n</section>\n"
        }
        if let misconfigurations = report.misconfigurations {
            table("Misconfigurations (\(misconfigurations.findings.count))", ["Severity", "Rule", "Where", "Finding", "Remediation"],
                  misconfigurations.findings.map { [$0.severity.rawValue.uppercased(), $0.rule.id + " " + $0.rule.title, "\($0.file):\($0.line)", $0.message, $0.rule.remediation] })
        }
        if let secrets = report.secrets {
            table("Secrets (\(secrets.findings.count) in \(secrets.inspectedFiles) files read)", ["Severity", "Rule", "Where", "Layer", "Match"],
                  secrets.findings.map { [$0.severity.rawValue.uppercased(), $0.ruleID, "\($0.path):\($0.line)",
                                          ($0.layerIndex.map(String.init) ?? "config") + ($0.presentInFinalFilesystem ? "" : " (deleted later)"), $0.match] })
        }
        if let licenses = report.licenses {
            table("Licenses (\(licenses.packages.count) packages)", ["Category", "Package", "Version", "License"],
                  licenses.packages.map { [$0.category.rawValue, $0.name, $0.version, $0.expression ?? "none declared"] }
                    + licenses.files.map { [$0.category.rawValue, $0.path, "", $0.license ?? "not identified"] })
        }
        return html
    }

    // MARK: Templates

    static func templateValues(_ report: ScanReport) -> [String: Any] {
        var values: [String: Any] = [:]
        if let misconfigurations = report.misconfigurations {
            values["misconfigurations"] = misconfigurations.findings.map { finding -> [String: Any] in
                ["id": finding.rule.id, "title": finding.rule.title, "severity": finding.severity.rawValue.uppercased(), "file": finding.file,
                 "line": finding.line, "message": finding.message, "remediation": finding.rule.remediation]
            }
        }
        if let secrets = report.secrets {
            values["secrets"] = secrets.findings.map { finding -> [String: Any] in
                var item: [String: Any] = [
                    "id": finding.ruleID, "title": finding.title, "category": finding.category, "severity": finding.severity.rawValue.uppercased(),
                    "path": finding.path, "line": finding.line, "match": finding.match, "present": finding.presentInFinalFilesystem,
                ]
                if let layer = finding.layerIndex { item["layer"] = layer }
                return item
            }
        }
        if let licenses = report.licenses {
            values["licenses"] = licenses.packages.map { entry -> [String: Any] in
                ["package": entry.name, "version": entry.version, "type": entry.type, "license": entry.expression ?? "",
                 "category": entry.category.rawValue, "unrecognized": entry.unrecognized]
            }
        }
        return values
    }
}
