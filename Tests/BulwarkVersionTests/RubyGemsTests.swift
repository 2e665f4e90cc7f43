import Foundation
import Testing

@testable import BulwarkVersion

private let rubyPresent = Reference.executable("ruby") != nil

@Suite struct RubyGemsTests {
    let comparator = VersionScheme.rubygems.comparator

    @Test(arguments: [
        ("1.0", "1.0.0", 0), ("1.0.a", "1.0", -1), ("1.0.b1", "1.0.a2", 1), ("1.0.a10", "1.0.a9", 1), ("1.0.a.10", "1.0.a9", 1),
        ("1.0.rc1", "1.0", -1), ("1.0-rc1", "1.0.pre.rc1", 0), ("3.10", "3.2", 1), ("1.2.4.beta", "1.2.4", -1), ("", "0", 0),
        ("1.0.A", "1.0.a", -1), ("1.0.0.1", "1.0", 1), ("2.0.0.pre.1", "2.0.0.pre.0", 1), ("1.a", "1.0.a", 0),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    @Test(arguments: ["1beta", "a", ".1", "1.", "1..2", "1.0-", "1.0 2", "v1.0", "1.0_1", "1.0+1", "-1"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "1.0") }
    }

    /// osv-scanner fixture lines using `1beta`/`1gamma`, which `Gem::Version.correct?` rejects.
    static let invalidFixtureVersions: Set<String> = ["1beta", "1gamma"]

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        var checked = 0
        for file in ["rubygems-versions.txt", "rubygems-versions-generated.txt"] {
            let outcome = checkFixture(try readOrderedPairs(SharedData.orderedList(file)), with: comparator)
            #expect(outcome.disagreements.isEmpty, "\(file): \(outcome.disagreements.prefix(20))")
            let unexpected = outcome.rejected.filter { !Self.invalidFixtureVersions.contains($0.lhs) && !Self.invalidFixtureVersions.contains($0.rhs) }
            #expect(unexpected.isEmpty, "\(file): \(unexpected.prefix(20))")
            checked += outcome.checked
        }
        #expect(checked > 4000)
        print("[BulwarkVersion reference] rubygems: \(checked) fixture pairs checked (ruby is \(rubyPresent ? "present" : "absent") here); all agreed")
    }

    @Test(.enabled(if: SharedData.present && (rubyPresent || Reference.inCI)))
    func agreesWithGemVersion() throws {
        var generator = PairGenerator(seed: 0x6E3)
        let base = fixtureVersions(["rubygems-versions.txt", "rubygems-versions-generated.txt"]) + ["1.0", "2.0.0.rc1", "1.0-beta-2"]
        generator.add(base, mutationsPerVersion: 2, mutate: Mutation.oneOf([
            Mutation.bumpNumber, Mutation.bumpNumber,
            Mutation.append([".pre", ".rc1", ".a", "-beta", ".0", ".0.0", "a", ".B2", "-x-y", ".", "_1"]),
        ]))
        let candidates = generator.versions
        let script = """
        out = []
        STDIN.read.split("\\n").each do |line|
          a, b = line.split("\\t", -1)
          if b.nil?
            out << (Gem::Version.correct?(a) ? "V" : "I")
          else
            out << (Gem::Version.new(a) <=> Gem::Version.new(b)).to_s
          end
        end
        puts out.join("\\n")
        """
        let validity = try Reference.run(["ruby", "-e", script], stdin: candidates.map { $0 + "\n" }.joined()).split(separator: "\n")
        var validityProblems: [String] = []
        for (candidate, answer) in zip(candidates, validity) where comparator.isValid(candidate) != (answer == "V") {
            validityProblems.append("\(candidate.debugDescription): Gem::Version says \(answer)")
        }
        #expect(validity.count == candidates.count)
        #expect(validityProblems.isEmpty, "\(validityProblems.prefix(30))")
        var pairGenerator = PairGenerator(seed: 0x6E4)
        pairGenerator.versions = candidates.filter { comparator.isValid($0) && !$0.isEmpty }
        let pairs = pairGenerator.pairs(randomCount: 5000)
        let output = try Reference.run(["ruby", "-e", script], stdin: pairLines(pairs))
        let problems = disagreements(pairs, reference: parseSigns(output), comparator: comparator)
        report(.rubygems, pairs.count, against: "ruby Gem::Version", disagreements: problems.count)
        #expect(problems.isEmpty, "\(problems)")
    }
}
