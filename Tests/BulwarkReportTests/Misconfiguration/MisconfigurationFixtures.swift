import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

/// Config reports for the misconfiguration format tests, made by running the real scanner on small files
/// written here, plus a hand-made finding carrying hostile text.
enum MisconfigurationFixtures {
    static let dockerfile = """
        FROM ubuntu:latest
        ADD https://example.com/tool.tar.gz /opt/
        RUN apt-get update && apt-get install -y curl
        ENV API_KEY=supersecretvalue123
        """

    static let compose = """
        services:
          web:
            image: nginx:latest
            privileged: true
            network_mode: host
        """

    static let kubernetes = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: demo
        spec:
          hostNetwork: true
          containers:
            - name: app
              image: nginx
              securityContext:
                privileged: true
        """

    /// The hostile message: markup, a formula, quotes, commas, a newline, a control character, Markdown.
    static let hostileMessage = "=cmd|' /C calc'!A0 <script>alert(1)</script>, \"quoted\" | *bold* [link](javascript:x)\nsecond line\u{7}"
    /// The hostile snippet.
    static let hostileSnippet = "RUN echo '<script>alert(1)</script>' && echo \"</pre></td>\""

    /// The scanner's report on the three files plus one hostile finding in a fourth file, and one clean file.
    static let sample: ConfigReport = {
        let reports = [
            ConfigScanner.scan(text: dockerfile, kind: .dockerfile, path: "app/Dockerfile", hasDockerignore: false),
            ConfigScanner.scan(text: compose, kind: .compose, path: "./deploy/compose.yaml"),
            ConfigScanner.scan(text: kubernetes, kind: .kubernetes, path: "k8s/pod.yaml"),
        ]
        var findings = reports.flatMap(\.findings)
        var files = reports.flatMap(\.files)
        if let rule = RuleCatalog.all.first(where: { $0.id.hasPrefix("BW-DF-") }) {
            findings.append(ConfigFinding(rule: rule, file: "hostile/<b>Dockerfile</b>", line: 7, endLine: 9, message: hostileMessage, snippet: hostileSnippet))
            files.append(.init(path: "hostile/<b>Dockerfile</b>", kind: .dockerfile))
        }
        files.append(.init(path: "clean/Dockerfile", kind: .dockerfile))
        findings.sort { ($0.file, $0.line, $0.rule.id) < ($1.file, $1.line, $1.rule.id) }
        return ConfigReport(
            findings: findings, warnings: reports.flatMap(\.warnings) + ["k8s/pod.yaml:3: <odd> value", "elsewhere.yaml: skipped: binary file"],
            files: files, suppressedCount: 2)
    }()

    /// A report with no files and no findings.
    static let empty = ConfigReport(findings: [], warnings: [], files: [], suppressedCount: 0)

    /// A report of only clean files.
    static let clean = ConfigReport(findings: [], warnings: [], files: [.init(path: "Dockerfile", kind: .dockerfile)], suppressedCount: 0)

    /// The reports every format is checked on.
    static let all: [(name: String, report: ConfigReport)] = [("sample", sample), ("empty", empty), ("clean", clean)]

    /// The fixed scan time.
    static let scannedAt = Date(timeIntervalSince1970: 1_714_566_600)  // 2024-05-01T12:30:00Z

    /// A template using every top-level key.
    static let template = NamedText(
        path: "report.tpl",
        text: """
            {{tool}} {{toolVersion}} at {{scannedAt}}: {{findingCount}} findings in {{fileCount}} files, {{suppressedCount}} suppressed
            critical={{summary.critical}} high={{summary.high}} medium={{summary.medium}} low={{summary.low}}
            {{#files}}file {{path}} ({{kind}}) {{findingCount}}
            {{/files}}{{#rules}}rule {{id}} {{severity}}
            {{/rules}}{{#findings}}{{severity}} {{ruleId}} {{file}}:{{line}}-{{endLine}} [{{kind}}] {{title}}: {{message}} | {{remediation}}
            {{/findings}}{{^hasFindings}}clean{{/hasFindings}}{{#warnings}}warning {{.}}
            {{/warnings}}
            """)

    /// Renders `report` as `format` with the fixed inputs.
    static func render(_ report: ConfigReport, _ format: MisconfigurationFormat, failOn: Severity? = nil) throws -> [UInt8] {
        try MisconfigurationRenderer.render(
            report, as: format, toolVersion: "1.2.3", failOn: failOn, template: template, scannedAt: scannedAt)
    }

    /// Renders as text.
    static func text(_ report: ConfigReport, _ format: MisconfigurationFormat, failOn: Severity? = nil) throws -> String {
        String(decoding: try render(report, format, failOn: failOn), as: UTF8.self)
    }
}
