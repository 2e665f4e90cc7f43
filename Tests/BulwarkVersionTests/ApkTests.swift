import Foundation
import Testing

@testable import BulwarkVersion

@Suite struct ApkTests {
    let comparator = VersionScheme.apk.comparator

    /// Cases from apk-tools' own test data (tests/version.data) and Alpine packaging conventions.
    @Test(arguments: [
        ("1.0", "1.0", 0), ("1.0_alpha", "1.0", -1), ("1.0_rc1", "1.0_rc2", -1), ("1.0_rc9", "1.0", -1),
        ("1.0", "1.0_p1", -1), ("1.0_p1", "1.0_p1-r1", -1), ("1.0-r1", "1.0-r10", -1), ("1.0a", "1.0b", -1),
        ("1.0a", "1.0.1", -1), ("1.0_git20240101", "1.0", 1), ("1.0_beta", "1.0_pre", -1), ("1.0_pre", "1.0_rc", -1),
        ("1.0_cvs", "1.0_svn", -1), ("1.0_svn", "1.0_git", -1), ("1.0_git", "1.0_hg", -1), ("1.0_hg", "1.0_p", -1),
        ("1.02", "1.1", -1), ("1.010", "1.01", 1), ("01.2", "1.2", 0), ("1.0~abc", "1.0~abd", -1), ("1.0~abc", "1.0", 1),
        ("1.0~abc-r1", "1.0~abc-r2", -1), ("1.2.3", "1.2", 1), ("1.2_alpha1_p2", "1.2_alpha1", 1), ("2.34", "0.1.0_alpha", 1),
        ("1.0.4-r3", "1.0.4-r4", -1), ("6.6.2p1", "6.6.2_p1", 1), ("6.6.2p1", "6.6.2p2", -1), ("1.8.1-r1", "1.8.1p1-r1", -1), ("1.1_alpha1", "1.1", -1), ("20050718-r1", "20050718-r2", -1),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    /// Strings apk-tools' `apk_version_validate` rejects.
    @Test(arguments: ["", "a", ".1", "1.", "1..2", "1-r", "1-r1-r2", "1.2_blah", "1.0bc", "1.0A", "1-1", "1_p1a", "1~", "1~xyz", "1 2", "v1.0"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "1.0") }
    }

    /// Fixture lines whose versions apk-tools itself rejects as invalid (`apk version -t` still orders
    /// them by a fallback); Bulwark throws for them instead.
    static let knownInvalidFixtureLines: Set<String> = [
        "1-r = 1-r0", "1-r-0 < 1-r0", "1-r-1 < 1-r0", "0.r1 < 0r2", "0..1..0 < 0..1..1", "0...1...0 < 0...1...1",
        "0...1...0.r1 < 0...1...0.r2", "0...1...0r1 < 0...1...0r2", "0..8 = 0..8", "0..8 > 0...8",
        "0.8.21.r2 > 0.8.21.r1", "10.2.24.r0 > 10.2.22.r0", "0.8.21.r2 < 0.8.21r2", "1.2.0A < 1.2.0d", "1.2.0D < 1.2.0d",
        "1-r2 > 1-r-1", "1 > 1-ruff",
        "1-r0-1 = 1-r-2", "1-r0-1 = 1-r0-2", "1-ruff2 = 1-ruff1", "1-ruff2 = 1--ruff1", "1-r0-ruff2 = 1-r0-ruff1",
        "1.2 > 1.2_blah", "1.2_svn1 > 1.2_csv2", "1.2_cvs1 > 1.2_blah", ".1 < 1", "1 > .1", ".2 > .1", "a < b", "c > b",
        "c = c", "23_foo > 4_beta", "1.0 < 1.0bc",
    ]

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        var total = 0
        for file in ["alpine-versions.txt", "alpine-versions-generated.txt"] {
            let outcome = checkFixture(try readOrderedPairs(SharedData.orderedList(file)), with: comparator)
            #expect(outcome.disagreements.isEmpty, "\(file): \(outcome.disagreements.prefix(20))")
            let unexpected = outcome.rejected.filter { pair in
                !Self.knownInvalidFixtureLines.contains { line in
                    let fields = line.split(separator: " ")
                    return fields[0] == pair.lhs && fields[2] == pair.rhs
                }
            }
            #expect(unexpected.isEmpty, "\(file): \(unexpected.prefix(20))")
            total += outcome.checked
        }
        #expect(total > 10000)
        // Every adjacent and random pair of the generated list is consistent with its sorted order.
        let ordered = try readOrderedPairs(SharedData.orderedList("alpine-versions-generated.txt"))
        var generator = SeededGenerator(seed: 0xA1)
        var checked = 0
        for _ in 0..<3000 {
            guard let pair = ordered.randomElement(using: &generator) else { break }
            #expect(try comparator.compare(pair.lhs, pair.rhs).signum() == pair.expected)
            checked += 1
        }
        print("[BulwarkVersion reference] apk: \(total + checked) fixture pairs checked (no apk-tools on this machine); all agreed")
    }
}
