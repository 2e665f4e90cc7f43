import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("Ignore file")
struct IgnoreFileTests {
    typealias F = SuppressionFixtures

    @Test func suppressesByIDAndCountsBySource() throws {
        let ignore = try F.ignore(
            """
            ignore:
              - id: CVE-2023-45853
                reason: zlib minizip is not shipped
            """)
        let (report, outcome) = F.apply(ignore)
        #expect(report.findings.count == 4)
        #expect(!report.findings.contains { $0.id == "CVE-2023-45853" })
        #expect(report.summary["critical"] == 1)
        #expect(report.suppression?.ignoreFile == 1)
        #expect(report.suppression?.vex == 0)
        #expect(report.suppressed == nil, "hidden unless asked for")
        #expect(outcome.suppressed.first?.reason == "zlib minizip is not shipped")
        #expect(outcome.suppressed.first?.origin == ".bulwarkignore.yaml:2")
    }

    @Test func showSuppressedListsThem() throws {
        let ignore = try F.ignore("ignore:\n  - id: CVE-2023-45853\n    reason: not shipped\n")
        let (report, _) = F.apply(ignore, show: true)
        #expect(report.suppressed?.map(\.finding.id) == ["CVE-2023-45853"])
        #expect(report.suppressed?.first?.source == .ignoreFile)
    }

    @Test func matchesAliasesCaseInsensitively() throws {
        let ignore = try F.ignore("ignore:\n  - id: dsa-5532-1\n    reason: backported\n  - id: CVE-2020-8203\n    reason: no untrusted input\n")
        let (report, outcome) = F.apply(ignore)
        #expect(F.remaining(report).sorted() == ["CVE-2023-45853@zlib1g@/var/lib/dpkg/status", "CVE-2024-0727@openssl@/var/lib/dpkg/status"])
        #expect(outcome.summary.ignoreFile == 3)
        #expect(outcome.summary.unusedEntries.isEmpty)
    }

    @Test(arguments: [
        ("pkg:deb/debian/openssl", 1),  // no version: every version
        ("pkg:deb/debian/openssl@3.0.11-1~deb12u2", 1),  // exact version
        ("pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12", 1),  // distro prefix
        ("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5", 1),
        ("pkg:deb/debian/OpenSSL", 1),  // deb names are case-insensitive
        ("pkg:deb/debian/openssl@3.0.9-1", 0),  // other version
        ("pkg:deb/debian/openssl?arch=arm64", 0),  // other arch
        ("pkg:deb/debian/openssl?distro=debian-11", 0),
        ("pkg:deb/ubuntu/openssl", 0),
        ("pkg:rpm/redhat/openssl", 0),
    ])
    func purlNarrowing(purl: String, suppressed: Int) throws {
        let ignore = try F.ignore("ignore:\n  - id: CVE-2023-5678\n    reason: r\n    purl: \"\(purl)\"\n")
        let (_, outcome) = F.apply(ignore)
        #expect(outcome.summary.ignoreFile == suppressed)
        #expect(outcome.summary.unusedEntries.count == 1 - suppressed)
    }

    @Test func purlMismatchIsExplainedInTheUnusedNotice() throws {
        let ignore = try F.ignore("ignore:\n  - id: CVE-2023-5678\n    reason: r\n    purl: pkg:deb/debian/openssl?distro=debian-11\n")
        let (report, outcome) = F.apply(ignore)
        let notice = try #require(outcome.summary.unusedEntries.first)
        #expect(notice.detail.contains("qualifier distro differs (debian-11 vs debian-12.5)"))
        #expect(report.warnings.contains { $0.contains(".bulwarkignore.yaml:2") && $0.contains("matched no finding") })
    }

    @Test func pathGlobNarrowsToOneLocation() throws {
        let ignore = try F.ignore(
            """
            ignore:
              - id: GHSA-p6mc-m468-83gw
                reason: npm's own copy is never run
                path: /usr/lib/node_modules/**
            """)
        let (report, outcome) = F.apply(ignore)
        #expect(outcome.summary.ignoreFile == 1)
        #expect(outcome.suppressed.first?.finding.package.location == F.lodashTool.location)
        #expect(report.findings.contains { $0.package.location == F.lodashApp.location })
    }

