import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

/// Merging hostile projects stays bounded: limits become errors naming the file, never crashes or hangs.
@Suite struct ComposeMergeHostileInputTests {
    @Test func deepNestingBeyondTheLimitIsRejected() {
        let deep = "x-deep: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        #expect {
            try ComposeProject.merge(files: [("a.yaml", "services: {}\n"), ("deep.yaml", deep)])
        } throws: { error in
            (error as? BulwarkError)?.message.hasPrefix("deep.yaml:1: Compose nesting deeper than") == true
        }
        let report = ConfigScanner.scanComposeProject(files: [("a.yaml", "services: {}\n"), ("deep.yaml", deep)])
        #expect(report.warnings.count == 1)
    }

    @Test func hugeSequencesMergeInLinearTime() throws {
        let count = 50_000
        let base = "services:\n  web:\n    image: a:1\n    cap_add:\n" + (0..<count).map { "      - C\($0)\n" }.joined()
            + "    environment:\n" + (0..<count).map { "      - K\($0)=v\n" }.joined()
        let override = "services:\n  web:\n    cap_add:\n" + (0..<count).map { "      - C\($0 * 2)\n" }.joined()
            + "    environment:\n" + (0..<count).map { "      K\($0 * 2): w\n" }.joined()
        let start = ContinuousClock.now
        let model = try ComposeProject.merge(files: [("a.yaml", base), ("b.yaml", override)])
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(model.root.value(at: ["services", "web", "cap_add"])?.elements.count == count + count / 2)
        #expect(model.root.value(at: ["services", "web", "environment"])?.entries.count == count + count / 2)
    }

    @Test func valueBudgetIsEnforcedAcrossFiles() {
        let list = "x-list: [" + Array(repeating: "1", count: 600).joined(separator: ",") + "]\n"
        #expect(throws: BulwarkError.self) {
            try ComposeProject.merge(files: [("a.yaml", list), ("b.yaml", list)], options: ComposeMergeOptions(maximumValues: 1_000))
        }
        #expect(throws: Never.self) { try ComposeProject.merge(files: [("a.yaml", list)], options: ComposeMergeOptions(maximumValues: 1_000)) }
    }

    @Test func aliasBombInAnOverrideIsRejected() {
        var bomb = "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        let start = ContinuousClock.now
        let report = ConfigScanner.scanComposeProject(files: [("a.yaml", "services: {}\n"), ("bomb.yaml", bomb)])
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(report.warnings.first?.hasPrefix("bomb.yaml:") == true, "\(report.warnings)")
    }

    @Test func garbageValuesDoNotConfuseTheMerge() throws {
        let model = try ComposeProject.merge(files: [
            ("a.yaml", "services:\n  web:\n    ports: [{published: 1}, [1, 2], ~]\n    environment: [{a: b}, 3]\n    volumes: [{}]\n"),
            ("b.yaml", "services:\n  web:\n    ports: [{}, \"::\"]\n    environment: {x: [1]}\n    volumes: [{target: /x}]\n    extra_hosts: 5\n"),
        ])
        #expect(model.root.value(at: ["services", "web", "ports"])?.elements.count == 5)
    }
}
