import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("vex create (OpenVEX writer)")
struct OpenVEXWriterTests {
    typealias F = SuppressionFixtures

    static let decisions = [
        OpenVEXDecision(
            vulnerability: "CVE-2023-5678", products: ["pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12"], status: .notAffected,
            justification: "vulnerable_code_not_in_execute_path", impactStatement: "DH is never used"),
        OpenVEXDecision(vulnerability: "CVE-2023-45853", products: ["pkg:deb/debian/zlib1g", "pkg:deb/debian/zlib1g"], status: .fixed),
        OpenVEXDecision(vulnerability: "CVE-2024-0727", products: ["pkg:deb/debian/openssl"], status: .affected, actionStatement: "upgrade to 3.0.13"),
    ]

    @Test func roundTripCreateThenApply() throws {
        let bytes = try OpenVEXWriter.document(decisions: Self.decisions, author: "Security Team", timestamp: "2026-01-14T00:00:00Z")
        let statements = try VEXDocumentLoader.parse(Data(bytes), document: "created.json")
        #expect(statements.count == 3)
        let (report, outcome) = F.apply(nil, vex: statements)
        #expect(Set(outcome.suppressed.map(\.finding.id)) == ["CVE-2023-5678", "CVE-2023-45853"])
        let openssl = outcome.suppressed.first { $0.finding.id == "CVE-2023-5678" }
        #expect(openssl?.justification == "vulnerable_code_not_in_execute_path")
        #expect(openssl?.reason == "DH is never used", "read back from status_notes")
        #expect(report.findings.contains { $0.id == "CVE-2024-0727" }, "affected does not suppress")
        #expect(outcome.summary.unmatchedStatements.isEmpty)
    }

    @Test func outputIsDeterministic() throws {
        let one = try OpenVEXWriter.document(decisions: Self.decisions, author: "a", timestamp: "2026-01-14T00:00:00Z")
        let two = try OpenVEXWriter.document(decisions: Self.decisions.reversed(), author: "a", timestamp: "2026-01-14T00:00:00Z")
        #expect(one == two)
        let later = try OpenVEXWriter.document(decisions: Self.decisions, author: "a", timestamp: "2026-01-15T00:00:00Z")
        #expect(one != later)
    }

    /// Checks every rule of the OpenVEX v0.2.0 JSON schema (openvex/spec `openvex_json_schema.json`):
    /// required and allowed keys at each level, types, enums, uniqueness, and the status-dependent
    /// rules (not_affected: exactly one of justification and impact_statement; affected: action_statement).
    @Test func followsTheOpenVEXSchema() throws {
        let decisions = Self.decisions + [Self.decisions[0]]  // a duplicate decision must not give a duplicate statement
        let bytes = try OpenVEXWriter.document(decisions: decisions, author: "Security Team", timestamp: "2026-01-14T00:00:00Z", tooling: "bulwark 0.1.0")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let required: Set<String> = ["@context", "@id", "author", "timestamp", "version", "statements"]
        let allowed = required.union(["role", "last_updated", "tooling"])
        #expect(required.isSubset(of: Set(document.keys)) && Set(document.keys).isSubset(of: allowed))
        #expect(document["@context"] as? String == "https://openvex.dev/ns/v0.2.0")
        let id = try #require(document["@id"] as? String)
        #expect(URL(string: id)?.scheme == "https")
        #expect(id.hasPrefix("https://openvex.dev/docs/public/vex-") && id.count == "https://openvex.dev/docs/public/vex-".count + 40)
        #expect((document["version"] as? Int ?? 0) >= 1)
        #expect(document["author"] is String && document["tooling"] is String)
        #expect((document["timestamp"] as? String).flatMap(SuppressionDate.timestamp) != nil)
        let statements = try #require(document["statements"] as? [[String: Any]])
        #expect(statements.count == 3, "minItems 1, uniqueItems")
        #expect(statements.map { ($0["vulnerability"] as? [String: Any])?["name"] as? String } == ["CVE-2023-45853", "CVE-2023-5678", "CVE-2024-0727"])
        let statementKeys: Set<String> = [
            "@id", "version", "vulnerability", "timestamp", "last_updated", "products", "status", "supplier", "status_notes", "justification",
            "impact_statement", "action_statement", "action_statement_timestamp",
        ]
        for statement in statements {
            #expect(Set(statement.keys).isSubset(of: statementKeys))
            let vulnerability = try #require(statement["vulnerability"] as? [String: Any])
            #expect(vulnerability["name"] is String && Set(vulnerability.keys).isSubset(of: ["@id", "name", "description", "aliases"]))
            let status = try #require(statement["status"] as? String)
            #expect(VEXStatus(rawValue: status) != nil)
            let products = try #require(statement["products"] as? [[String: Any]])
            #expect(!products.isEmpty && products.allSatisfy { ($0["@id"] as? String)?.isEmpty == false })
            #expect(products.allSatisfy { Set($0.keys).isSubset(of: ["@id", "identifiers", "hashes", "subcomponents"]) })
            #expect(Set(products.compactMap { $0["@id"] as? String }).count == products.count, "uniqueItems")
            if status == "not_affected" {
                #expect((statement["justification"] != nil) != (statement["impact_statement"] != nil), "exactly one of the two")
            }
            if status == "affected" { #expect(statement["action_statement"] is String) }
            if let justification = statement["justification"] as? String {
                #expect(IgnoreFileParser.openVEXJustifications.contains(justification))
            }
        }
        #expect(statements[1]["status_notes"] as? String == "DH is never used", "the impact text is kept when a justification is given")
        #expect(statements[0]["products"] as? [[String: String]] == [["@id": "pkg:deb/debian/zlib1g"]], "duplicates removed")
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("}\n"))
    }

