import BulwarkTestSupport
import Foundation

/// Locates the shared, read-only package database samples; everything is nil when they are absent.
enum RPMTestFixtures {
    /// `<shared>/fixtures/pkgdb`, found beside the repository (`../shared`) or at `/work/shared`.
    static let pkgdbDirectory: String? = SharedFixtureLocation.path("fixtures/pkgdb/rpm").flatMap { _ in SharedFixtureLocation.path("fixtures/pkgdb") }

    /// Whether the samples are present.
    static var available: Bool { pkgdbDirectory != nil }

    /// The bytes of `rpm/<name>`, or nil.
    static func database(_ name: String) -> [UInt8]? {
        guard let directory = pkgdbDirectory,
            let data = FileManager.default.contents(atPath: directory + "/rpm/" + name)
        else { return nil }
        return [UInt8](data)
    }

    /// Whether both `rpm/<database>` and `expected/rpm/<listing>` exist.
    static func has(_ database: String, _ listing: String? = nil) -> Bool {
        guard let directory = pkgdbDirectory else { return false }
        let manager = FileManager.default
        return manager.fileExists(atPath: directory + "/rpm/" + database)
            && (listing.map { manager.fileExists(atPath: directory + "/expected/rpm/" + $0) } ?? true)
    }

    /// The rows of `expected/rpm/<name>` as column → value dictionaries, in file order.
    static func listing(_ name: String) -> [[String: String]]? {
        guard let directory = pkgdbDirectory,
            let text = try? String(contentsOfFile: directory + "/expected/rpm/" + name, encoding: .utf8)
        else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        guard !lines.isEmpty else { return nil }
        let columns = lines.removeFirst()
        return lines.map { values in
            var row: [String: String] = [:]
            for (column, value) in zip(columns, values) { row[column] = value }
            return row
        }
    }
}
