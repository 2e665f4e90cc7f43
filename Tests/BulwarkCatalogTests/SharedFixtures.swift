import BulwarkCore
import BulwarkTestSupport
import Foundation

/// Locates `../shared/fixtures` (read-only real samples); nil when absent so tests skip cleanly.
enum SharedFixtures {
    static let root: String? = SharedFixtureLocation.path("fixtures/pkgdb").flatMap { _ in SharedFixtureLocation.path("fixtures") }

    static var available: Bool { root != nil }

    static func bytes(_ relative: String) -> [UInt8]? {
        guard let root, let data = FileManager.default.contents(atPath: root + "/" + relative) else { return nil }
        return Array(data)
    }

    /// Rows of a TSV with a header line (lines starting with `#` skipped), as dictionaries.
    static func tsv(_ relative: String) -> [[String: String]] {
        guard let bytes = bytes(relative) else { return [] }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (index, key) in header.enumerated() where index < cells.count { row[key] = cells[index] }
            return row
        }
    }

    /// A tree holding one file read from the fixtures at `path` inside the image.
    static func tree(_ files: [(imagePath: String, fixture: String)]) -> MemoryFileTree {
        var tree = MemoryFileTree()
        for (imagePath, fixture) in files {
            if let data = bytes(fixture) {
                tree.set(imagePath, FileNode(kind: .regular, size: Int64(data.count), contents: data))
            }
        }
        return tree
    }
}
