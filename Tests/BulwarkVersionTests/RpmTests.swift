import Foundation
import Testing

@testable import BulwarkVersion

private let rpmPresent = Reference.executable("rpm") != nil

@Suite struct RpmTests {
    let comparator = VersionScheme.rpm.comparator

    @Test(arguments: [
        ("1.0-1", "1.0-2", -1), ("1:1.0-1", "2.0-1", 1), ("0:1.0-1", "1.0-1", 0), ("1.0~rc1-1", "1.0-1", -1),
        ("1.0^git1-1", "1.0-1", 1), ("1.0^git1-1", "1.0.1-1", -1), ("1.0-1.el9", "1.0-1.el9_2", -1),
        ("1.0", "1.0-1", -1), ("2.0.1a", "2.0.1", 1), ("1.0a", "1.0.1", -1),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    @Test(arguments: ["", "1.0 -1", "1.0\t1", "1:", "1:-1", "-1"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "1.0") }
    }

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        let outcome = checkFixture(try readOrderedPairs(SharedData.orderedList("redhat-versions.txt")), with: comparator)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.prefix(20))")
        #expect(outcome.rejected.isEmpty, "\(outcome.rejected.prefix(20))")
        #expect(outcome.checked > 100)
        // rpm's own rpmvercmp cases (bare strings, no EVR splitting).
        let raw = try readOrderedPairs(SharedData.rpmData("rpmvercmp"))
        #expect(raw.count > 50)
        for pair in raw {
            #expect(RpmComparator.rpmvercmp(pair.lhs, pair.rhs).signum() == pair.expected, "\(pair)")
        }
    }

    static func generatedVersions() -> [String] {
        var generator = PairGenerator(seed: 0x4E5)
        let base = fixtureVersions(["redhat-versions.txt"]).filter { !$0.contains(":") || $0.first?.isNumber == true }
            + ["1.0-1.el9", "2:3.4.5-6.el8_9.2", "0.9.8~rc1-2.fc39", "1.2.3^20240101git-1", "5.5p1-3", "1.0.0-0.1.beta1"]
        generator.add(base, mutationsPerVersion: 3, mutate: Mutation.oneOf([
            Mutation.bumpNumber, Mutation.bumpNumber,
            Mutation.append(["~rc1", "~", "^", "^git1", ".el9", "-3", ".1", "a", "_1", "+2", ".fc39", "~~", "-1.el9_3"]),
            { version, _ in version.contains(":") ? version : "1:" + version },
            { version, _ in version.hasSuffix("-") ? version : version + "-" },
        ]))
        return generator.versions
    }

    @Test(.enabled(if: SharedData.present && (rpmPresent || Reference.inCI)))
    func agreesWithRpmLua() throws {
        var generator = PairGenerator(seed: 0x4E6)
        generator.versions = Self.generatedVersions().filter { comparator.isValid($0) }
        let pairs = generator.pairs(randomCount: 5000)
        #expect(pairs.count > 3000)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-rpm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("pairs.tsv")
        try pairLines(pairs).write(to: input, atomically: true, encoding: .utf8)
        // One rpm process: a Lua chunk reads every pair and prints EVR order and bare rpmvercmp.
        let lua = """
        %{lua:
        local out = {}
        for line in io.lines("\(input.path)") do
          local a, b = line:match("^([^\\t]*)\\t(.*)$")
          local va, vb = rpm.ver(a), rpm.ver(b)
          local evr = 0
          if va < vb then evr = -1 elseif va > vb then evr = 1 end
          out[#out + 1] = evr .. " " .. rpm.vercmp(a, b)
        end
        print(table.concat(out, "\\n"))
        }
        """
        let output = try Reference.run(["rpm", "--eval", lua])
        let lines = output.split(separator: "\n").map { $0.split(separator: " ").compactMap { Int($0) } }
        #expect(lines.count == pairs.count)
        // rpm 4.18's rpm.vercmp parses both sides as EVR too, so both columns must match ours.
        let evr = lines.map { $0.first ?? 2 }
        let vercmp = lines.map { ($0.last ?? 2).signum() }
        let problems = disagreements(pairs, reference: evr, comparator: comparator)
        let vercmpProblems = disagreements(pairs, reference: vercmp, comparator: comparator)
        report(.rpm, pairs.count, against: "rpm.ver objects (rpm --eval Lua)", disagreements: problems.count)
        report(.rpm, pairs.count, against: "rpm.vercmp (rpm --eval Lua)", disagreements: vercmpProblems.count)
        #expect(problems.isEmpty, "\(problems)")
        #expect(vercmpProblems.isEmpty, "\(vercmpProblems)")
    }
}
