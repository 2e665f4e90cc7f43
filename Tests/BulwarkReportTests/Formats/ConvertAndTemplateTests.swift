import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

@Suite("convert input, templates, determinism")
struct ConvertAndTemplateTests {
    @Test("a saved scan report reads back equal and re-renders identically in every format")
    func roundTrip() throws {
        let json = try ScanReportRenderer.render(ReportFixtures.debian, as: .json, options: ReportFixtures.options())
        let read = try ScanReportReader.read(json, file: "report.json")
        #expect(read == ReportFixtures.debian)
        let template = NamedText(path: "t.mustache", text: "{{target}}")
        for format in ReportFormat.allCases {
            let settings = ReportRenderSettings(template: template)
            let direct = try ScanReportRenderer.render(ReportFixtures.debian, as: format, options: ReportFixtures.options(), settings: settings)
            let converted = try ScanReportRenderer.render(read, as: format, options: ReportFixtures.options(), settings: settings)
            #expect(direct == converted, "\(format) differs after convert")
        }
    }

    @Test("every format is deterministic: same report, same bytes", arguments: ReportFormat.allCases)
    func deterministic(format: ReportFormat) throws {
        let settings = ReportRenderSettings(
            dockerfile: NamedText(path: "Dockerfile", text: "FROM debian:12\nRUN apt-get install -y openssl\n"), failOn: .high,
            template: NamedText(path: "t.mustache", text: "report: {{#findings}}{{id}} {{/findings}}"))
        for (_, report) in ReportFixtures.all {
            let first = try ScanReportRenderer.render(report, as: format, options: ReportFixtures.options(), settings: settings)
            // Render options other than colors must not leak into the bytes: a later clock changes nothing.
            var later = ReportFixtures.options()
            later.timestamp = Date(timeIntervalSince1970: 2_000_000_000)
            let second = try ScanReportRenderer.render(report, as: format, options: later, settings: settings)
            #expect(first == second)
            #expect(!first.isEmpty)
        }
    }

    @Test(
        "bad input is refused with one line naming the file and the problem",
        arguments: [
            ("not json at all", "not JSON"),
            ("[1, 2]", "a JSON array, not a Bulwark scan report"),
            (#"{"bomFormat": "CycloneDX", "specVersion": "1.6"}"#, "a CycloneDX document, not a Bulwark scan report"),
            (#"{"spdxVersion": "SPDX-2.3"}"#, "an SPDX document"),
            (#"{"schemaVersion": 1, "packages": [], "target": {}}"#, "a Bulwark SBOM"),
            (#"{"version": "2.1.0", "runs": []}"#, "a SARIF log"),
            (#"{"schemaVersion": 7, "findings": []}"#, "schemaVersion 7 is not supported"),
            (#"{"schemaVersion": 1, "findings": []}"#, "missing field"),
            (#"{"hello": "world"}"#, "no integer schemaVersion"),
        ])
    func badInput(text: String, expected: String) throws {
        #expect {
            _ = try ScanReportReader.read(Array(text.utf8), file: "saved/report.json")
        } throws: { error in
            guard let error = error as? BulwarkError else { return false }
            return error.message.hasPrefix("saved/report.json: ") && error.message.contains(expected) && !error.message.contains("\n")
        }
    }

    @Test("a mistyped field is named")
    func mistypedField() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(try ScanReportRenderer.render(ReportFixtures.debian, as: .json, options: ReportFixtures.options())))
                as? [String: Any])
        object["packageCount"] = "many"
        let bytes = Array(try JSONSerialization.data(withJSONObject: object))
        #expect {
            _ = try ScanReportReader.read(bytes, file: "r.json")
        } throws: { error in
            (error as? BulwarkError)?.message.contains("packageCount") == true
        }
    }

    @Test("hostile nesting is refused without crashing")
    func deepNesting() throws {
        let bytes = Array(String(repeating: "[", count: 100_000).utf8)
        #expect(throws: BulwarkError.self) { _ = try ScanReportReader.read(bytes, file: "deep.json") }
    }

    @Test("a Mustache template sees the report")
    func template() throws {
        let text = """
            {{image}} on {{os}}: {{findingCount}} findings, {{summary.critical}} critical
            {{#findings}}
            - {{id}} {{severity}} {{package}} {{installed}} -> {{fixed}}{{^hasFix}}no fix{{/hasFix}}
            {{/findings}}
            {{^hasFindings}}clean{{/hasFindings}}
            """
        let output = try TemplateReportWriter(template: NamedText(path: "t.mustache", text: text)).render(ReportFixtures.debian)
        #expect(output.hasPrefix("registry.example/team/app:1.0 on debian 12: 6 findings, 1 critical\n"))
        #expect(output.contains("- CVE-2023-4911 CRITICAL libc6 2.36-9+deb12u4 -> 2.36-9+deb12u3\n"))
        #expect(output.contains("- CVE-2023-5678 LOW openssl 3.0.11-1~deb12u2 -> no fix\n"))
        #expect(!output.contains("clean"))
        let empty = try TemplateReportWriter(template: NamedText(path: "t.mustache", text: text)).render(ReportFixtures.empty)
        #expect(empty.contains("clean"))
        // `{{ }}` escapes HTML.
        let escaped = try TemplateReportWriter(template: NamedText(path: "t", text: "{{#findings}}{{description}}{{/findings}}")).render(ReportFixtures.debian)
        #expect(!escaped.contains("<script>"))
    }

    @Test("a broken template or a missing one is a clear error")
    func badTemplate() throws {
        #expect {
            _ = try TemplateReportWriter(template: NamedText(path: "bad.mustache", text: "{{#findings}}unclosed")).render(ReportFixtures.debian)
        } throws: { error in
            (error as? BulwarkError)?.message.hasPrefix("bad.mustache: not a valid Mustache template") == true
        }
        #expect(throws: BulwarkError.self) {
            _ = try ScanReportRenderer.render(ReportFixtures.debian, as: .template, options: ReportFixtures.options())
        }
    }

    @Test("the table and only the table uses colors")
    func colorsOnlyInTable() throws {
        var options = ReportFixtures.options()
        options.colors = true
        for format in ReportFormat.allCases where format != .table && format != .template {
            let bytes = try ScanReportRenderer.render(ReportFixtures.debian, as: format, options: options)
            #expect(!bytes.contains(0x1B), "\(format) wrote an escape sequence")
        }
    }
}
