import Foundation
import Testing

@testable import BulwarkVersion

@Suite struct RobustnessTests {
    /// Hostile inputs: huge, deeply repetitive, binary. Every comparator must answer or throw, quickly.
    static let hostileInputs: [String] = [
        String(repeating: "9", count: 100_000), String(repeating: "1.", count: 50_000) + "1", String(repeating: "1-", count: 50_000),
        String(repeating: "a1", count: 50_000), String(repeating: "~", count: 10_000), String(repeating: "-", count: 10_000),
        "\u{0}\u{1}\u{2}", "1.0\u{0}", "🙂", String(repeating: "1.0-rc.", count: 10_000) + "1", "1.0+" + String(repeating: "x.", count: 20_000) + "x",
        "1.0.0-" + String(repeating: "0.", count: 20_000) + "0", String(repeating: "1_alpha", count: 10_000), "18446744073709551616.0.0",
    ]

    @Test(arguments: VersionScheme.allCases)
    func survivesHostileInput(scheme: VersionScheme) {
        let comparator = scheme.comparator
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for input in Self.hostileInputs {
                _ = comparator.isValid(input)
                _ = try? comparator.compare(input, input)
                _ = try? comparator.compare(input, "1.0.0")
            }
        }
        #expect(elapsed < .seconds(20))
    }

    @Test(arguments: VersionScheme.allCases)
    func comparisonIsAntisymmetricAndReflexive(scheme: VersionScheme) throws {
        let comparator = scheme.comparator
        let samples = ["1.0.0", "1.0.1", "2.0.0", "1.0.0-1", "1.0.0-rc.1", "1.2.3", "10.0.0", "0.9.9"].filter(comparator.isValid)
        #expect(samples.count >= 3)
        for a in samples {
            #expect(try comparator.compare(a, a) == 0)
            for b in samples {
                #expect(try comparator.compare(a, b).signum() == -(try comparator.compare(b, a).signum()), "\(a) vs \(b)")
            }
        }
    }

    @Test(arguments: VersionScheme.allCases)
    func emptyStringIsRejected(scheme: VersionScheme) {
        guard scheme != .rubygems else { return }  // RubyGems reads a blank version as "0".
        #expect(!scheme.comparator.isValid(""))
        #expect(throws: VersionError.self) { try scheme.comparator.compare("", "1.0.0") }
    }
}