    @Test func impactStatementAloneIsWrittenAsSuch() throws {
        let decision = OpenVEXDecision(vulnerability: "CVE-1", products: ["pkg:npm/a"], status: .notAffected, impactStatement: "not loaded")
        let bytes = try OpenVEXWriter.document(decisions: [decision], author: "a", timestamp: "2026-01-14T00:00:00Z")
        let statement = try #require(try VEXDocumentLoader.parse(Data(bytes), document: "x.json").first)
        #expect(statement.impactStatement == "not loaded" && statement.justification == nil)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"impact_statement\" : \"not loaded\""))
    }

    @Test(arguments: [
        (OpenVEXDecision(vulnerability: "CVE-1", products: ["pkg:npm/a"], status: .notAffected), "needs a justification or an impact statement"),
        (OpenVEXDecision(vulnerability: "CVE-1", products: [], status: .fixed), "at least one product"),
        (OpenVEXDecision(vulnerability: "CVE-1", products: ["pkg:npm/a"], status: .affected), "needs an action statement"),
        (OpenVEXDecision(vulnerability: "CVE-1", products: ["pkg:npm/a"], status: .fixed, justification: "component_not_present"), "only allowed with status not_affected"),
        (OpenVEXDecision(vulnerability: "CVE-1", products: ["pkg:npm/a"], status: .notAffected, justification: "trust me"), "not an OpenVEX justification"),
    ])
    func rejectsInvalidDecisions(decision: OpenVEXDecision, problem: String) {
        do {
            _ = try OpenVEXWriter.document(decisions: [decision], author: "a", timestamp: "2026-01-14T00:00:00Z")
            Issue.record("expected an error")
        } catch let error as BulwarkError {
            #expect(error.message.contains(problem), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func fromIgnoreFileThenApplyGivesTheSameSuppression() throws {
        let ignore = try F.ignore(
            """
            ignore:
              - id: CVE-2023-5678
                reason: DH is never used
                justification: vulnerable_code_not_in_execute_path
                purl: pkg:deb/debian/openssl?distro=debian-12
              - id: CVE-2023-45853
                reason: no purl, cannot be written
              - id: CVE-2024-0727
                reason: old
                purl: pkg:deb/debian/openssl
                expires: 2025-01-01
            """)
        let (decisions, skipped) = OpenVEXWriter.decisions(from: ignore, now: F.now)
        #expect(decisions.count == 1)
        #expect(skipped.map(\.origin) == [".bulwarkignore.yaml:6", ".bulwarkignore.yaml:8"])
        let bytes = try OpenVEXWriter.document(decisions: decisions, author: "a", timestamp: "2026-01-14T00:00:00Z")
        let vexOutcome = F.apply(nil, vex: try VEXDocumentLoader.parse(Data(bytes), document: "from-ignore.json")).1
        let ignoreOutcome = F.apply(ignore).1
        // The purl-less entry suppresses zlib through the ignore file but cannot become a statement.
        #expect(ignoreOutcome.suppressed.map(\.finding.id) == ["CVE-2023-5678", "CVE-2023-45853"])
        #expect(vexOutcome.suppressed.map(\.finding) == ignoreOutcome.suppressed.filter { $0.finding.id == "CVE-2023-5678" }.map(\.finding))
        #expect(vexOutcome.suppressed.first?.reason == "DH is never used")
    }
}
