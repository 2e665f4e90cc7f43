import BulwarkCore
import BulwarkTestSupport
import Foundation

/// Finds the read-only shared lockfile samples (`<repo>/../shared/fixtures/lockfiles` or
/// `/work/shared/fixtures/lockfiles`); tests using them are disabled when absent.
enum LockfileFixtures {
    static let root: String? = SharedFixtureLocation.path("fixtures/lockfiles/trivy-parser-cases").flatMap { _ in SharedFixtureLocation.path("fixtures/lockfiles") }

    static var available: Bool { root != nil }

    /// The bytes of a sample, by path relative to the lockfiles folder.
    static func bytes(_ relative: String) -> [UInt8]? {
        guard let root, let data = FileManager.default.contents(atPath: root + "/" + relative) else { return nil }
        return Array(data)
    }

    /// A tree holding every regular file below `relative`, mounted at `mount` (e.g. `/app`).
    static func tree(mounting relative: String, at mount: String) -> MemoryFileTree {
        var tree = MemoryFileTree()
        guard let root else { return tree }
        let base = root + "/" + relative
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return tree }
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: base + "/" + item)
            else { continue }
            tree.set(mount + "/" + item, FileNode(kind: .regular, size: Int64(data.count), contents: Array(data)))
        }
        return tree
    }
}

extension MemoryFileTree {
    /// A tree from (path, text) pairs.
    static func lockTree(_ files: [(String, String)]) -> MemoryFileTree {
        var tree = MemoryFileTree()
        for (path, text) in files { tree.addFile(path, text) }
        return tree
    }
}

extension Array where Element == Package {
    /// `name@version` of every package, sorted.
    var lockIdentities: [String] { map { "\($0.name)@\($0.version)" }.sorted() }

    /// The package named `name` (and `version`, when given).
    func lockPackage(_ name: String, _ version: String? = nil) -> Package? {
        first { $0.name == name && (version == nil || $0.version == version) }
    }
}
