import Foundation
import Testing

@testable import BulwarkVersion

private let packagingPresent = Reference.succeeds(["python3", "-c", "import packaging.version"])

@Suite struct PEP440Tests {
    let comparator = VersionScheme.pep440.comparator

    @Test(arguments: [
        ("1.0", "1.0.0", 0), ("1.0a1", "1.0", -1), ("1.0.dev1", "1.0a1", -1), ("1.0rc1", "1.0", -1), ("1.0", "1.0.post1", -1),
        ("1.0.post1.dev1", "1.0.post1", -1), ("1!0.1", "2.0", 1), ("1.0+local", "1.0", 1), ("1.0+abc", "1.0+1", -1),
        ("1.0alpha1", "1.0a1", 0), ("1.0c1", "1.0rc1", 0), ("1.0-1", "1.0.post1", 0), ("1.0rev1", "1.0.post1", 0),
        ("V1.0", "1.0", 0), ("1.0.PREVIEW2", "1.0rc2", 0), (" 1.0 ", "1.0", 0), ("1.0a", "1.0a0", 0), ("1.0-dev", "1.0.dev0", 0),
        ("1.0+ubuntu-1", "1.0+ubuntu.1", 0), ("1.0.0.dev0", "1.0a0", -1), ("2.0.post1.dev0", "2.0", 1),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    @Test(arguments: ["", "v", "1.", "1..0", "a1", "1.0+", "1.0+a..b", "1.0-", "1!", "!1", "1.0.x", "1.0 a1", "1.0ab", "1.0+a_", "french toast"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "1.0") }
    }

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        var checked = 0, rejected = 0
        for file in ["pypi-versions.txt", "pypi-versions-generated.txt"] {
            let outcome = checkFixture(try readOrderedPairs(SharedData.orderedList(file)), with: comparator)
            #expect(outcome.disagreements.isEmpty, "\(file): \(outcome.disagreements.prefix(20))")
            checked += outcome.checked
            rejected += outcome.rejected.count
        }
        // The lists include pre-PEP 440 "legacy" versions (`0.1-bulbasaur`, dates) that packaging
        // rejects too; agreesWithPackaging checks those rejections against packaging itself.
        #expect(checked > 10000)
        #expect(rejected * 50 < checked)
    }

    static func candidates() -> [String] {
        var generator = PairGenerator(seed: 0x440)
        let base = fixtureVersions(["pypi-versions.txt", "pypi-versions-generated.txt"])
            + ["1.0", "2!1.0", "1.0a1", "1.0.post1", "1.0.dev1", "1.0+local.7", "0.9-1", "1.0rc1.post2.dev3+abc.1"]
        generator.add(base, mutationsPerVersion: 2, mutate: Mutation.oneOf([
            Mutation.bumpNumber, Mutation.bumpNumber,
            Mutation.append([
                "a1", "b2", "rc1", "c1", ".post1", ".dev0", "+local.1", "-1", "alpha", "beta3", "-preview", ".pre4", "post", "rev2",
                "r3", ".dev", "-dev1", "_post_2", ".0", ".0.0", "+1.a", "+ubuntu-2", "+A_b", "a.1", "-rc-2", ".", "+", "x", "..1",
                "+a..b", "post1post2", "dev1a1", "-", "_", "a1b1", "+ü",
            ]),
            { version, _ in version.contains("!") ? version : "1!" + version },
            { version, generator in Bool.random(using: &generator) ? version.uppercased() : "v" + version },
            { version, _ in " " + version + "  " },
        ]))
        return generator.versions
    }

    @Test(.enabled(if: SharedData.present && (packagingPresent || Reference.inCI)))
    func agreesWithPackaging() throws {
        let candidates = Self.candidates()
        // 1. Validity: packaging.version.Version accepts exactly what we accept.
        let validity = """
        import sys
        from packaging.version import Version, InvalidVersion
        for line in sys.stdin.read().split("\\n")[:-1]:
            try:
                Version(line); print("V")
            except InvalidVersion:
                print("I")
        """
        let validityOutput = try Reference.run(["python3", "-c", validity], stdin: candidates.map { $0 + "\n" }.joined())
            .split(separator: "\n")
        #expect(validityOutput.count == candidates.count)
        var validityProblems: [String] = []
        for (candidate, answer) in zip(candidates, validityOutput) where comparator.isValid(candidate) != (answer == "V") {
            validityProblems.append("\(candidate.debugDescription): packaging says \(answer)")
        }
        #expect(validityProblems.isEmpty, "\(validityProblems.prefix(30))")
        // 2. Order over the valid ones.
        var generator = PairGenerator(seed: 0x441)
        generator.versions = candidates.filter { comparator.isValid($0) }
        let pairs = generator.pairs(randomCount: 6000)
        let script = """
        import sys
        from packaging.version import Version
        out = []
        for line in sys.stdin.read().split("\\n")[:-1]:
            a, b = line.split("\\t")
            va, vb = Version(a), Version(b)
            out.append("-1" if va < vb else ("1" if va > vb else "0"))
        print("\\n".join(out))
        """
        let output = try Reference.run(["python3", "-c", script], stdin: pairLines(pairs))
        let problems = disagreements(pairs, reference: parseSigns(output), comparator: comparator)
        print("[BulwarkVersion reference] pep440: \(candidates.count) strings checked for validity against packaging.version; \(validityProblems.count) disagreed")
        report(.pep440, pairs.count, against: "python packaging.version", disagreements: problems.count)
        #expect(problems.isEmpty, "\(problems)")
    }
}
