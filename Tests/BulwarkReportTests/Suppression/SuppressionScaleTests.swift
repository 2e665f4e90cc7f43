import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("Suppression at scale")
struct SuppressionScaleTests {
    /// Entries and statements are indexed by id, so thousands of each stay linear, not quadratic.
    @Test func thousandsOfFindingsEntriesAndStatements() {
        let count = 5_000
        let findings = (0..<count).map { index in
            SuppressionFixtures.finding("CVE-2025-\(10_000 + index)", SuppressionFixtures.npmPackage("p\(index)", "1.0.0", location: "/app/p\(index)"))
        }
        let entries = (0..<count).filter { $0 % 2 == 0 }.map { IgnoreEntry(id: "CVE-2025-\(10_000 + $0)", reason: "r", paths: ["/app/*"], line: $0 + 2) }
        let source = VEXSource(document: "big.json", format: .openVEX, pointer: "statements")
        let statements = (0..<count).filter { $0 % 2 == 1 }.map {
            VEXStatement(
                vulnerability: "CVE-2025-\(10_000 + $0)", products: [VEXProduct(identifier: "p", purl: PackageURL(type: "npm", name: "p\($0)"))],
                status: .fixed, source: source)
        }
        let started = Date()
        let (report, outcome) = SuppressionEngine.apply(
            to: SuppressionFixtures.report(findings: findings), ignore: IgnoreFile(path: "big.yaml", entries: entries), vex: statements,
            now: SuppressionFixtures.now)
        #expect(report.findings.isEmpty)
        #expect(outcome.summary.ignoreFile == count / 2 && outcome.summary.vex == count / 2)
        #expect(Date().timeIntervalSince(started) < 20, "took \(Date().timeIntervalSince(started)) s")
    }
}
