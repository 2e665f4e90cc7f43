import Foundation

/// Finds the read-only `shared/` folder that sits beside the repository (`../shared`), where real
/// sample data lives. Tests that read it skip cleanly when it is absent, as in a user's clone.
public enum SharedFixtureLocation {
    /// The repository root, derived from this file's location.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`, when it exists.
    public static let shared: String? = {
        for candidate in [repository.deletingLastPathComponent().path + "/shared", "/work/shared"]
        where FileManager.default.fileExists(atPath: candidate + "/fixtures") {
            return candidate
        }
        return nil
    }()

    /// `shared/<relative>` when it exists (e.g. `fixtures/pkgdb`), else nil.
    public static func path(_ relative: String) -> String? {
        guard let shared else { return nil }
        let path = shared + "/" + relative
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
