import BulwarkTestSupport
import Foundation

/// Locates the read-only lockfile samples (`<repo>/../shared/fixtures/lockfiles` or
/// `/work/shared/fixtures/lockfiles`); nil when absent so tests skip cleanly.
enum LanguageSharedFixtures {
    static let lockfiles: String? = SharedFixtureLocation.path("fixtures/lockfiles")

    static var available: Bool { lockfiles != nil }

    /// The bytes of `relative` under the lockfile samples.
    static func bytes(_ relative: String) -> [UInt8]? {
        guard let lockfiles, let data = FileManager.default.contents(atPath: lockfiles + "/" + relative) else { return nil }
        return Array(data)
    }
}
