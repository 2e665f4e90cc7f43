import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("OpenVEX input")
struct OpenVEXInputTests {
    typealias F = SuppressionFixtures

    static func document(_ statements: String) -> String {
        """
        {
          "@context": "https://openvex.dev/ns/v0.2.0",
          "@id": "https://example.com/vex/1",
          "author": "Security Team",
          "timestamp": "2026-01-10T00:00:00Z",
          "version": 1,
          "statements": [\(statements)]
        }
        """
    }

    @Test func notAffectedWithJustificationSuppresses() throws {
        let statements = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2023-45853"},
                 "products": [{"@id": "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?distro=debian-12"}],
                 "status": "not_affected", "justification": "vulnerable_code_not_present",
                 "impact_statement": "minizip is not built"}
                """))
        let (report, outcome) = F.apply(nil, vex: statements, show: true)
        #expect(!report.findings.contains { $0.id == "CVE-2023-45853" })
        #expect(outcome.summary.vex == 1)
        #expect(outcome.summary.ignoreFile == 0)
        let suppressed = try #require(report.suppressed?.first)
        #expect(suppressed.source == .vex)
        #expect(suppressed.status == "not_affected")
        #expect(suppressed.justification == "vulnerable_code_not_present")
        #expect(suppressed.reason == "minizip is not built")
        #expect(suppressed.origin == "test.vex.json#statements[0]")
        #expect(suppressed.note?.contains("distro debian-12 covers debian-12.5 (distro is compared as a release prefix)") == true)
        #expect(outcome.summary.unmatchedStatements.isEmpty)
    }

    @Test func fixedSuppressesAndAffectedDoesNot() throws {
        let statements = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2024-0727"}, "products": [{"@id": "pkg:deb/debian/openssl"}], "status": "fixed"},
                {"vulnerability": {"name": "CVE-2023-45853"}, "products": [{"@id": "pkg:deb/debian/zlib1g"}], "status": "affected",
                 "action_statement": "upgrade"}
                """))
        let (report, outcome) = F.apply(nil, vex: statements)
        #expect(outcome.suppressed.map(\.finding.id) == ["CVE-2024-0727"])
        #expect(outcome.suppressed.first?.status == "fixed")
        #expect(report.findings.contains { $0.id == "CVE-2023-45853" })
    }

    @Test func theLatestStatementWins() throws {
        let statements = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2024-0727"}, "products": [{"@id": "pkg:deb/debian/openssl"}], "status": "affected",
                 "timestamp": "2026-01-12T00:00:00Z"},
                {"vulnerability": {"name": "CVE-2024-0727"}, "products": [{"@id": "pkg:deb/debian/openssl"}], "status": "not_affected",
                 "justification": "inline_mitigations_already_exist", "timestamp": "2026-01-11T00:00:00Z"}
                """))
        #expect(F.apply(nil, vex: statements).1.summary.vex == 0)
    }

    @Test func matchesThroughAliasesAndSubcomponents() throws {
        let statements = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2020-8203", "aliases": ["GHSA-p6mc-m468-83gw"]},
                 "products": [{"@id": "pkg:oci/app", "subcomponents": [{"@id": "pkg:npm/lodash@4.17.20"}]}],
                 "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}
                """))
        #expect(F.apply(nil, vex: statements).1.summary.vex == 2)
        let otherImage = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2020-8203"},
                 "products": [{"@id": "pkg:oci/other", "subcomponents": [{"@id": "pkg:npm/lodash@4.17.20"}]}],
                 "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}
                """))
        let outcome = F.apply(nil, vex: otherImage).1
        #expect(outcome.summary.vex == 0)
        #expect(outcome.summary.unmatchedStatements.first?.detail.contains("limited to pkg:oci/other") == true)
    }

    @Test func qualifierMismatchIsExplained() throws {
        let statements = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2023-5678"},
                 "products": [{"@id": "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-11"}],
                 "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}
                """))
        let (report, outcome) = F.apply(nil, vex: statements)
        #expect(outcome.summary.vex == 0)
        let notice = try #require(outcome.summary.unmatchedStatements.first)
        #expect(notice.id == "CVE-2023-5678")
        #expect(notice.product == "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-11")
        #expect(notice.detail.contains("qualifier distro differs (debian-11 vs debian-12.5)"), "\(notice.detail)")
        #expect(notice.detail.contains("distro is compared as a release prefix"))
        #expect(report.warnings.contains { $0.contains("VEX statement for CVE-2023-5678") && $0.contains("distro differs") })
    }

    @Test func theClassicDistroPointReleaseCaseMatchesAndSaysWhy() throws {
        let report = F.report(findings: [F.finding("CVE-2023-5678", F.debPackage("openssl", "3.0.11-1", distro: "debian-12.5"))])
        let statements = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2023-5678"}, "products": [{"@id": "pkg:deb/debian/openssl@3.0.11-1?distro=debian-12"}],
                 "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}
                """))
        let outcome = F.apply(nil, vex: statements, to: report).1
        #expect(outcome.summary.vex == 1)
        #expect(outcome.suppressed.first?.note == "distro debian-12 covers debian-12.5 (distro is compared as a release prefix)")
        // debian-12 must not cover debian-120 or debian-1.
        #expect(!PurlMatch.compare(try #require(PackageURL(parsing: "pkg:deb/debian/openssl?distro=debian-1")), with: F.openssl).isMatch)
    }

    @Test func unmatchedStatementsSayWhy() throws {
        let statements = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2099-0001"}, "products": [{"@id": "pkg:deb/debian/openssl"}], "status": "not_affected",
                 "justification": "component_not_present"},
                {"vulnerability": {"name": "CVE-2024-0727"}, "products": [{"@id": "pkg:deb/debian/openssl@3.0.9-1"}], "status": "fixed"},
                {"vulnerability": {"name": "CVE-2024-0727"}, "products": [{"@id": "pkg:deb/debian/libssl3"}], "status": "fixed"},
                {"vulnerability": {"name": "CVE-2024-0727"}, "products": [{"@id": "urn:example:product"}], "status": "fixed"}
                """))
        let notices = F.apply(nil, vex: statements).1.summary.unmatchedStatements
        #expect(notices.count == 4)
        #expect(notices[0].detail.hasPrefix("no finding has id CVE-2099-0001"))
        #expect(notices[1].detail.contains("version differs (3.0.9-1 vs 3.0.11-1~deb12u2)"))
        #expect(notices[2].detail.contains("no finding for CVE-2024-0727 is in pkg:deb/debian/libssl3; it was found in pkg:deb/debian/openssl@"))
        #expect(notices[3].detail.contains("has no package URL"))
    }

    @Test func ignoreFileWinsOverVEXAndBothAreCounted() throws {
        let ignore = try F.ignore("ignore:\n  - id: CVE-2024-0727\n    reason: r\n")
        let statements = try F.vex(
            Self.document(
                """
                {"vulnerability": {"name": "CVE-2024-0727"}, "products": [{"@id": "pkg:deb/debian/openssl"}], "status": "fixed"},
                {"vulnerability": {"name": "CVE-2023-45853"}, "products": [{"@id": "pkg:deb/debian/zlib1g"}], "status": "fixed"}
                """))
        let (report, outcome) = F.apply(ignore, vex: statements)
        #expect(outcome.summary.ignoreFile == 1)
        #expect(outcome.summary.vex == 1)
        #expect(report.suppression?.total == 2)
        #expect(report.findings.count == 3)
        #expect(outcome.summary.unmatchedStatements.isEmpty, "a statement shadowed by the ignore file still matched")
    }

    @Test(arguments: [
        ("{", "not a JSON VEX document"),
        ("[]", "the top level is not a JSON object"),
        ("{\"hello\": 1}", "not a VEX document Bulwark reads"),
        ("{\"@context\": \"https://openvex.dev/ns/v0.2.0\"}", "statements: expected a list"),
        (document("{\"vulnerability\": {\"name\": \"CVE-1\"}, \"products\": [\"pkg:npm/a\"], \"status\": \"ok\"}"), "statements[0].status: 'ok' is not an OpenVEX status"),
        (document("{\"products\": [\"pkg:npm/a\"], \"status\": \"fixed\"}"), "statements[0].vulnerability: expected an object"),
        (document("{\"vulnerability\": \"CVE-1\", \"products\": [{}], \"status\": \"fixed\"}"), "statements[0].products[0]: a product needs an @id"),
    ])
    func badDocumentsNameTheFileAndField(json: String, problem: String) {
        do {
            _ = try F.vex(json, name: "bad.json")
            Issue.record("expected an error")
        } catch let error as BulwarkError {
            #expect(error.message.hasPrefix("bad.json"), "\(error.message)")
            #expect(error.message.contains(problem), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func hostileDocumentsFailCleanly() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: BulwarkError.self) { try F.vex(deep) }
        let deepProducts = Self.document(
            "{\"vulnerability\": \"CVE-1\", \"status\": \"fixed\", \"products\": " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}")
        #expect(throws: BulwarkError.self) { try F.vex(deepProducts) }
    }

    @Test func loadsDirectoriesOfDocuments() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-vex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let one = Self.document("{\"vulnerability\": \"CVE-2024-0727\", \"products\": [\"pkg:deb/debian/openssl\"], \"status\": \"fixed\"}")
        try Data(one.utf8).write(to: directory.appendingPathComponent("b.json"))
        try Data(one.utf8).write(to: directory.appendingPathComponent("sub/a.json"))
        try Data("not json".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let statements = try VEXDocumentLoader.load(paths: [directory.path])
        #expect(statements.map { ($0.source.document as NSString).lastPathComponent } == ["b.json", "a.json"])
        #expect(throws: BulwarkError.self) { try VEXDocumentLoader.load(paths: [directory.appendingPathComponent("missing.json").path]) }
    }
}
