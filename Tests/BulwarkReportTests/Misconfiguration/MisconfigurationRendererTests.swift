import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

/// Every misconfiguration format: renders, is deterministic, and says what the report says.
@Suite("Misconfiguration renderer")
struct MisconfigurationRendererTests {
    @Test("the sample report has findings of several kinds and severities")
    func sampleIsRich() {
        let report = MisconfigurationFixtures.sample
        #expect(Set(report.findings.map(\.rule.kind)).count == 3)
        #expect(Set(report.findings.map(\.severity)).count >= 3)
        #expect(report.findings.count >= 8)
    }

    @Test("every format renders a non-empty report, deterministically, naming a rule", arguments: MisconfigurationFormat.allCases)
    func everyFormatRendersTheSample(format: MisconfigurationFormat) throws {
        let report = MisconfigurationFixtures.sample
        let first = try MisconfigurationFixtures.render(report, format)
        let second = try MisconfigurationFixtures.render(report, format)
        #expect(!first.isEmpty)
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        let rule = try #require(report.findings.first?.rule.id)
        #expect(text.contains(rule), "\(format) does not mention \(rule)")
        let withoutTime = try MisconfigurationRenderer.render(report, as: format, toolVersion: "1.2.3", template: MisconfigurationFixtures.template)
        #expect(withoutTime == (try MisconfigurationRenderer.render(report, as: format, toolVersion: "1.2.3", template: MisconfigurationFixtures.template)))
    }

    @Test("every format renders an empty report; the JSON ones parse", arguments: MisconfigurationFormat.allCases)
    func everyFormatRendersEmpty(format: MisconfigurationFormat) throws {
        for report in [MisconfigurationFixtures.empty, MisconfigurationFixtures.clean] {
            let bytes = try MisconfigurationFixtures.render(report, format)
            #expect(!bytes.isEmpty)
            switch format {
            case .json, .sarif, .gitlab: #expect(try JSONSerialization.jsonObject(with: Data(bytes)) is [String: Any])
            case .junit: #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("</testsuites>\n"))
            case .html: #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("</html>\n"))
            case .csv: #expect(String(decoding: bytes, as: UTF8.self) == "File,Line,End Line,Rule,Severity,Title,Message,Remediation\r\n")
            case .markdown: #expect(String(decoding: bytes, as: UTF8.self).contains("No misconfigurations found."))
            case .template: #expect(String(decoding: bytes, as: UTF8.self).contains("clean"))
            case .table: #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("0 findings"))
            }
        }
    }

    @Test("table, JSON and SARIF are BulwarkConfig's own output", arguments: [
        (MisconfigurationFormat.table, ConfigOutputFormat.table), (.json, .json), (.sarif, .sarif),
    ])
    func delegates(format: MisconfigurationFormat, config: ConfigOutputFormat) throws {
        let report = MisconfigurationFixtures.sample
        let ours = try MisconfigurationRenderer.render(report, as: format, colors: true, toolVersion: "1.2.3")
        let theirs = try ConfigReportRenderer.render(report, as: config, colors: true, toolVersion: "1.2.3")
        #expect(ours == theirs)
    }

    @Test("format names and help lines")
    func formatNames() {
        #expect(MisconfigurationFormat.allCases.map(\.rawValue) == ["table", "json", "sarif", "junit", "markdown", "csv", "html", "gitlab", "template"])
        #expect(Set(MisconfigurationFormat.allCases.map(\.summary)).count == MisconfigurationFormat.allCases.count)
        #expect(MisconfigurationFormat.allCases.allSatisfy { !$0.summary.isEmpty })
    }

