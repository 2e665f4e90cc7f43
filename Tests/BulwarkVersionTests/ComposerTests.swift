import Foundation
import Testing

@testable import BulwarkVersion

@Suite struct ComposerTests {
    let comparator = VersionScheme.composer.comparator

    @Test(arguments: [
        ("1.0.0", "v1.0.0", 0), ("1.0", "1.0.0.0", 0), ("1.0.0-beta2", "1.0.0-b2", 0), ("1.0.0-RC1", "1.0.0rc1", 0),
        ("1.0.0-alpha1", "1.0.0-beta1", -1), ("1.0.0-beta1", "1.0.0-RC1", -1), ("1.0.0-RC1", "1.0.0", -1), ("1.0.0", "1.0.0-patch1", -1),
        ("1.0.0-dev", "1.0.0-alpha1", -1), ("1.0.0-pl1", "1.0.0-p1", 0), ("1.0.0+build5", "1.0.0", 0), ("1.0.0@dev", "1.0.0", 0),
        ("1.2.x-dev", "1.2.3", 1), ("dev-master", "1.0.0", -1), ("2.0.0", "10.0.0", -1), ("1.0.0-beta.2", "1.0.0-beta1", 1),
        ("20230101", "1.0.0", 1), ("2023.01.01", "2023.01.02", -1), ("1.0.0-stable", "1.0.0", 0), ("1.0.0 as 2.0.0", "1.0.0", 0),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    @Test func normalizesLikeComposer() throws {
        let composer = ComposerComparator()
        #expect(try composer.normalized("v1.2") == "1.2.0.0")
        #expect(try composer.normalized("1.0.0-beta.2.1") == "1.0.0.0-beta2.1")
        #expect(try composer.normalized("1.0pl1") == "1.0.0.0-patch1")
        #expect(try composer.normalized("1.0-rc1-dev") == "1.0.0.0-RC1-dev")
        #expect(try composer.normalized("1.x-dev") == "1.9999999.9999999.9999999-dev")
        #expect(try composer.normalized("master") == "dev-master")
        #expect(try composer.normalized("2010-01-02.5") == "2010.01.02.5")
    }

    @Test(arguments: ["", "foo", "1.2.3.4.5", "123456.0.0.0", "1.0.0-gamma", "1.2.3.#", "4.3-2RC1", "1.0.0 beta", "99999999999999999999999", "3.0.0b1.post1", "1.5.1.dev100"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "1.0") }
    }

    /// Fixture versions Composer's VersionParser refuses (PHP `version_compare` inputs, PEP 440-style
    /// versions, numbers longer than Composer's five-digit major and 22-digit date versions).
    static func composerRejects(_ version: String) -> Bool {
        version.contains("#") || version.hasPrefix("4.3-2") || version.hasPrefix("999999999999999999999999999")
            || version.contains("post") || version.contains(".dev1") || version.contains("-test")
    }

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        var checked = 0, rawOrder = 0
        for file in ["packagist-versions.txt", "packagist-versions-generated.txt"] {
            let outcome = checkFixture(try readOrderedPairs(SharedData.orderedList(file)), with: comparator)
            // Some lines were ordered with PHP's version_compare on the raw strings, without Composer's
            // normalization (so `1.0.0 > 1.0`, `3.0 < 3.0.0-beta`, `5.1.0-stable < 5.1.0-beta2`). Bulwark
            // normalizes first, as Composer does; accept a disagreement only when raw version_compare
            // explains the fixture's answer.
            let unexplained = try outcome.disagreements.filter { description in
                let fields = description.split(separator: " ")
                let pair = try #require(readOrderedPairs(fields.prefix(3).joined(separator: " ")))
                let raw = PHPVersionCompare.compare(Array(pair.lhs.utf8)[...], Array(pair.rhs.utf8)[...])
                return raw != pair.expected
            }
            rawOrder += outcome.disagreements.count - unexplained.count
            #expect(unexplained.isEmpty, "\(file): \(unexplained.prefix(20))")
            let unexpected = outcome.rejected.filter { !Self.composerRejects($0.lhs) && !Self.composerRejects($0.rhs) }
            #expect(unexpected.isEmpty, "\(file): \(unexpected.prefix(20))")
            checked += outcome.checked
        }
        #expect(checked > 10000)
        #expect(rawOrder < 20)
        print("[BulwarkVersion reference] composer: \(checked) fixture pairs checked (no php/composer here); \(rawOrder) follow raw version_compare instead of Composer normalization")
    }
}

/// Parses one `a op b` line.
private func readOrderedPairs(_ line: String) -> OrderedPair? {
    let fields = line.split(separator: " ")
    guard fields.count == 3 else { return nil }
    let expected = fields[1] == "<" ? -1 : fields[1] == ">" ? 1 : 0
    return OrderedPair(lhs: String(fields[0]), rhs: String(fields[2]), expected: expected, line: 0)
}
