import Foundation
import Testing

@testable import BulwarkVersion

@Suite(.serialized) struct PerformanceTests {
    static let samples: [VersionScheme: [String]] = [
        .dpkg: ["1:2.36-9+deb12u4", "2.36-9+deb12u7", "7.88.1-10+deb12u5", "1.2.3~rc1-1"],
        .rpm: ["2:3.4.5-6.el8_9.2", "3.4.5-6.el8_9.10", "1.0^git1-1.fc39", "0.9.8~rc1-2.fc39"],
        .apk: ["1.2.3_rc1-r0", "1.2.3-r10", "6.6.2_p1-r2", "20240101-r0"],
        .pep440: ["1.0.0rc1", "2!1.0.post1.dev2", "1.26.4", "3.0.0a1+local.7"],
        .semver: ["1.2.3-beta.11", "1.2.3", "10.20.30-rc.1+build", "0.0.1"],
        .npm: ["v1.2.3-beta.11", "=1.2.3", "10.20.30", "0.0.1-alpha"],
        .cargo: ["1.2.3-beta.11", "1.2.3", "0.12.0", "1.0.0-alpha.1"],
        .go: ["v0.0.0-20191109021931-daa7c04131f5", "v1.2.4-0.20191109021931-daa7c04131f5", "v2.0.0+incompatible", "v1.18.0"],
        .maven: ["1.2.3-SNAPSHOT", "1.2.3.RELEASE", "2.0.0-M5", "9.4.53.v20231009"],
        .rubygems: ["1.2.3.rc1", "7.1.3", "1.0.0.pre.beta.2", "6.1.7.6"],
        .composer: ["v1.2.3", "1.2.3-beta2", "2.0.0-RC1", "1.x-dev"],
        .nuget: ["1.2.3-beta.11", "4.0.0.1", "13.0.3", "1.0.0-RC1+meta"],
    ]

    /// A regression guard: a million comparisons (two parses each) in release builds; debug builds
    /// get slack. Typical release figures on a 2-core machine are 0.3–1.4 s per scheme.
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["BULWARK_BENCH"] != nil, "a benchmark: set BULWARK_BENCH=1 (see benchmarks/versions.sh)"),
        arguments: VersionScheme.allCases)
    func millionComparisons(scheme: VersionScheme) throws {
        let comparator = scheme.comparator
        let versions = try #require(Self.samples[scheme])
        for version in versions { #expect(comparator.isValid(version), "\(version)") }
        #if DEBUG
        let iterations = 50_000
        let budget = Duration.seconds(5)
        #else
        let iterations = 1_000_000
        let budget = Duration.seconds(3)
        #endif
        var checksum = 0
        let elapsed = try ContinuousClock().measure {
            for index in 0..<iterations {
                checksum &+= try comparator.compare(versions[index & 3], versions[(index >> 2) & 3])
            }
        }
        print("[BulwarkVersion performance] \(scheme.rawValue): \(iterations) comparisons in \(elapsed)")
        #expect(elapsed < budget)
        #expect(checksum != Int.min)
    }
}
