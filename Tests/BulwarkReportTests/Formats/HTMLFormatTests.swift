import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

@Suite("HTML report")
struct HTMLFormatTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let parseScript = """
        import sys
        from html.parser import HTMLParser
        text = open(sys.argv[1], encoding="utf-8").read()
        class Collector(HTMLParser):
            def __init__(self):
                super().__init__()
                self.urls = []
                self.tags = {}
                self.rows = 0
            def handle_starttag(self, tag, attrs):
                self.tags[tag] = self.tags.get(tag, 0) + 1
                for name, value in attrs:
                    if name in ("src", "href", "action", "poster", "data") and value is not None:
                        self.urls.append(value)
        collector = Collector()
        collector.feed(text)
        collector.close()
        problems = []
        if collector.urls: problems.append("external references: %r" % collector.urls)
        for tag in ("link", "img", "iframe", "object", "embed"):
            if collector.tags.get(tag): problems.append("has <%s>" % tag)
        if collector.tags.get("script") != 1: problems.append("expected one inline script")
        if collector.tags.get("svg", 0) < 1 and int(sys.argv[2]) > 0: problems.append("no chart")
        try:
            import html5lib
        except ImportError:
            html5lib = None
        if html5lib is not None:
            parser = html5lib.HTMLParser(strict=True)
            parser.parse(text)
        if "<script>alert(1)</script>" in text: problems.append("unescaped hostile text")
        print("\\n".join(problems))
        sys.exit(1 if problems else 0)
        """

    @Test("self-contained: no external URLs in src/href, parses strictly", .enabled(if: FormatValidators.shouldRun(FormatValidators.html5lib)),
        arguments: ReportFixtures.all.map(\.0))
    func selfContained(name: String) throws {
        let report = try #require(ReportFixtures.all.first { $0.0 == name }).1
        let bytes = try ScanReportRenderer.render(report, as: .html, options: ReportFixtures.options())
        let problems = try FormatValidators.check(bytes, script: Self.parseScript, extension: "html", extra: [String(report.findings.count)])
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("charts per layer and per package type; a row per finding")
    func content() throws {
        let html = HTMLReportWriter().render(ReportFixtures.debian)
        #expect(html.contains("<h2>By layer</h2>"))
        #expect(html.contains("<h2>By package type</h2>"))
        #expect(html.contains("layer 1: RUN apt-get install -y openssl"))
        #expect(html.components(separatedBy: "<tr data-severity=").count - 1 == 6)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || !html.contains("alert(1)"))
    }

    @Test("renders in headless Chromium", .enabled(if: HTMLFormatTests.chromium != nil || FormatValidators.isCI), .timeLimit(.minutes(1)))
    func screenshot() throws {
        let chromium = try #require(Self.chromium, "CI=true but chromium is missing (apt-get install chromium)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        let image = directory.appendingPathComponent("shot.png")
        try Data(HTMLReportWriter().render(ReportFixtures.debian).utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + directory.path + "/profile",
            "--window-size=1280,900", "--screenshot=" + image.path, page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let png = try Data(contentsOf: image)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank page compresses to a few kilobytes; the rendered report (charts, table, text) is much larger.
        #expect(png.count > 20_000, "screenshot is \(png.count) bytes: the page looks blank")
        if let keep = ProcessInfo.processInfo.environment["BULWARK_KEEP_SCREENSHOT"] { try? png.write(to: URL(fileURLWithPath: keep)) }

        // The inline script ran: it writes the "shown" count into the DOM.
        let dump = Process()
        dump.executableURL = URL(fileURLWithPath: chromium)
        dump.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=" + directory.path + "/profile2", "--dump-dom", page.absoluteString,
        ]
        let pipe = Pipe()
        dump.standardOutput = pipe
        dump.standardError = FileHandle.nullDevice
        try dump.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        dump.waitUntilExit()
        #expect(dom.contains("6 of 6 shown"))
    }
}
