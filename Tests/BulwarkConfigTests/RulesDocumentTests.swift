import BulwarkConfig
import Foundation
import Testing

/// docs/rules.md is generated from the rule definitions; it must not drift from the code.
@Suite struct RulesDocumentTests {
    static let documentPath = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/rules.md").path

    @Test func committedRulesReferenceMatchesGeneratedOutput() throws {
        let committed = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        #expect(committed == RulesReference.markdown(), "docs/rules.md is stale: run `bulwark config --list-rules --format markdown > docs/rules.md`")
    }

    @Test func referenceListsEveryRule() {
        let markdown = RulesReference.markdown()
        for rule in RuleCatalog.all {
            #expect(markdown.contains("### \(rule.id)"), "\(rule.id)")
        }
    }
}
