import BulwarkConfig
import BulwarkCore
import Testing

@Suite struct ImageConfigAuditorTests {
    static func audit(_ fixture: ImageFixture, options: ConfigScanOptions = ConfigScanOptions()) -> ConfigReport {
        ImageConfigAuditor(imageLabel: "app:1", options: options).audit(metadata: fixture.metadata, tree: fixture.tree)
    }

    @Test(arguments: ImageRuleCases.all)
    func firesOnPositiveExample(_ example: ImageRuleCase) {
        let hits = Self.audit(example.positive).findings.filter { $0.rule.id == example.ruleID }
        #expect(!hits.isEmpty, "\(example.ruleID) did not fire")
        for hit in hits { #expect(!hit.message.isEmpty && hit.rule.kind == .image) }
    }

    @Test(arguments: ImageRuleCases.all)
    func silentOnNegativeExample(_ example: ImageRuleCase) {
        let hits = Self.audit(example.negative).findings.filter { $0.rule.id == example.ruleID }
        #expect(hits.isEmpty, "\(example.ruleID) fired: \(hits.map(\.message))")
    }

    @Test func aHardenedImageHasNoFinding() {
        let report = Self.audit(ImageFixture())
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test(arguments: [
        (nil as String?, true), ("", true), ("root", true), ("0", true), ("0:0", true), ("root:staff", true),
        ("1000", false), ("app", false), ("app:root", false), ("nobody:nogroup", false),
    ])
    func rootUsers(_ user: String?, _ isRoot: Bool) {
        var fixture = ImageFixture()
        fixture.config.user = user
        #expect(Self.audit(fixture).findings.contains { $0.rule.id == "BW-IMG-001" } == isRoot)
    }

    @Test func credentialsAreNeverPrintedWhole() {
        let secret = "ghp_" + String(repeating: "Zq9", count: 12)
        var fixture = ImageFixture()
        fixture.config.env = ["GITHUB_TOKEN=\(secret)"]
        fixture.config.labels = ["ci.token": secret]
        let other = "ghp_" + String(repeating: "Wx7", count: 12)
        fixture.history.append(ImageHistoryEntry(createdBy: "/bin/sh -c curl -H 'Authorization: token \(other)' https://api.github.com", emptyLayer: false))
        fixture.history.append(ImageHistoryEntry(createdBy: "/bin/sh -c echo \(secret)", emptyLayer: false))
        let findings = Self.audit(fixture).findings
        // The env's token seen again in the history is the same leak: reported once.
        #expect(findings.filter { $0.rule.id == "BW-IMG-005" }.count == 1)
        #expect(Set(findings.map(\.rule.id)).isSuperset(of: ["BW-IMG-003", "BW-IMG-004", "BW-IMG-005"]))
        for finding in findings {
            #expect(!finding.message.contains(secret) && !finding.snippet.contains(secret), "\(finding.rule.id) leaks the secret")
            #expect(!finding.message.contains(other) && !finding.snippet.contains(other), "\(finding.rule.id) leaks the secret")
        }
    }

    @Test func historyRepeatingTheFinalEnvIsReportedOnce() {
        var fixture = ImageFixture()
        fixture.config.env = ["API_KEY=Zx81kdj2Lmq9Pw0rT"]
        fixture.history.append(ImageHistoryEntry(createdBy: "ENV API_KEY=Zx81kdj2Lmq9Pw0rT", emptyLayer: true))
        fixture.history.append(ImageHistoryEntry(createdBy: "ENV API_KEY=an0therOldValue42", emptyLayer: true))
        let findings = Self.audit(fixture).findings
        #expect(findings.filter { $0.rule.id == "BW-IMG-003" }.count == 1)
        // The overwritten value is still readable in the history.
        #expect(findings.filter { $0.rule.id == "BW-IMG-005" }.count == 1)
    }

    @Test func setgidAndSetuidAreNamed() {
        var fixture = ImageFixture()
        fixture.files = [("/usr/bin/wall", ImageFixture.file(0o2755)), ("/usr/bin/passwd", ImageFixture.file(0o4755))]
        let messages = Self.audit(fixture).findings.filter { $0.rule.id == "BW-IMG-006" }.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("/usr/bin/wall is setgid") })
        #expect(messages.contains { $0.contains("/usr/bin/passwd is setuid") })
    }

    @Test func manyMatchesAreCappedWithACount() {
        var fixture = ImageFixture()
        fixture.files = (0..<50).map { ("/data/f\($0)", ImageFixture.file(0o666)) }
        let findings = ImageConfigAuditor(imageLabel: "x", maxFindingsPerRule: 10).audit(metadata: fixture.metadata, tree: fixture.tree).findings
        let writable = findings.filter { $0.rule.id == "BW-IMG-007" }
        #expect(writable.count == 11)
        #expect(writable.contains { $0.message.contains("40 more files") })
    }

    @Test func cachesAreSummedPerLocation() {
        var fixture = ImageFixture()
        fixture.files = [
            ("/var/cache/apt/archives/curl_8.deb", ImageFixture.file(0o644, size: 2048)),
            ("/var/cache/apt/archives/libc6_2.36.deb", ImageFixture.file(0o644, size: 2048)),
            ("/home/app/.cache/pip/http/a/b", ImageFixture.file(0o644, size: 100)),
        ]
        let caches = Self.audit(fixture).findings.filter { $0.rule.id == "BW-IMG-010" }
        #expect(caches.map(\.file).sorted() == ["/home/app/.cache/pip", "/var/cache/apt/archives"])
        #expect(caches.contains { $0.message.contains("2 cached files (4.0 KiB)") })
    }

    @Test func severityFilterAndSkippedRulesApply() {
        var fixture = ImageFixture()
        fixture.config.user = nil
        fixture.config.healthcheck = nil
        let high = Self.audit(fixture, options: ConfigScanOptions(severities: [.high]))
        #expect(high.findings.map(\.rule.id) == ["BW-IMG-001"])
        let skipped = Self.audit(fixture, options: ConfigScanOptions(skipRules: ["BW-IMG-001"]))
        #expect(skipped.findings.map(\.rule.id) == ["BW-IMG-002"])
    }

    @Test func hostileHistoryStaysBounded() {
        var fixture = ImageFixture()
        fixture.history = (0..<10).map { _ in ImageHistoryEntry(createdBy: String(repeating: "A=B \"unterminated ", count: 20_000)) }
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Self.audit(fixture) }
        #expect(elapsed < .seconds(20))
    }
}
