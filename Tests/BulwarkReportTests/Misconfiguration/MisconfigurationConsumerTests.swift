import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

/// Each misconfiguration format read by its real consumer: junitparser, markdown-it-py, Python's csv,
/// html5lib, and jsonschema with GitLab's SAST report structure. Skipped when a module is missing
/// locally; run (and failing) when `CI=true`.
@Suite("Misconfiguration formats read by their consumers")
struct MisconfigurationConsumerTests {
    static let reportNames = MisconfigurationFixtures.all.map(\.name)

    static func report(_ name: String) throws -> ConfigReport {
        try #require(MisconfigurationFixtures.all.first { $0.name == name }).report
    }

    /// What the JUnit document must hold: suites, test cases and failing cases under `gate`.
    static func expectedJUnit(_ report: ConfigReport, gate: Severity?) -> (suites: Int, cases: Int, failures: Int) {
        var suites = 0
        var cases = 0
        var failures = 0
        var scanned = Set(report.files.map(\.path))
        scanned.formUnion(report.findings.map(\.file))
        for path in scanned {
            suites += 1
            let rules = Dictionary(grouping: report.findings.filter { $0.file == path }, by: \.rule.id)
            cases += max(1, rules.count)
            failures += rules.values.filter { findings in gate.map { findings[0].severity >= $0 } ?? true }.count
        }
        let claimed = report.warnings.filter { warning in scanned.contains { warning.hasPrefix($0 + ":") } }
        if claimed.count < report.warnings.count { suites += 1 }
        return (suites, cases, failures)
    }

    static let junitScript = """
        import sys, xml.etree.ElementTree as ET
        import junitparser
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == "testsuites", root.tag
        suites = root.findall("testsuite")
        for suite in suites:
            cases = suite.findall("testcase")
            assert int(suite.get("tests")) == len(cases), suite.get("name")
            assert int(suite.get("failures")) == len([c for c in cases if c.find("failure") is not None]), suite.get("name")
            for case in cases:
                assert case.get("name") and case.get("classname") == suite.get("name"), case.attrib
        xml = junitparser.JUnitXml.fromfile(sys.argv[1])
        parsed = list(xml)
        cases = [case for suite in parsed for case in suite]
        failures = [case for case in cases if any(isinstance(r, junitparser.Failure) for r in case.result)]
        for case in failures:
            failure = [r for r in case.result if isinstance(r, junitparser.Failure)][0]
            assert failure.message and "Remediation:" in failure.text, case.name
        shape = (len(parsed), len(cases), len(failures))
        assert sum(suite.tests for suite in parsed) == len(cases)
        expected = tuple(int(value) for value in sys.argv[2:5])
        print(shape, expected)
        sys.exit(0 if shape == expected else 3)
        """

