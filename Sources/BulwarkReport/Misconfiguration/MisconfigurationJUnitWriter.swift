import BulwarkConfig
import BulwarkCore

/// Writes misconfiguration findings as JUnit XML (the Ant/Jenkins dialect).
///
/// One `testsuite` per scanned file (named by its path), one `testcase` per rule that fired in the file
/// (classname: the file, name: `rule id — title`), so Jenkins lists each file with one row per broken rule
/// and keeps the names stable between builds. A rule at or above the gate (every rule when there is no gate)
/// gets a `failure` listing each occurrence with its line, message and the remediation; a rule below the
/// gate passes and lists its occurrences in `system-out`. A file without findings has one passing case,
/// so clean files show up as green. Scan warnings go to the file's `system-err`, or to a `bulwark` suite
/// when they name no scanned file.
struct MisconfigurationJUnitWriter {
    /// Rules at or above this fail; nil: every finding fails.
    let gate: Severity?
    /// Bulwark's version, as a property.
    let toolVersion: String
    /// RFC 3339 scan time for the suites' `timestamp`, if known.
    let scannedAt: String?

    /// The XML document.
    func render(_ report: ConfigReport) -> String {
        let files = MisconfigurationFacts.files(report)
        var suites: [String] = []
        var totalTests = 0
        var totalFailures = 0
        let warnings = MisconfigurationFacts.warnings(report.warnings, paths: Set(files.map(\.path)))
        for file in files {
            let suite = self.suite(file, warnings: warnings.byFile[file.path] ?? [])
            suites.append(suite.xml)
            totalTests += suite.tests
            totalFailures += suite.failures
        }
        let unclaimed = warnings.unclaimed
        if !unclaimed.isEmpty {
            suites.append(
                "  <testsuite name=\"bulwark\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\"\(timestampAttribute)>\n"
                    + "    <system-err>\(MarkupEscaping.escape(unclaimed.joined(separator: "\n")))</system-err>\n  </testsuite>\n")
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"bulwark config\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" time=\"0\">\n"
        xml += suites.joined()
        xml += "</testsuites>\n"
        return xml
    }

    private var timestampAttribute: String {
        scannedAt.map { " timestamp=\"\(MarkupEscaping.escape(String($0.prefix(19))))\"" } ?? ""
    }

    private func fails(_ severity: Severity) -> Bool {
        gate.map { severity >= $0 } ?? true
    }

    private func suite(_ file: MisconfigurationFacts.FileGroup, warnings: [String]) -> (xml: String, tests: Int, failures: Int) {
        let classname = MarkupEscaping.escape(file.path)
        var rules: [String] = []
        var byRule: [String: [ConfigFinding]] = [:]
        for finding in file.findings {
            if byRule[finding.rule.id] == nil { rules.append(finding.rule.id) }
            byRule[finding.rule.id, default: []].append(finding)
        }
        rules.sort()
        var cases = ""
        var failures = 0
        for id in rules {
            let findings = byRule[id] ?? []
            guard let rule = findings.first?.rule else { continue }
            let name = MarkupEscaping.escape("\(rule.id) \u{2014} \(rule.title)")
            cases += "    <testcase classname=\"\(classname)\" name=\"\(name)\" file=\"\(classname)\" line=\"\(findings[0].line)\" time=\"0\">\n"
            let body = findings.map { "line \(MisconfigurationFacts.lines($0)): \($0.message)" + ($0.snippet.isEmpty ? "" : "\n    \($0.snippet)") }
                .joined(separator: "\n") + "\n\nRemediation: \(rule.remediation)"
            if fails(rule.severity) {
                failures += 1
                let lines = findings.map { MisconfigurationFacts.lines($0) }.joined(separator: ", ")
                let message = "\(rule.severity.rawValue.uppercased()) \(rule.id) on line\(findings.count == 1 ? "" : "s") \(lines): \(rule.title)"
                cases += "      <failure message=\"\(MarkupEscaping.escape(message))\" type=\"\(rule.severity.rawValue.uppercased())\">"
                    + MarkupEscaping.escape(body) + "</failure>\n"
            } else {
                cases += "      <system-out>" + MarkupEscaping.escape("Below the gate (\(rule.severity.rawValue.uppercased())):\n" + body)
                    + "</system-out>\n"
            }
            cases += "    </testcase>\n"
        }
        var tests = rules.count
        if rules.isEmpty {
            tests = 1
            cases += "    <testcase classname=\"\(classname)\" name=\"no misconfigurations\" file=\"\(classname)\" time=\"0\"/>\n"
        }
        var xml = "  <testsuite name=\"\(classname)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\"\(timestampAttribute)>\n"
        xml += "    <properties>\n"
        let properties = [
            ("bulwark.version", toolVersion), ("file.kind", file.kind), ("findings", String(file.findings.count)),
            ("gate", gate?.rawValue ?? "any"),
        ]
        for (name, value) in properties {
            xml += "      <property name=\"\(MarkupEscaping.escape(name))\" value=\"\(MarkupEscaping.escape(value))\"/>\n"
        }
        xml += "    </properties>\n"
        xml += cases
        if !warnings.isEmpty {
            xml += "    <system-err>\(MarkupEscaping.escape(warnings.joined(separator: "\n")))</system-err>\n"
        }
        xml += "  </testsuite>\n"
        return (xml, tests, failures)
    }
}