    @Test("the template sees counts, files, rules, findings and warnings")
    func template() throws {
        let report = MisconfigurationFixtures.sample
        let text = try MisconfigurationFixtures.text(report, .template)
        let files = MisconfigurationFacts.files(report)
        #expect(text.hasPrefix("bulwark 1.2.3 at 2024-05-01T12:30:00Z: \(report.findings.count) findings in \(files.count) files, 2 suppressed"))
        let counts = MisconfigurationFacts.counts(report.findings)
        #expect(text.contains("critical=\(counts[.critical] ?? 0) high=\(counts[.high] ?? 0) medium=\(counts[.medium] ?? 0) low=\(counts[.low] ?? 0)"))
        #expect(text.contains("file clean/Dockerfile (Dockerfile) 0\n"))
        #expect(text.contains("file k8s/pod.yaml (Kubernetes)"))
        let findingLines = text.split(separator: "\n").filter { $0.hasPrefix("CRITICAL ") || $0.hasPrefix("HIGH ") || $0.hasPrefix("MEDIUM ") || $0.hasPrefix("LOW ") }
        #expect(findingLines.count == report.findings.count)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("rule ") }.count == report.rules.count)
        // `{{message}}` escapes HTML; most severe first.
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!text.contains("<script>"))
        let severities = findingLines.compactMap { $0.split(separator: " ").first.map { Severity(word: String($0)) } }
        #expect(severities == severities.sorted(by: >))
        #expect(text.contains("warning elsewhere.yaml: skipped: binary file"))
    }

    @Test("template errors name the template or the missing option")
    func templateErrors() throws {
        #expect(throws: BulwarkError.self) {
            try MisconfigurationRenderer.render(MisconfigurationFixtures.sample, as: .template, toolVersion: "1")
        }
        do {
            _ = try MisconfigurationRenderer.render(
                MisconfigurationFixtures.sample, as: .template, toolVersion: "1", template: NamedText(path: "bad.tpl", text: "{{#open}} never closed"))
            Issue.record("an unclosed section rendered")
        } catch {
            #expect(error.message.hasPrefix("bad.tpl: "))
        }
    }

    @Test("CSV: one row per finding in file order, hostile fields quoted and defused")
    func csvFields() throws {
        let text = try MisconfigurationFixtures.text(MisconfigurationFixtures.sample, .csv)
        #expect(text.hasPrefix("File,Line,End Line,Rule,Severity,Title,Message,Remediation\r\n"))
        #expect(text.contains(",7,9,"))
        #expect(text.contains("\"'=cmd|' /C calc'!A0 <script>alert(1)</script>, \"\"quoted\"\" | *bold* [link](javascript:x)\nsecond line\u{7}\""))
        let files = text.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(files.first == "./deploy/compose.yaml")
        #expect(files.contains("app/Dockerfile"))
    }

    @Test("GitLab SAST: ids stable and unique, severities, locations, times from the input")
    func gitLabFields() throws {
        let report = MisconfigurationFixtures.sample
        let writer = MisconfigurationGitLabWriter(toolVersion: "1.2.3", scannedAt: "2024-05-01T12:30:00Z")
        let document = writer.document(for: report)
        #expect(document.scan.type == "sast")
        #expect(document.scan.startTime == "2024-05-01T12:30:00")
        #expect(document.schema.hasSuffix("/dist/sast-report-format.json"))
        #expect(document.vulnerabilities.count == report.findings.count)
        #expect(Set(document.vulnerabilities.map(\.id)).count == report.findings.count)
        #expect(document.vulnerabilities.map(\.id) == writer.document(for: report).vulnerabilities.map(\.id))
        let compose = try #require(document.vulnerabilities.first { $0.location.file.hasSuffix("compose.yaml") })
        #expect(compose.location.file == "deploy/compose.yaml")
        #expect(compose.identifiers.first?.type == "bulwark_rule_id")
        let hostile = try #require(document.vulnerabilities.first { $0.location.file.hasPrefix("hostile/") })
        #expect(hostile.location.startLine == 7 && hostile.location.endLine == 9)
        #expect(["Critical", "High", "Medium", "Low"].contains(document.vulnerabilities[0].severity))
        let undated = MisconfigurationGitLabWriter(toolVersion: "", scannedAt: nil).document(for: report)
        #expect(undated.scan.startTime == "1970-01-01T00:00:00")
        #expect(undated.scan.analyzer.version == "unknown")
        // Two identical findings still get distinct ids.
        let finding = try #require(report.findings.first)
        let doubled = ConfigReport(findings: [finding, finding], warnings: [], files: [], suppressedCount: 0)
        #expect(Set(writer.document(for: doubled).vulnerabilities.map(\.id)).count == 2)
    }

    @Test("JUnit: a suite per file, a case per rule, clean files pass, warnings kept")
    func junitShape() throws {
        let text = try MisconfigurationFixtures.text(MisconfigurationFixtures.sample, .junit, failOn: .critical)
        #expect(text.contains("<testsuite name=\"clean/Dockerfile\" tests=\"1\" failures=\"0\""))
        #expect(text.contains("name=\"no misconfigurations\""))
        #expect(text.contains("<testsuite name=\"hostile/&lt;b&gt;Dockerfile&lt;/b&gt;\""))
        #expect(text.contains("&lt;odd&gt; value</system-err>"))
        #expect(text.contains("<testsuite name=\"bulwark\" tests=\"0\""))
        #expect(text.contains("timestamp=\"2024-05-01T12:30:00\""))
        #expect(!text.contains("\u{7}"))
        #expect(!text.contains("<script>"))
    }

    @Test("warnings go to the longest scanned path they start with")
    func warningOwners() {
        let split = MisconfigurationFacts.warnings(
            ["a:1: x", "a:b:2: y", "c: z", "a", "ab:1: w"], paths: ["a", "a:b", "ab"])
        #expect(split.byFile["a"] == ["a:1: x"])
        #expect(split.byFile["a:b"] == ["a:b:2: y"])
        #expect(split.byFile["ab"] == ["ab:1: w"])
        #expect(split.unclaimed == ["c: z", "a"])
    }

    @Test("Markdown stays within GitHub's comment size and says what it left out")
    func markdownSize() throws {
        let rule = try #require(RuleCatalog.all.first)
        let findings = (0..<3000).map { index in
            ConfigFinding(rule: rule, file: "services/\(index % 300)/Dockerfile", line: index + 1, message: "finding number \(index) " + String(repeating: "x", count: 40))
        }
        let report = ConfigReport(findings: findings, warnings: [], files: [], suppressedCount: 0)
        let text = try MisconfigurationFixtures.text(report, .markdown)
        #expect(text.count <= 65_536)
        #expect(text.contains("more findings: too many for one comment"))
        #expect(!(try MisconfigurationFixtures.text(MisconfigurationFixtures.sample, .markdown)).contains("too many for one comment"))
        // One huge file is cut inside its section, not dropped.
        let single = ConfigReport(findings: findings.map { var one = $0; one.file = "k8s/all.yaml"; return one }, warnings: [], files: [], suppressedCount: 0)
        let singleText = try MisconfigurationFixtures.text(single, .markdown)
        #expect(singleText.count <= 65_536)
        #expect(singleText.contains("<code>k8s/all.yaml</code>"))
        #expect(singleText.contains("</details>"))
        #expect(singleText.contains("more findings: too many for one comment"))
    }

    @Test("HTML: one row per finding, hostile text escaped, snippets shown")
    func htmlContent() throws {
        let html = try MisconfigurationFixtures.text(MisconfigurationFixtures.sample, .html)
        #expect(html.components(separatedBy: "<tr data-severity=").count - 1 == MisconfigurationFixtures.sample.findings.count)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("<pre>RUN echo &#39;&lt;script&gt;"))
        #expect(html.contains("<h2>By file kind</h2>"))
        #expect(html.components(separatedBy: "<script>").count == 2)
    }
}
