import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("CSAF VEX input")
struct CSAFVEXInputTests {
    typealias F = SuppressionFixtures

    static func document(status: String, flags: String = "[]", threats: String = "[]") -> String {
        """
        {
          "document": {"category": "csaf_vex", "csaf_version": "2.0", "title": "t",
                       "publisher": {"category": "vendor", "name": "Example", "namespace": "https://example.com"},
                       "tracking": {"id": "EX-1", "current_release_date": "2026-01-10T00:00:00Z", "initial_release_date": "2026-01-01T00:00:00Z",
                                    "revision_history": [], "status": "final", "version": "1"}},
          "product_tree": {
            "branches": [{"category": "vendor", "name": "Debian", "branches": [
              {"category": "product_name", "name": "openssl", "branches": [
                {"category": "product_version", "name": "3.0.11-1~deb12u2", "product": {"name": "openssl 3.0.11", "product_id": "OPENSSL",
                  "product_identification_helper": {"purl": "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12"}}}]}]}],
            "full_product_names": [
              {"name": "zlib", "product_id": "ZLIB", "product_identification_helper": {"purl": "pkg:deb/debian/zlib1g?distro=debian-11"}},
              {"name": "appliance", "product_id": "APPLIANCE"},
              {"name": "lodash", "product_id": "LODASH", "product_identification_helper": {"purl": "pkg:npm/lodash@4.17.20"}}
            ],
            "relationships": [{"category": "default_component_of", "product_reference": "LODASH", "relates_to_product_reference": "APPLIANCE",
                               "full_product_name": {"name": "lodash in appliance", "product_id": "APPLIANCE:LODASH"}}],
            "product_groups": [{"group_id": "G1", "product_ids": ["OPENSSL"]}]
          },
          "vulnerabilities": [{"cve": "CVE-2023-5678", "ids": [{"system_name": "Debian", "text": "DSA-5532-1"}],
                               "product_status": \(status), "flags": \(flags), "threats": \(threats)}]
        }
        """
    }

    @Test func knownNotAffectedWithFlagAndImpact() throws {
        let statements = try F.vex(
            Self.document(
                status: "{\"known_not_affected\": [\"OPENSSL\"]}",
                flags: "[{\"label\": \"vulnerable_code_not_in_execute_path\", \"group_ids\": [\"G1\"]}]",
                threats: "[{\"category\": \"impact\", \"details\": \"DH is unused\", \"product_ids\": [\"OPENSSL\"]}]"))
        let statement = try #require(statements.first)
        #expect(statement.vulnerability == "CVE-2023-5678")
        #expect(statement.aliases == ["DSA-5532-1"])
        #expect(statement.timestamp == "2026-01-10T00:00:00Z")
        let (_, outcome) = F.apply(nil, vex: statements)
        let suppressed = try #require(outcome.suppressed.first)
        #expect(outcome.summary.vex == 1)
        #expect(suppressed.justification == "vulnerable_code_not_in_execute_path")
        #expect(suppressed.reason == "DH is unused")
        #expect(suppressed.origin == "test.vex.json#vulnerabilities[0].product_status.known_not_affected[0]")
        #expect(suppressed.note?.contains("distro debian-12 covers debian-12.5") == true)
    }

    @Test func fixedAndRelationshipsResolveToComponents() throws {
        let report = F.report(findings: [F.finding("CVE-2023-5678", F.lodashApp), F.finding("CVE-2023-5678", F.openssl)])
        let statements = try F.vex(Self.document(status: "{\"fixed\": [\"APPLIANCE:LODASH\"], \"known_affected\": [\"OPENSSL\"]}"))
        #expect(statements.map(\.status) == [.fixed, .affected])
        let outcome = F.apply(nil, vex: statements, to: report).1
        #expect(outcome.suppressed.map(\.finding.package.name) == ["lodash"])
        #expect(outcome.suppressed.first?.status == "fixed")
    }

    @Test func qualifierMismatchAndProductsWithoutPurlAreExplained() throws {
        let report = F.report(findings: [F.finding("CVE-2023-5678", F.zlib)])
        let statements = try F.vex(Self.document(status: "{\"known_not_affected\": [\"ZLIB\", \"APPLIANCE\"]}"))
        let notices = F.apply(nil, vex: statements, to: report).1.summary.unmatchedStatements
        #expect(notices.map(\.product) == ["ZLIB", "APPLIANCE"])
        #expect(notices[0].detail.contains("qualifier distro differs (debian-11 vs debian-12.5)"), "\(notices[0].detail)")
        #expect(notices[1].detail.contains("product 'APPLIANCE' has no package URL"))
    }

    @Test func unknownProductIDsAreAnError() {
        do {
            _ = try F.vex(Self.document(status: "{\"known_not_affected\": [\"OPENSSL\", \"NOPE\"]}"), name: "advisory.csaf.json")
            Issue.record("expected an error")
        } catch let error as BulwarkError {
            #expect(
                error.message
                    == "advisory.csaf.json: vulnerabilities[0].product_status.known_not_affected[1]: unknown product id 'NOPE': product_tree does not define it")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
