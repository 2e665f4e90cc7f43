import Foundation
import Testing

@testable import BulwarkVersion

private let perlDpkgPresent = Reference.succeeds(["perl", "-MDpkg::Version", "-e", "1"])
private let dpkgPresent = Reference.executable("dpkg") != nil

@Suite struct DpkgTests {
    let comparator = VersionScheme.dpkg.comparator

    @Test(arguments: [
        ("1.0", "1.0", 0), ("1.0~rc1", "1.0", -1), ("1.0", "1.0+b1", -1), ("1:0.9", "2.0", 1),
        ("1.0-1", "1.0-1~bpo1", 1), ("1.0a", "1.0+", -1), ("1.0", "1.0-0", 0), ("0:1.0", "1.0", 0),
        ("1.10", "1.9", 1), ("1.001", "1.1", 0), ("1.0~~", "1.0~", -1), ("2.30-1ubuntu1", "2.30-1", 1),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    @Test(arguments: ["", " ", "1.0 1", "a:1.0", ":1.0", "1:", "1.0-", "1.0_1", "1.0-1_2", "99999999999:1"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "1.0") }
        #expect(throws: VersionError.self) { try comparator.compare("1.0", version) }
    }

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        for file in ["debian-versions.txt", "debian-versions-generated.txt"] {
            let outcome = checkFixture(try readOrderedPairs(SharedData.orderedList(file)), with: comparator)
            #expect(outcome.disagreements.isEmpty, "\(file): \(outcome.disagreements.prefix(20))")
            #expect(outcome.rejected.isEmpty, "\(file): \(outcome.rejected.prefix(20))")
            #expect(outcome.checked > 0)
        }
    }

    static func generatedPairs() -> [(String, String)] {
        var generator = PairGenerator(seed: 0xD9C6)
        let base = fixtureVersions(["debian-versions.txt", "debian-versions-generated.txt"])
            + ["1.0", "1:2.3.4-5", "2.36-9+deb12u4", "1.2.3~rc1-1", "7.88.1-10+deb12u5", "0.9.8zg-1"]
        generator.add(base, mutationsPerVersion: 2, mutate: Mutation.oneOf([
            Mutation.bumpNumber, Mutation.bumpNumber,
            Mutation.append(["~rc1", "~", "+b1", "-1", "+deb12u1", "~bpo11+1", "a", ".1", ".0", "+really2.0", "-0ubuntu1"]),
            { version, _ in version.contains(":") ? version : "1:" + version },
            { version, _ in version.split(separator: "-").dropLast().joined(separator: "-").isEmpty ? version : version.split(separator: "-").dropLast().joined(separator: "-") },
        ]))
        return generator.pairs(randomCount: 4000).filter { VersionScheme.dpkg.comparator.isValid($0.0) && VersionScheme.dpkg.comparator.isValid($0.1) }
    }

    @Test(.enabled(if: SharedData.present && (perlDpkgPresent || Reference.inCI)))
    func agreesWithPerlDpkgVersion() throws {
        let pairs = Self.generatedPairs()
        #expect(pairs.count > 3000)
        let script = #"while (<STDIN>) { chomp; my ($a, $b) = split /\t/; print version_compare($a, $b), "\n"; }"#
        let output = try Reference.run(["perl", "-MDpkg::Version", "-e", script], stdin: pairLines(pairs))
        let problems = disagreements(pairs, reference: parseSigns(output), comparator: comparator)
        report(.dpkg, pairs.count, against: "perl Dpkg::Version", disagreements: problems.count)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(.enabled(if: SharedData.present && (dpkgPresent || Reference.inCI)))
    func agreesWithDpkgBinary() throws {
        // dpkg itself costs two processes per pair, so check a deterministic sample in one bash loop.
        var generator = SeededGenerator(seed: 7)
        let pairs = Self.generatedPairs().shuffled(using: &generator).prefix(300).map { $0 }
        let script = #"""
        while IFS=$'\t' read -r a b; do
          if dpkg --compare-versions "$a" lt "$b" 2>/dev/null; then echo -1
          elif dpkg --compare-versions "$a" eq "$b" 2>/dev/null; then echo 0
          else echo 1; fi
        done
        """#
        let output = try Reference.run(["bash", "-c", script], stdin: pairLines(pairs))
        let problems = disagreements(pairs, reference: parseSigns(output), comparator: comparator)
        report(.dpkg, pairs.count, against: "dpkg --compare-versions", disagreements: problems.count)
        #expect(problems.isEmpty, "\(problems)")
    }
}
