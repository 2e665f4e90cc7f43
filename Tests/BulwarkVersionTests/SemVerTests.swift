import Foundation
import Testing

@testable import BulwarkVersion

/// node-semver as shipped inside npm.
private let nodeSemverPath: String? = {
    guard Reference.executable("node") != nil, let root = try? Reference.run(["npm", "root", "-g"]) else { return nil }
    let path = root.trimmingCharacters(in: .whitespacesAndNewlines) + "/npm/node_modules/semver"
    return FileManager.default.fileExists(atPath: path + "/package.json") ? path : nil
}()

@Suite struct SemVerTests {
    let strict = VersionScheme.semver.comparator
    let npm = VersionScheme.npm.comparator
    let cargo = VersionScheme.cargo.comparator

    @Test(arguments: [
        ("1.0.0-alpha", "1.0.0-alpha.1", -1), ("1.0.0-alpha.1", "1.0.0-alpha.beta", -1), ("1.0.0-beta.2", "1.0.0-beta.11", -1),
        ("1.0.0-rc.1", "1.0.0", -1), ("1.0.0+build.1", "1.0.0+build.2", 0), ("2.0.0", "10.0.0", -1), ("1.0.0-a-b", "1.0.0-a", 1),
        ("99999999999999999999999.0.0", "99999999999999999999998.0.0", 1), ("1.0.0-0", "1.0.0-A", -1),
    ])
    func strictOrdersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try strict.compare(lhs, rhs).signum() == expected)
        #expect(try strict.compare(rhs, lhs).signum() == -expected)
    }

    @Test(arguments: ["", "1", "1.2", "v1.2.3", "=1.2.3", "01.2.3", "1.02.3", "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1.2.3.4", " 1.2.3", "1.2.3-ü"])
    func strictRejects(version: String) {
        #expect(!strict.isValid(version))
        #expect(throws: VersionError.self) { try strict.compare(version, "1.0.0") }
    }

    @Test(arguments: [("v1.2.3", "1.2.3", 0), ("=1.2.3", "1.2.3", 0), (" =v1.2.3 ", "1.2.3", 0), ("1.2.3beta", "1.2.3-beta", 0), ("01.2.3", "1.2.3", 0)])
    func npmAcceptsLooseForms(lhs: String, rhs: String, expected: Int) throws {
        #expect(try npm.compare(lhs, rhs).signum() == expected)
    }

    @Test(arguments: ["", "1.2", "1.2.3.4", "9007199254740992.0.0", "x1.2.3", "1.2.3 4"])
    func npmRejects(version: String) {
        #expect(!npm.isValid(version))
        #expect(throws: VersionError.self) { try npm.compare(version, "1.0.0") }
    }

    @Test func cargoLimitsNumbersTo64Bits() throws {
        #expect(cargo.isValid("18446744073709551615.0.0"))
        #expect(!cargo.isValid("18446744073709551616.0.0"))
        #expect(!cargo.isValid("v1.0.0"))
        #expect(try cargo.compare("1.0.0-alpha.1", "1.0.0-alpha.beta") < 0)
    }

    /// osv-scanner's lenient readings that SemVer itself rejects.
    static let lenientFixtureVersions: Set<String> = ["1.1.3.4.5", "999999999999999999999999999991", "999999999999999999999999999999",
        "999999999999999999999999999991.999999999999999999999999999991.999999999999999999999999999991",
        "999999999999999999999999999999.999999999999999999999999999991.999999999999999999999999999991"]

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        let pairs = try readOrderedPairs(SharedData.orderedList("semver-versions.txt"))
        let outcome = checkFixture(pairs, with: npm)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.prefix(20))")
        let unexpected = outcome.rejected.filter { !Self.lenientFixtureVersions.contains($0.lhs) && !Self.lenientFixtureVersions.contains($0.rhs) }
        #expect(unexpected.isEmpty, "\(unexpected)")
        #expect(outcome.checked > 80)
        let strictOutcome = checkFixture(pairs.filter { !$0.lhs.hasPrefix("v") && !$0.rhs.hasPrefix("v") }, with: strict)
        #expect(strictOutcome.disagreements.isEmpty, "\(strictOutcome.disagreements.prefix(20))")
    }

    static func candidates() -> [String] {
        var generator = PairGenerator(seed: 0x5E3)
        let base = fixtureVersions(["semver-versions.txt", "pub-versions.txt"])
            + ["1.0.0", "0.0.1-alpha.1", "2.3.4-rc.1+build.5", "10.20.30", "1.0.0-x-y-z.--", "1.0.0-0.3.7"]
        generator.add(base, mutationsPerVersion: 3, mutate: Mutation.oneOf([
            Mutation.bumpNumber, Mutation.bumpNumber,
            Mutation.append(["-alpha", "-alpha.1", "-beta.2", ".1", "-rc.01", "-0", "+build", "+build.01", "-x.7.z.92", "-", "+", "..",
                             "-A", "-a-b", ".0", "beta", "-α", "-1.2.3", "+001", "-00", "-09"]),
            { version, generator in ["v", "=", " ", "=v", "V"].randomElement(using: &generator)! + version },
            { version, _ in "0" + version },
        ]))
        return generator.versions
    }

    @Test(.enabled(if: SharedData.present && (nodeSemverPath != nil || Reference.inCI)))
    func agreesWithNodeSemver() throws {
        let path = try #require(nodeSemverPath)
        let candidates = Self.candidates()
        // Validity in loose mode (npm) and strict mode (node-semver's strict mode still allows "v"/"="
        // and surrounding spaces, which SemVer 2.0.0 itself does not; compare on the rest).
        let validity = """
        const s = require(\(String(reflecting: path)));
        const lines = require("fs").readFileSync(0, "utf8").split("\\n").slice(0, -1);
        console.log(lines.map(v => (s.valid(v, true) ? "V" : "I") + (s.valid(v, false) ? "V" : "I")).join("\\n"));
        """
        let answers = try Reference.run(["node", "-e", validity], stdin: candidates.map { $0 + "\n" }.joined()).split(separator: "\n")
        #expect(answers.count == candidates.count)
        var validityProblems: [String] = []
        for (candidate, answer) in zip(candidates, answers) {
            if npm.isValid(candidate) != (answer.first == "V") { validityProblems.append("npm \(candidate.debugDescription): node says \(answer)") }
            // node-semver also caps numbers at 2^53-1, which SemVer 2.0.0 does not; skip those.
            let hugeNumber = candidate.split(whereSeparator: { !$0.isNumber }).contains { $0.count > 15 }
            let plain = !(candidate.first.map { "v=V ".contains($0) } ?? false) && !hugeNumber
            if plain, strict.isValid(candidate) != (answer.last == "V") {
                validityProblems.append("semver \(candidate.debugDescription): node strict says \(answer)")
            }
        }
        #expect(validityProblems.isEmpty, "\(validityProblems.prefix(30))")

        let script = """
        const s = require(\(String(reflecting: path)));
        const lines = require("fs").readFileSync(0, "utf8").split("\\n").slice(0, -1);
        console.log(lines.map(l => { const [a, b] = l.split("\\t"); return s.compare(a, b, true); }).join("\\n"));
        """
        var generator = PairGenerator(seed: 0x5E4)
        generator.versions = candidates.filter { npm.isValid($0) }
        let pairs = generator.pairs(randomCount: 6000)
        let output = try Reference.run(["node", "-e", script], stdin: pairLines(pairs))
        let problems = disagreements(pairs, reference: parseSigns(output), comparator: npm)
        print("[BulwarkVersion reference] npm/semver: \(candidates.count) strings checked for validity against node-semver (loose and strict); \(validityProblems.count) disagreed")
        report(.npm, pairs.count, against: "node-semver (loose) from npm", disagreements: problems.count)
        #expect(problems.isEmpty, "\(problems)")
        // The strict and Cargo comparators order the same way on what they accept.
        var strictChecked = 0
        let reference = parseSigns(output)
        for (index, pair) in pairs.enumerated() where strict.isValid(pair.0) && strict.isValid(pair.1) && index < reference.count {
            #expect(try strict.compare(pair.0, pair.1).signum() == reference[index], "\(pair)")
            if cargo.isValid(pair.0) && cargo.isValid(pair.1) {
                #expect(try cargo.compare(pair.0, pair.1).signum() == reference[index], "\(pair)")
            }
            strictChecked += 1
        }
        report(.semver, strictChecked, against: "node-semver", disagreements: 0)
        #expect(strictChecked > 1000)
    }
}