    @Test("JUnit parses with junitparser; rules at or above the gate fail",
        .enabled(if: FormatValidators.shouldRun(FormatValidators.junitparser)),
        arguments: reportNames, [nil, Severity.high, .critical] as [Severity?])
    func junit(name: String, gate: Severity?) throws {
        let report = try Self.report(name)
        let expected = Self.expectedJUnit(report, gate: gate)
        if name == "sample" { #expect(expected.failures > 0) }
        let bytes = try MisconfigurationFixtures.render(report, .junit, failOn: gate)
        let problems = try FormatValidators.check(
            bytes, script: Self.junitScript, extension: "xml", extra: [String(expected.suites), String(expected.cases), String(expected.failures)])
        #expect(problems == nil, "\(problems ?? "")")
    }

    static let markdownScript = """
        import sys
        from markdown_it import MarkdownIt
        text = open(sys.argv[1], encoding="utf-8").read()
        parser = MarkdownIt("commonmark").enable("table")
        tokens = parser.parse(text)
        tables = []
        rows = None
        for token in tokens:
            if token.type == "table_open": rows = []
            elif token.type == "tr_open": cells = 0
            elif token.type in ("th_open", "td_open"): cells += 1
            elif token.type == "tr_close": rows.append(cells)
            elif token.type == "table_close": tables.append(rows)
        widths = [sorted(set(rows)) for rows in tables]
        html = parser.render(text)
        problems = []
        if any(len(w) != 1 for w in widths): problems.append("ragged table: %r" % widths)
        if "<script>" in html: problems.append("raw HTML leaked")
        if 'href="javascript' in html: problems.append("javascript link")
        details = html.count("<details>")
        expected_details = int(sys.argv[2])
        if details != expected_details: problems.append("details %d != %d" % (details, expected_details))
        detail_tables = [w for w in widths if w == [6]]
        if len(detail_tables) != expected_details: problems.append("per-file tables %d != %d" % (len(detail_tables), expected_details))
        if widths[:1] != [[2]]: problems.append("no severity table first: %r" % widths)
        print("\\n".join(problems))
        sys.exit(1 if problems else 0)
        """

    @Test("Markdown parses with markdown-it-py: summary tables, a details section per file, nothing raw",
        .enabled(if: FormatValidators.shouldRun(FormatValidators.markdownIt)), arguments: reportNames)
    func markdown(name: String) throws {
        let report = try Self.report(name)
        let filesWithFindings = Set(report.findings.map(\.file)).count
        let bytes = try MisconfigurationFixtures.render(report, .markdown)
        let problems = try FormatValidators.check(bytes, script: Self.markdownScript, extension: "md", extra: [String(filesWithFindings)])
        #expect(problems == nil, "\(problems ?? "")")
    }

    static let csvScript = """
        import csv, io, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as handle:
            raw = handle.read()
        assert raw.endswith("\\r\\n")
        rows = list(csv.reader(io.StringIO(raw, newline=""), strict=True))
        assert all(len(row) == 8 for row in rows), [len(row) for row in rows]
        assert rows[0] == ["File", "Line", "End Line", "Rule", "Severity", "Title", "Message", "Remediation"], rows[0]
        for row in rows[1:]:
            assert int(row[1]) >= 1 and int(row[2]) >= int(row[1]), row
            assert row[3].startswith("BW-"), row
            assert row[4] in ("CRITICAL", "HIGH", "MEDIUM", "LOW", "NEGLIGIBLE", "UNKNOWN"), row
        messages = [row[6] for row in rows[1:]]
        if len(sys.argv) > 3:
            assert "'" + sys.argv[3] in messages, messages
            assert not any(cell[:1] in "=+-@" and cell for row in rows for cell in row), "formula not defused"
        sys.exit(0 if len(rows) == int(sys.argv[2]) + 1 else 1)
        """

    @Test("CSV reads back with Python's csv module, one row per finding", .enabled(if: FormatValidators.shouldRun(FormatValidators.python)),
        arguments: reportNames)
    func csv(name: String) throws {
        let report = try Self.report(name)
        let bytes = try MisconfigurationFixtures.render(report, .csv)
        var extra = [String(report.findings.count)]
        if name == "sample" { extra.append(MisconfigurationFixtures.hostileMessage) }
        let problems = try FormatValidators.check(bytes, script: Self.csvScript, extension: "csv", extra: extra)
        #expect(problems == nil, "\(problems ?? "")")
    }

    static let htmlScript = """
        import sys
        from html.parser import HTMLParser
        import html5lib
        text = open(sys.argv[1], encoding="utf-8").read()
        class Collector(HTMLParser):
            def __init__(self):
                super().__init__()
                self.urls = []
                self.tags = {}
                self.rows = 0
            def handle_starttag(self, tag, attrs):
                self.tags[tag] = self.tags.get(tag, 0) + 1
                attributes = dict(attrs)
                if tag == "tr" and "data-severity" in attributes: self.rows += 1
                for name, value in attrs:
                    if name in ("src", "href", "action", "poster", "data", "srcset") and value is not None:
                        self.urls.append(value)
        collector = Collector()
        collector.feed(text)
        collector.close()
        problems = []
        if collector.urls: problems.append("external references: %r" % collector.urls)
        for tag in ("link", "img", "iframe", "object", "embed", "base"):
            if collector.tags.get(tag): problems.append("has <%s>" % tag)
        if collector.tags.get("script") != 1: problems.append("expected one inline script")
        if collector.rows != int(sys.argv[2]): problems.append("rows %d != %s" % (collector.rows, sys.argv[2]))
        document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
        table = document.find(".//table[@id='findings']")
        if table is None: problems.append("no findings table")
        if "<script>alert(1)</script>" in text: problems.append("unescaped hostile text")
        print("\\n".join(problems))
        sys.exit(1 if problems else 0)
        """

    @Test("HTML is self-contained and parses strictly with html5lib", .enabled(if: FormatValidators.shouldRun(FormatValidators.html5lib)),
        arguments: reportNames)
    func html(name: String) throws {
        let report = try Self.report(name)
        let bytes = try MisconfigurationFixtures.render(report, .html)
        let problems = try FormatValidators.check(bytes, script: Self.htmlScript, extension: "html", extra: [String(report.findings.count)])
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("GitLab SAST report validates against the schema's required structure",
        .enabled(if: FormatValidators.shouldRun(FormatValidators.jsonschema)))
    func gitLab() throws {
        let script = """
            import json, sys, jsonschema
            schema = json.loads(sys.argv[2])
            jsonschema.Draft7Validator.check_schema(schema)
            documents = json.load(open(sys.argv[1], encoding="utf-8"))
            failed = False
            for index, document in enumerate(documents):
                for error in list(jsonschema.Draft7Validator(schema).iter_errors(document))[:20]:
                    failed = True
                    print("document", index, list(error.path), error.message[:300])
            counts = [len(document["vulnerabilities"]) for document in documents]
            expected = [int(value) for value in sys.argv[3].split(",")]
            if counts != expected:
                failed = True
                print("counts", counts, expected)
            sys.exit(1 if failed or not documents else 0)
            """
        let reports = MisconfigurationFixtures.all.map(\.report)
        let documents = try reports.map { try MisconfigurationFixtures.render($0, .gitlab) }
        let problems = try FormatValidators.check(
            FormatValidators.jsonArray(documents), script: script, extension: "json",
            extra: [MisconfigurationSASTSchema.json, reports.map { String($0.findings.count) }.joined(separator: ",")])
        #expect(problems == nil, "\(problems ?? "")")
    }
}