    @Test(arguments: [
        ("/usr/lib/**", "/usr/lib/a/b/c.json", true),
        ("/usr/lib/*", "/usr/lib/a/b.json", false),
        ("/usr/lib/*/b.json", "/usr/lib/a/b.json", true),
        ("/usr/**/b.json", "/usr/b.json", true),
        ("/usr/**/lib", "/usr/xlib", false),
        ("/app/node_modules/lodash/package.json", "/app/node_modules/lodash/package.json", true),
        ("/app/node_modules/?odash/*", "/app/node_modules/lodash/package.json", true),
        ("*.json", "/a.json", false),
        ("**.json", "/a/b.json", true),
    ])
    func pathGlobs(pattern: String, path: String, matches: Bool) {
        #expect(SuppressionGlob(pattern).matches(path) == matches)
    }

    @Test(arguments: [
        ("registry.example/team/app:*", 1),
        ("registry.example/team/app:1.4", 1),
        ("app.tar", 1),
        ("sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1),
        ("registry.example/*", 1),
        ("registry.example/team/other:1.4", 0),
    ])
    func imageNarrowing(image: String, suppressed: Int) throws {
        let ignore = try F.ignore("ignore:\n  - id: CVE-2024-0727\n    reason: r\n    image: \"\(image)\"\n")
        let (_, outcome) = F.apply(ignore)
        #expect(outcome.summary.ignoreFile == suppressed)
        if suppressed == 0 {
            #expect(outcome.summary.unusedEntries.first?.detail.contains("is not the scanned image") == true)
        }
    }

    @Test func expiredEntriesStopSuppressingAndAreReported() throws {
        let ignore = try F.ignore(
            """
            ignore:
              - id: CVE-2024-0727
                reason: waiting for the point release
                expires: 2026-01-14
              - id: CVE-2023-45853
                reason: through today
                expires: 2026-01-15
              - id: CVE-2023-5678
                reason: timestamp in the past
                expires: 2026-01-14T23:59:59Z
            """)
        let (report, outcome) = F.apply(ignore)
        #expect(outcome.summary.ignoreFile == 1, "a plain date suppresses through that whole day")
        #expect(outcome.suppressed.map(\.finding.id) == ["CVE-2023-45853"])
        #expect(outcome.summary.expiredEntries.map(\.id) == ["CVE-2024-0727", "CVE-2023-5678"])
        #expect(outcome.summary.expiredEntries.first?.origin == ".bulwarkignore.yaml:2")
        #expect(outcome.summary.expiredEntries.first?.detail.contains("1 finding would match") == true)
        #expect(outcome.summary.unusedEntries.isEmpty, "expired entries are reported once, as expired")
        #expect(report.findings.contains { $0.id == "CVE-2024-0727" })
        #expect(report.warnings.contains { $0.contains("CVE-2024-0727") && $0.contains("expired") })
    }

    @Test func unusedEntriesAreReported() throws {
        let ignore = try F.ignore(
            """
            version: 1
            ignore:
              - id: CVE-1999-0001
                reason: old
              - id: CVE-2023-45853
                reason: used
            """)
        let (_, outcome) = F.apply(ignore)
        #expect(outcome.summary.unusedEntries.map(\.id) == ["CVE-1999-0001"])
        #expect(outcome.summary.unusedEntries.first?.origin == ".bulwarkignore.yaml:3")
        #expect(outcome.summary.unusedEntries.first?.detail == "no finding has this id or alias")
    }

    @Test func narrowingFieldsCombineWithAndListsWithOr() throws {
        let ignore = try F.ignore(
            """
            ignore:
              - id: CVE-2020-8203
                reason: both copies, by list
                purl: [pkg:npm/lodash@4.17.20, pkg:npm/underscore]
                path:
                  - /app/**
                  - /usr/lib/node_modules/**
                image: registry.example/team/app:1.4
            """)
        let (_, outcome) = F.apply(ignore)
        #expect(outcome.summary.ignoreFile == 2)
        let narrower = try F.ignore("ignore:\n  - id: CVE-2020-8203\n    reason: r\n    purl: pkg:npm/lodash\n    path: /app/**\n")
        #expect(F.apply(narrower).1.summary.ignoreFile == 1)
    }

    @Test func emptyAndMissingFiles() throws {
        #expect(try F.ignore("").entries.isEmpty)
        #expect(try F.ignore("ignore:\n").entries.isEmpty)
        #expect(throws: BulwarkError.self) { try IgnoreFile.load(path: "/nonexistent/.bulwarkignore.yaml") }
    }

    @Test func loadsFromDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-ignore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(".bulwarkignore.yaml")
        try Data("ignore:\n  - id: CVE-2024-0727\n    reason: r\n    expires: \"2026-02-01T00:00:00+01:00\"\n".utf8).write(to: file)
        let ignore = try IgnoreFile.load(path: file.path)
        #expect(ignore.entries.first?.expiresAt == Date(timeIntervalSince1970: 1_769_900_400))
    }
}

