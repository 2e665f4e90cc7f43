import BulwarkSecrets
import Foundation
import Testing

/// Precision and recall of the built-in rules on the labelled corpus.
@Suite struct CorpusAccuracyTests {
    /// Per-rule counts.
    struct Score {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    /// Scans the corpus and matches findings to labels (same path and rule, line within the label).
    static func evaluate(_ files: [CorpusFile], scanner: SecretScanner = SecretScanner()) -> (scores: [String: Score], findings: [SecretFinding], misses: [String]) {
        var scores: [String: Score] = [:]
        var all: [SecretFinding] = []
        var misses: [String] = []
        for file in files {
            let findings = scanner.scan(path: file.path, bytes: Array(file.content.utf8)).findings
            all += findings
            var unmatched = findings
            for label in file.labels {
                if let index = unmatched.firstIndex(where: { $0.ruleID == label.ruleID && (label.line...label.endLine).contains($0.line) }) {
                    unmatched.remove(at: index)
                    scores[label.ruleID, default: Score()].truePositives += 1
                } else {
                    scores[label.ruleID, default: Score()].falseNegatives += 1
                    misses.append("missed \(label.ruleID) at \(file.path):\(label.line)")
                }
            }
            for finding in unmatched {
                scores[finding.ruleID, default: Score()].falsePositives += 1
                misses.append("false positive \(finding.ruleID) at \(file.path):\(finding.line): \(finding.snippet)")
            }
        }
        return (scores, all, misses)
    }

    @Test func everyBuiltInRuleCompiles() {
        #expect(BuiltInSecretRules.rules.count == BuiltInSecretRules.definitions.count)
        #expect(BuiltInSecretRules.rules.count >= 60)
        #expect(Set(BuiltInSecretRules.rules.map(\.id)).count == BuiltInSecretRules.rules.count, "rule ids must be unique")
    }

    @Test func everyBuiltInRuleHasPositiveAndNegativeCases() {
        let files = SecretCorpus.make()
        let labelled = Set(files.flatMap { $0.labels.map(\.ruleID) })
        var factory = TokenFactory(seed: 1)
        let negatives = Set(SecretCorpus.negativeLines(&factory).map(\.0))
        let (scores, _, _) = Self.evaluate(files)
        for rule in BuiltInSecretRules.rules {
            #expect(labelled.contains(rule.id), "no positive case for \(rule.id)")
            #expect(negatives.contains(rule.id), "no negative case for \(rule.id)")
            #expect((scores[rule.id]?.truePositives ?? 0) > 0, "\(rule.id) matched none of its positive cases")
        }
        // Labels must name real rules.
        let ids = Set(BuiltInSecretRules.rules.map(\.id))
        #expect(labelled.subtracting(ids).isEmpty, "labels for unknown rules: \(labelled.subtracting(ids))")
    }

    @Test func precisionAndRecallOnTheCorpus() {
        let (scores, findings, misses) = Self.evaluate(SecretCorpus.make())
        var total = Score()
        var table = "rule                                   TP  FP  FN  precision  recall\n"
        for (rule, score) in scores.sorted(by: { $0.key < $1.key }) {
            total.truePositives += score.truePositives
            total.falsePositives += score.falsePositives
            total.falseNegatives += score.falseNegatives
            table += rule.padding(toLength: 38, withPad: " ", startingAt: 0)
                + String(format: " %3d %3d %3d     %.3f   %.3f\n", score.truePositives, score.falsePositives, score.falseNegatives, score.precision, score.recall)
        }
        table += String(format: "OVERALL                                %3d %3d %3d     %.3f   %.3f", total.truePositives, total.falsePositives, total.falseNegatives, total.precision, total.recall)
        print(table)
        for miss in misses { print(miss) }
        #expect(total.recall >= 0.95)
        #expect(total.precision >= 0.95)
        #expect(findings.count == total.truePositives + total.falsePositives)
    }

    @Test func noFindingRevealsItsSecret() throws {
        let files = SecretCorpus.make()
        let scanner = SecretScanner()
        for file in files where !file.labels.isEmpty {
            for finding in scanner.scan(path: file.path, bytes: Array(file.content.utf8)).findings {
                let visible = finding.match.replacingOccurrences(of: "*", with: "")
                #expect(visible.count <= 4, "\(finding.ruleID) shows \(visible.count) characters")
                #expect(finding.match.contains("****"))
                #expect(finding.snippet.utf8.count <= 200)
                let json = String(decoding: try JSONEncoder().encode(finding), as: UTF8.self)
                // No planted token (20+ token characters mixing letters and digits, high entropy) survives.
                for line in file.content.split(separator: "\n") {
                    for token in line.split(whereSeparator: { !($0.isLetter || $0.isNumber || "+/_.-~".contains($0)) })
                    where token.count >= 20 && !token.contains(".") && !token.hasPrefix("PuTTY") && token.contains(where: \.isNumber) && token.contains(where: \.isLetter)
                        && Self.entropy(token) >= 3.5 && (finding.snippet.contains(token) || json.contains(token)) {
                        Issue.record("\(finding.ruleID) reveals \(token.prefix(6))…")
                    }
                }
                #expect(!json.isEmpty)
            }
        }
    }

    static func entropy(_ text: Substring) -> Double {
        var counts: [Character: Int] = [:]
        for character in text { counts[character, default: 0] += 1 }
        let total = Double(text.count)
        return counts.values.reduce(0) { $0 - Double($1) / total * log2(Double($1) / total) }
    }

    /// With BULWARK_DUMP_SECRET_CORPUS=DIR, writes the corpus under DIR/files, the labels to
    /// DIR/labels.json and Bulwark's findings to DIR/bulwark.json (`{"secrets": [...]}`, paths
    /// relative to DIR/files) for benchmarks/secrets-accuracy.sh.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BULWARK_DUMP_SECRET_CORPUS"] != nil))
    func dumpCorpus() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["BULWARK_DUMP_SECRET_CORPUS"] ?? "/tmp")
        let files = SecretCorpus.make()
        let root = directory.appendingPathComponent("files")
        try? FileManager.default.removeItem(at: root)
        for file in files {
            let target = root.appendingPathComponent(String(file.path.dropFirst()))
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.content.utf8).write(to: target)
        }
        let labels = files.flatMap { file in file.labels.map { label in
            var relative = label
            relative.path = String(label.path.dropFirst())
            return relative
        } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(labels).write(to: directory.appendingPathComponent("labels.json"))
        let scanner = SecretScanner()
        var findings: [SecretFinding] = []
        for file in files {
            findings += scanner.scan(path: String(file.path.dropFirst()), bytes: Array(file.content.utf8)).findings
        }
        try encoder.encode(["secrets": findings]).write(to: directory.appendingPathComponent("bulwark.json"))
        #expect(!findings.isEmpty)
    }
}
