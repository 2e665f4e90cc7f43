import Foundation

/// Locates the read-only lockfile samples (`<repo>/../shared/fixtures/lockfiles` or
/// `/work/shared/fixtures/lockfiles`); nil when absent so tests skip cleanly.
enum LanguageSharedFixtures {
    static let lockfiles: String? = {
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { repository.deleteLastPathComponent() }
        for candidate in [repository.deletingLastPathComponent().path + "/shared/fixtures/lockfiles", "/work/shared/fixtures/lockfiles"]
        where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    static var available: Bool { lockfiles != nil }

    /// The bytes of `relative` under the lockfile samples.
    static func bytes(_ relative: String) -> [UInt8]? {
        guard let lockfiles, let data = FileManager.default.contents(atPath: lockfiles + "/" + relative) else { return nil }
        return Array(data)
    }
}
