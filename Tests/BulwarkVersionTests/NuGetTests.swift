import Foundation
import Testing

@testable import BulwarkVersion

@Suite struct NuGetTests {
    let comparator = VersionScheme.nuget.comparator

    @Test(arguments: [
        ("1.0", "1.0.0.0", 0), ("1.0.01", "1.0.1", 0), ("1.0.0-BETA", "1.0.0-beta", 0), ("1.0.0+meta", "1.0.0", 0),
        ("1.0.0-beta", "1.0.0", -1), ("1.0.0-beta.2", "1.0.0-beta.10", -1), ("1.0.0-2", "1.0.0-a", -1), ("1.0.0.1", "1.0.0", 1),
        ("1", "1.0", 0), ("1.0.0-rc.1", "1.0.0-rc.1.1", -1), ("2147483647.0", "2147483646.9", 1),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    @Test(arguments: ["", "1.0.0.0.0", "a.b", "1.0-", "1.0+", "1..0", "1.0-a..b", "1.0-ü", "v1.0", "2147483648.0", " 1.0"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "1.0") }
    }

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        let outcome = checkFixture(try readOrderedPairs(SharedData.orderedList("nuget-versions.txt")), with: comparator)
        #expect(outcome.disagreements.isEmpty, "\(outcome.disagreements.prefix(20))")
        // The list's 30-digit numbers exceed NuGet's 32-bit version parts; NuGet rejects them too.
        let unexpected = outcome.rejected.filter { !$0.lhs.hasPrefix("9999999999") }
        #expect(unexpected.isEmpty, "\(unexpected)")
        #expect(outcome.checked > 30)
    }
}
