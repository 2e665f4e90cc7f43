import BulwarkConfig
import Foundation
import Testing

@Suite struct HostileInputTests {
    @Test func billionLaughsIsRejectedQuickly() {
        var text = "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        text += "apiVersion: v1\nkind: Pod\n"
        let start = ContinuousClock.now
        let report = ConfigScanner.scan(text: text, kind: .kubernetes, path: "bomb.yaml")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("alias bomb") == true, "\(report.warnings)")
    }

    @Test func deepNestingIsRejectedBeforeParsing() {
        let flow = "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let report = ConfigScanner.scan(text: flow, kind: .kubernetes, path: "deep.yaml")
        #expect(report.warnings.first?.hasPrefix("deep.yaml:1: YAML flow nesting deeper") == true, "\(report.warnings)")
        let block = (0..<1_500).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        let blockReport = ConfigScanner.scan(text: block, kind: .compose, path: "deep.yml")
        #expect(blockReport.warnings.first?.contains("nesting deeper") == true, "\(blockReport.warnings)")
    }

    @Test func invalidYAMLNamesFileAndLine() {
        let report = ConfigScanner.scan(text: "services:\n  web:\n    image: nginx:1\n   bad: [\n", kind: .compose, path: "compose.yml")
        #expect(report.findings.isEmpty)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.hasPrefix("compose.yml:") == true)
        #expect(report.warnings.first?.contains("invalid YAML") == true, "\(report.warnings)")
    }

    @Test func oversizedFileIsSkippedWithAWarning() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/big.yaml"
        let line = "# " + String(repeating: "x", count: 1_000) + "\n"
        try Data(String(repeating: line, count: 9_000).utf8).write(to: URL(fileURLWithPath: path))
        let report = try ConfigScanner.scan(paths: [path])
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.hasPrefix(path + ": skipped:") == true, "\(report.warnings)")
    }

    @Test func missingPathThrows() {
        #expect(throws: (any Error).self) { try ConfigScanner.scan(paths: ["/nonexistent/bulwark-config"]) }
    }
}
