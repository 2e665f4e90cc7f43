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

    /// One JUnit test case: a failure (message, type, body) when it reaches the gate, else output.
    private struct JUnitCase {
        var name: String
        var failure: (message: String, type: String, body: String)?
        var output: String
    }

    /// `testsuite` elements and their test and failure counts.
    static func junitSuites(_ report: ScanReport, gate: Severity?) -> (xml: String, tests: Int, failures: Int) {
        func fails(_ severity: Severity) -> Bool { gate.map { severity >= $0 } ?? true }
        var suites: [(name: String, classname: String, cases: [JUnitCase])] = []
        if let misconfigurations = report.misconfigurations {
            let byRule = Dictionary(grouping: misconfigurations.findings, by: \.rule.id)
            let cases = byRule.keys.sorted().compactMap { id -> JUnitCase? in
                guard let findings = byRule[id], let rule = findings.first?.rule else { return nil }
                let lines = findings.map { "\($0.file):\($0.line): \($0.message)" }.joined(separator: "\n")
                return fails(rule.severity)
                    ? JUnitCase(name: id + " " + rule.title, failure: ("\(findings.count) × \(rule.title)", rule.severity.rawValue.uppercased(), lines + "\nRemediation: " + rule.remediation), output: "")
                    : JUnitCase(name: id + " " + rule.title, failure: nil, output: lines)
            }
            suites.append(("misconfigurations", "misconfiguration", cases))
        }
        if let secrets = report.secrets {
            let byPath = Dictionary(grouping: secrets.findings) { "\($0.path)@\($0.layerIndex ?? -1)" }
            let cases = byPath.keys.sorted().compactMap { key -> JUnitCase? in
                guard let findings = byPath[key], let first = findings.first else { return nil }
                let name = first.path + (first.layerIndex.map { " (layer \($0))" } ?? "")
                let lines = findings.map { "line \($0.line): \($0.title) \($0.match)" + ($0.presentInFinalFilesystem ? "" : " (deleted by a later layer)") }.joined(separator: "\n")
                let failing = findings.filter { fails($0.severity) }
                guard let worst = failing.max(by: { $0.severity < $1.severity }) else { return JUnitCase(name: name, failure: nil, output: lines) }
                return JUnitCase(name: name, failure: ("\(failing.count) secrets", worst.severity.rawValue.uppercased(), lines), output: "")
            }
            suites.append(("secrets", "secrets", cases))
        }
        var xml = ""
        var tests = 0
        var failures = 0
        for suite in suites {
            let suiteFailures = suite.cases.filter { $0.failure != nil }.count
            xml += "  <testsuite name=\"\(MarkupEscaping.escape(report.target.name)) \(suite.name)\" tests=\"\(suite.cases.count)\" failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            for testCase in suite.cases {
                xml += "    <testcase classname=\"\(MarkupEscaping.escape(report.target.name)).\(suite.classname)\" name=\"\(MarkupEscaping.escape(testCase.name))\" time=\"0\">\n"
                if let failure = testCase.failure {
                    xml += "      <failure message=\"\(MarkupEscaping.escape(failure.message))\" type=\"\(failure.type)\">\(MarkupEscaping.escape(failure.body))</failure>\n"
                } else {
                    xml += "      <system-out>\(MarkupEscaping.escape("Below the gate:\n" + testCase.output))</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
            tests += suite.cases.count
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
