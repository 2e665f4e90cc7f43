import BulwarkCore

/// Writes JUnit XML (the Ant/Jenkins dialect): one `testsuite` per scanned target, one `testcase` per
/// vulnerable package, a `failure` when the package has findings at or above the gate (every finding
/// when there is no gate); findings below the gate are listed in the test case's `system-out`.
struct JUnitWriter {
    /// Findings at or above this fail; nil: every finding fails.
    let gate: Severity?

    /// The XML document.
    func render(_ report: ScanReport) -> String {
        let groups = ReportFacts.byPackage(ReportFacts.sorted(report.findings))
            .sorted { ($0.package.name, $0.package.version, $0.package.location) < ($1.package.name, $1.package.version, $1.package.location) }
        var cases: [String] = []
        var failures = 0
        for group in groups {
            let failing = group.findings.filter { finding in gate.map { finding.severity >= $0 } ?? true }
            let passing = group.findings.filter { finding in !(gate.map { finding.severity >= $0 } ?? true) }
            let classname = "\(report.target.name).\(group.package.type.rawValue)"
            let name = "\(group.package.name) \(group.package.version)"
            var xml = "    <testcase classname=\"\(MarkupEscaping.escape(classname))\" name=\"\(MarkupEscaping.escape(name))\""
                + " file=\"\(MarkupEscaping.escape(group.package.location))\" time=\"0\">\n"
            if !failing.isEmpty {
                failures += 1
                let counts = ReportFacts.counts(failing)
                let summary = ReportFacts.severityOrder.compactMap { severity in counts[severity].map { "\($0) \(severity.rawValue.uppercased())" } }
                    .joined(separator: ", ")
                let message = "\(failing.count) vulnerabilities (\(summary)): " + failing.map(\.id).joined(separator: ", ")
                let body = failing.map(Self.line).joined(separator: "\n")
                xml += "      <failure message=\"\(MarkupEscaping.escape(message))\" type=\"\(failing[0].severity.rawValue.uppercased())\">"
                    + MarkupEscaping.escape(body) + "</failure>\n"
            }
            if !passing.isEmpty {
                xml += "      <system-out>" + MarkupEscaping.escape("Below the gate:\n" + passing.map(Self.line).joined(separator: "\n"))
                    + "</system-out>\n"
            }
            xml += "    </testcase>\n"
            cases.append(xml)
        }
        let suiteName = MarkupEscaping.escape(report.target.name)
        let others = OtherScannerSections.junitSuites(report, gate: gate)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"bulwark\" tests=\"\(groups.count + others.tests)\" failures=\"\(failures + others.failures)\" errors=\"0\" time=\"0\">\n"
        xml += "  <testsuite name=\"\(suiteName)\" tests=\"\(groups.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\""
            + " time=\"0\" timestamp=\"\(MarkupEscaping.escape(report.createdAt))\">\n"
        xml += "    <properties>\n"
        var properties: [(String, String)] = [
            ("bulwark.version", report.toolVersion), ("target.kind", report.target.kind.rawValue),
            ("packages.scanned", String(report.packageCount)), ("gate", gate?.rawValue ?? "any"),
        ]
        if let os = ReportFacts.operatingSystem(report) { properties.append(("os", os)) }
        for (name, value) in properties {
            xml += "      <property name=\"\(MarkupEscaping.escape(name))\" value=\"\(MarkupEscaping.escape(value))\"/>\n"
        }
        xml += "    </properties>\n"
        xml += cases.joined()
        xml += "  </testsuite>\n" + others.xml + "</testsuites>\n"
        return xml
    }

    private static func line(_ finding: Finding) -> String {
        "\(finding.id) [\(finding.severity.rawValue.uppercased())] \(finding.package.name) \(finding.installedVersion) → "
            + "\(ReportFacts.fixText(finding)): \(ReportFacts.headline(finding))"
    }
}
