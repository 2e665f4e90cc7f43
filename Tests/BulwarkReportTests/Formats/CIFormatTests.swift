import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

/// GitLab, JUnit, CycloneDX with vulnerabilities, Markdown and CSV, each checked by its consumer.
@Suite("CI report formats")
struct CIFormatTests {
    static func render(_ name: String, _ format: ReportFormat, failOn: Severity? = nil) throws -> [UInt8] {
        let report = try #require(ReportFixtures.all.first { $0.0 == name }).1
        return try ScanReportRenderer.render(report, as: format, options: ReportFixtures.options(), settings: ReportRenderSettings(failOn: failOn))
    }

    @Test("GitLab report validates against the schema's required structure", .enabled(if: FormatValidators.shouldRun(FormatValidators.jsonschema)))
    func gitLab() throws {
        let script = """
            import json, sys, jsonschema
            schema = json.loads(sys.argv[2])
            documents = json.load(open(sys.argv[1], encoding="utf-8"))
            failed = False
            for index, document in enumerate(documents):
                for error in list(jsonschema.Draft7Validator(schema).iter_errors(document))[:20]:
                    failed = True
                    print("document", index, list(error.path), error.message[:300])
            sys.exit(1 if failed or not documents else 0)
            """
        let documents = try ReportFixtures.all.map { try Self.render($0.0, .gitlab) }
        let problems = try FormatValidators.check(FormatValidators.jsonArray(documents), script: script, extension: "json", extra: [GitLabSchema.json])
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("GitLab fields: capitalized severity, location, identifiers, times")
    func gitLabFields() throws {
        let document = GitLabReportWriter().document(for: ReportFixtures.debian)
        #expect(document.scan.startTime == "2024-05-01T12:30:00")
        #expect(document.scan.type == "container_scanning")
        let first = try #require(document.vulnerabilities.first)
        #expect(first.severity == "Critical")
        #expect(first.location.image == "registry.example/team/app:1.0")
        #expect(first.location.operatingSystem == "debian:12")
        #expect(first.location.dependency.package.name == "libc6")
        #expect(first.identifiers.first?.type == "cve")
        #expect(first.solution == "Upgrade libc6 to 2.36-9+deb12u3 or later.")
        #expect(Set(document.vulnerabilities.map(\.severity)) == ["Critical", "High", "Medium", "Low", "Info", "Unknown"])
        #expect(Set(document.vulnerabilities.map(\.id)).count == document.vulnerabilities.count)
        #expect(GitLabReportWriter.gitLabTime("garbage") == "1970-01-01T00:00:00")
    }

    static let junitScript = """
        import sys, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == "testsuites", root.tag
        suites = root.findall("testsuite")
        assert len(suites) == 1, suites
        cases = suites[0].findall("testcase")
        assert int(suites[0].get("tests")) == len(cases)
        failures = [c for c in cases if c.find("failure") is not None]
        assert int(suites[0].get("failures")) == len(failures)
        for case in cases:
            assert case.get("name") and case.get("classname")
        try:
            import junitparser
        except ImportError:
            junitparser = None
        if junitparser is not None:
            xml = junitparser.JUnitXml.fromfile(sys.argv[1])
            total = sum(suite.tests for suite in xml)
            assert total == len(cases), (total, len(cases))
        print(len(cases), len(failures))
        sys.exit(0 if (len(cases), len(failures)) == (int(sys.argv[2]), int(sys.argv[3])) else 3)
        """

    @Test("JUnit parses and fails packages at or above the gate", .enabled(if: FormatValidators.shouldRun(FormatValidators.junitparser)),
        arguments: [(nil, 5), (Severity.high, 2), (Severity.critical, 1)] as [(Severity?, Int)])
    func junit(gate: Severity?, failures: Int) throws {
        let bytes = try Self.render("debian", .junit, failOn: gate)
        let problems = try FormatValidators.check(bytes, script: Self.junitScript, extension: "xml", extra: ["5", String(failures)])
        #expect(problems == nil, "\(problems ?? "")")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<script>"))
        #expect(!text.contains("\u{0007}"))
    }

    @Test("CycloneDX with vulnerabilities: affects point at component bom-refs")
    func cycloneDXStructure() throws {
        let bytes = try Self.render("debian", .cyclonedx)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["specVersion"] as? String == "1.6")
        let refs = Set((object["components"] as? [[String: Any]] ?? []).compactMap { $0["bom-ref"] as? String })
        let vulnerabilities = try #require(object["vulnerabilities"] as? [[String: Any]])
        #expect(vulnerabilities.count == 6)
        for vulnerability in vulnerabilities {
            let affects = try #require(vulnerability["affects"] as? [[String: Any]])
            #expect(!affects.isEmpty)
            for affect in affects { #expect(refs.contains(affect["ref"] as? String ?? "")) }
            #expect((vulnerability["analysis"] as? [String: Any])?["state"] as? String == "in_triage")
        }
        let openssl = try #require(vulnerabilities.first { $0["id"] as? String == "CVE-2024-0727" })
        #expect(openssl["cwes"] as? [Int] == [476])
        #expect((openssl["ratings"] as? [[String: Any]])?.first?["method"] as? String == "CVSSv31")
    }

    @Test("CycloneDX with vulnerabilities validates (cyclonedx-python-lib)", .enabled(if: FormatValidators.shouldRun(FormatValidators.cycloneDX)))
    func cycloneDXSchema() throws {
        let script = """
            import json, sys
            from cyclonedx.schema import SchemaVersion
            from cyclonedx.validation.json import JsonStrictValidator
            validator = JsonStrictValidator(SchemaVersion.V1_6)
            documents = json.load(open(sys.argv[1], encoding="utf-8"))
            failed = not documents
            for index, document in enumerate(documents):
                errors = validator.validate_str(json.dumps(document), all_errors=True)
                if errors is not None:
                    failed = True
                    for error in errors:
                        print("document", index, error)
            sys.exit(1 if failed else 0)
            """
        let documents = try ReportFixtures.all.map { try Self.render($0.0, .cyclonedx) }
        let problems = try FormatValidators.check(FormatValidators.jsonArray(documents), script: script, extension: "json")
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("Markdown tables parse with markdown-it-py", .enabled(if: FormatValidators.shouldRun(FormatValidators.markdownIt)))
    func markdown() throws {
        let script = """
            import sys
            from markdown_it import MarkdownIt
            text = open(sys.argv[1], encoding="utf-8").read()
            tokens = MarkdownIt("commonmark").enable("table").parse(text)
            tables = []
            rows = None
            for token in tokens:
                if token.type == "table_open": rows = []
                elif token.type == "tr_open": cells = 0
                elif token.type in ("th_open", "td_open"): cells += 1
                elif token.type == "tr_close": rows.append(cells)
                elif token.type == "table_close": tables.append(rows)
            shape = [(len(t), sorted(set(t))) for t in tables]
            expected = [(7, [2]), (7, [6]), (7, [6])]
            html = MarkdownIt("commonmark").enable("table").render(text)
            assert "<script>" not in html, "raw HTML leaked"
            assert "<details>" in html
            print(shape)
            sys.exit(0 if shape == expected else 1)
            """
        let problems = try FormatValidators.check(try Self.render("debian", .markdown), script: script, extension: "md")
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("Markdown stays within GitHub's comment size and says what it left out")
    func markdownSize() throws {
        let text = MarkdownReportWriter().render(ReportFixtures.many(3000, packages: 50))
        #expect(text.count <= 65_536)
        #expect(text.contains("more findings: too many for one comment"))
        #expect(text.hasSuffix("</details>\n"))
        let small = MarkdownReportWriter().render(ReportFixtures.debian)
        #expect(!small.contains("more findings"))
    }

    @Test("CSV reads back with Python's csv module, one row per finding", .enabled(if: FormatValidators.shouldRun(FormatValidators.python)))
    func csv() throws {
        let script = """
            import csv, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as handle:
                raw = handle.read()
            assert raw.endswith("\\r\\n")
            rows = list(csv.reader(raw.splitlines(keepends=True) and __import__("io").StringIO(raw, newline="")))
            assert all(len(row) == 15 for row in rows), [len(row) for row in rows]
            assert rows[0][0] == "Target"
            titles = [row[9] for row in rows]
            assert 'Excessive time spent in DH | check <b>"quoted"</b>, commas' in titles, titles
            assert "'=cmd|' /C calc'!A0 MiniZip overflow" in titles, titles
            sys.exit(0 if len(rows) == int(sys.argv[2]) + 1 else 1)
            """
        let problems = try FormatValidators.check(try Self.render("debian", .csv), script: script, extension: "csv", extra: ["6"])
        #expect(problems == nil, "\(problems ?? "")")
        #expect(CSVReportWriter.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVReportWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReportWriter.field("plain") == "plain")
    }
}