@Suite("Ignore file errors")
struct IgnoreFileErrorTests {
    @Test(arguments: [
        ("ignore:\n  - id: CVE-1\n    reason: r\n  - id: CVE-2\n", ".bulwarkignore.yaml:4", "entry 2 (CVE-2): missing required field 'reason'"),
        ("ignore:\n  - reason: r\n", ".bulwarkignore.yaml:2", "entry 1: missing required field 'id'"),
        ("ignore:\n  - id: CVE-1\n    reason: r\n    expires: 2025-13-01\n", ".bulwarkignore.yaml:4", "field 'expires': '2025-13-01' is not a date"),
        ("ignore:\n  - id: CVE-1\n    reason: r\n    expires: 2025-02-29\n", ".bulwarkignore.yaml:4", "'2025-02-29' is not a date"),
        ("ignore:\n  - id: CVE-1\n    reason: r\n    expires: next week\n", ".bulwarkignore.yaml:4", "'next week' is not a date"),
        ("ignore:\n  - id: CVE-1\n    reason: r\n    expiry: 2025-01-01\n", ".bulwarkignore.yaml:4", "unknown field 'expiry'"),
        ("ignore:\n  - id: CVE-1\n    reason: \"\"\n", ".bulwarkignore.yaml:3", "field 'reason' is empty"),
        ("ignore:\n  - id: CVE-1\n    reason: r\n    purl: openssl\n", ".bulwarkignore.yaml:4", "'openssl' is not a package URL"),
        ("ignore:\n  - id: CVE-1\n    reason: r\n    justification: because\n", ".bulwarkignore.yaml:4", "not an OpenVEX justification"),
        ("ignore:\n  - id: CVE-1\n    id: CVE-2\n    reason: r\n", ".bulwarkignore.yaml:2", "key 'id' appears twice"),
        ("ignores:\n  - id: CVE-1\n", ".bulwarkignore.yaml:1", "unknown top-level field 'ignores'"),
        ("- id: CVE-1\n", ".bulwarkignore.yaml:1", "the top level must be a mapping"),
        ("ignore:\n  - id: [CVE-1\n", ".bulwarkignore.yaml:3", "invalid YAML"),
        ("ignore: CVE-1\n", ".bulwarkignore.yaml:1", "field 'ignore' must be a list"),
    ])
    func namesFileLineAndField(yaml: String, location: String, problem: String) {
        do {
            _ = try SuppressionFixtures.ignore(yaml)
            Issue.record("expected an error for \(yaml)")
        } catch let error as BulwarkError {
            #expect(error.code == .invalidInput)
            #expect(error.message.hasPrefix(location + ":"), "\(error.message)")
            #expect(error.message.contains(problem), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func hostileInputDoesNotCrash() {
        let deep = String(repeating: "[", count: 5000)
        #expect(throws: BulwarkError.self) { try SuppressionFixtures.ignore(deep) }
        let aliasBomb = "a: &a [x, x]\nb: &b [*a, *a]\nignore: *b\n"
        #expect(throws: BulwarkError.self) { try SuppressionFixtures.ignore(aliasBomb) }
    }
}
