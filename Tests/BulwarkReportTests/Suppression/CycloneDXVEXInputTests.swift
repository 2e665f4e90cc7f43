import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("CycloneDX VEX input")
struct CycloneDXVEXInputTests {
    typealias F = SuppressionFixtures

    static func bom(specVersion: String = "1.6", vulnerabilities: String) -> String {
        """
        {
          "bomFormat": "CycloneDX", "specVersion": "\(specVersion)", "version": 1,
          "metadata": {"component": {"type": "container", "name": "app", "bom-ref": "app"}},
          "components": [
            {"type": "library", "name": "openssl", "bom-ref": "ref-openssl",
             "purl": "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12",
             "components": [{"type": "library", "name": "zlib1g", "bom-ref": "nested-zlib", "purl": "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1"}]}
          ],
          "vulnerabilities": [\(vulnerabilities)]
        }
        """
    }

    @Test(arguments: ["1.4", "1.5", "1.6"])
    func analysisStatesApplyThroughBomRefs(specVersion: String) throws {
        let statements = try F.vex(
            Self.bom(
                specVersion: specVersion,
                vulnerabilities: """
                    {"id": "CVE-2023-5678", "analysis": {"state": "not_affected", "justification": "code_not_reachable", "detail": "no DH"},
                     "affects": [{"ref": "ref-openssl"}]},
                    {"id": "CVE-2023-45853", "analysis": {"state": "resolved"}, "affects": [{"ref": "nested-zlib"}]},
                    {"id": "CVE-2024-0727", "analysis": {"state": "exploitable"}, "affects": [{"ref": "ref-openssl"}]},
                    {"id": "GHSA-p6mc-m468-83gw", "affects": [{"ref": "pkg:npm/lodash@4.17.20"}]}
                    """))
        #expect(statements.map(\.status) == [.notAffected, .fixed, .affected])
        let (report, outcome) = F.apply(nil, vex: statements, show: true)
        #expect(outcome.summary.vex == 2)
        #expect(Set(outcome.suppressed.map(\.finding.id)) == ["CVE-2023-5678", "CVE-2023-45853"])
        let openssl = try #require(report.suppressed?.first { $0.finding.id == "CVE-2023-5678" })
        #expect(openssl.justification == "code_not_reachable")
        #expect(openssl.reason == "no DH")
        #expect(openssl.status == "not_affected")
        #expect(report.findings.contains { $0.id == "CVE-2024-0727" })
    }

    @Test func purlRefsAndBomLinksResolve() throws {
        let statements = try F.vex(
            Self.bom(
                vulnerabilities: """
                    {"id": "CVE-2020-8203", "analysis": {"state": "false_positive"},
                     "affects": [{"ref": "pkg:npm/lodash@4.17.20"}, {"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#ref-openssl"},
                                 {"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#elsewhere"}]}
                    """))
        let statement = try #require(statements.first)
        #expect(statement.justification == "false_positive")
        #expect(statement.products.map { $0.purl?.name } == ["lodash", "openssl", nil])
        let outcome = F.apply(nil, vex: statements).1
        #expect(outcome.summary.vex == 2)
        #expect(outcome.summary.unmatchedStatements.isEmpty, "the statement matched, and the other BOM's product is no near miss")
    }

    @Test func qualifierMismatchIsExplained() throws {
        let statements = try F.vex(
            Self.bom(
                vulnerabilities: """
                    {"id": "CVE-2024-0727", "analysis": {"state": "not_affected", "justification": "code_not_present"},
                     "affects": [{"ref": "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=arm64"}]}
                    """))
        let notice = try #require(F.apply(nil, vex: statements).1.summary.unmatchedStatements.first)
        #expect(notice.detail.contains("qualifier arch differs (arm64 vs amd64)"), "\(notice.detail)")
    }

    @Test(arguments: [
        ("{\"id\": \"CVE-1\", \"analysis\": {\"state\": \"maybe\"}, \"affects\": [{\"ref\": \"ref-openssl\"}]}", "vulnerabilities[0].analysis.state: 'maybe'"),
        ("{\"id\": \"CVE-1\", \"analysis\": {\"state\": \"resolved\"}, \"affects\": [{\"ref\": \"ghost\"}]}", "vulnerabilities[0].affects[0].ref: 'ghost' names no component"),
        ("{\"analysis\": {\"state\": \"resolved\"}, \"affects\": []}", "vulnerabilities[0].id: missing required field"),
        ("{\"id\": \"CVE-1\", \"analysis\": {\"state\": \"resolved\"}}", "vulnerabilities[0].affects: expected a list"),
    ])
    func badDocumentsNameTheFieldAndProduct(vulnerability: String, problem: String) {
        do {
            _ = try F.vex(Self.bom(vulnerabilities: vulnerability), name: "app.cdx.json")
            Issue.record("expected an error")
        } catch let error as BulwarkError {
            #expect(error.message.hasPrefix("app.cdx.json: "), "\(error.message)")
            #expect(error.message.contains(problem), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
