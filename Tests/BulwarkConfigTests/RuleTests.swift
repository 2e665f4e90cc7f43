import BulwarkConfig
import BulwarkCore
import Testing

/// Every rule fires on its positive example (at the expected line) and stays silent on its negative one.
@Suite struct RuleTests {
    static let cases = DockerfileRuleCases.all + ComposeRuleCases.all + KubernetesRuleCases.all

    @Test(arguments: cases)
    func firesOnPositiveExample(_ example: RuleCase) {
        let report = ConfigScanner.scan(text: example.positive, kind: example.kind, path: "example", options: example.options, hasDockerignore: false)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let hits = report.findings.filter { $0.rule.id == example.ruleID }
        #expect(!hits.isEmpty, "\(example.ruleID) did not fire; got \(report.findings.map(\.rule.id))")
        if let line = example.line {
            #expect(hits.contains { $0.line == line }, "\(example.ruleID) lines \(hits.map(\.line)), expected \(line)")
        }
        for hit in hits {
            #expect(!hit.snippet.isEmpty)
            #expect(hit.endLine >= hit.line)
        }
    }

    @Test(arguments: cases)
    func silentOnNegativeExample(_ example: RuleCase) {
        let report = ConfigScanner.scan(text: example.negative, kind: example.kind, path: "example", options: example.options, hasDockerignore: false)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let hits = report.findings.filter { $0.rule.id == example.ruleID }
        #expect(hits.isEmpty, "\(example.ruleID) fired on the negative example: \(hits.map(\.message))")
    }

    @Test func everyRuleHasAnExample() {
        let covered = Set(Self.cases.map(\.ruleID) + ImageRuleCases.all.map(\.ruleID))
        let missing = RuleCatalog.all.map(\.id).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "rules without positive/negative examples: \(missing)")
    }

    @Test func ruleIDsAreUniqueAndComplete() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in RuleCatalog.all {
            #expect(!rule.title.isEmpty && !rule.description.isEmpty && !rule.remediation.isEmpty, "\(rule.id)")
            let prefix: String
            switch rule.kind {
            case .dockerfile: prefix = "BW-DF-"
            case .compose: prefix = "BW-DC-"
            case .kubernetes: prefix = "BW-K8S-"
            case .image: prefix = "BW-IMG-"
            }
            #expect(rule.id.hasPrefix(prefix), "\(rule.id)")
        }
    }

    @Test func optInRulesStayOffByDefault() {
        let report = ConfigScanner.scan(text: "FROM quay.io/x/y:1\nUSER 1\nHEALTHCHECK NONE\n", kind: .dockerfile, path: "Dockerfile", hasDockerignore: true)
        #expect(!report.findings.contains { $0.rule.optIn })
    }
}
