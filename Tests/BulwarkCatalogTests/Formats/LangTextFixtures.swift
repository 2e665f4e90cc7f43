import BulwarkCore
import BulwarkTestSupport
import Foundation

/// Locates `../shared/fixtures/lockfiles` (read-only real samples); nil when absent so tests skip cleanly.
enum LangTextFixtures {
    static let root: String? = SharedFixtureLocation.path("fixtures/lockfiles/trivy-parser-cases").flatMap { _ in SharedFixtureLocation.path("fixtures/lockfiles") }

    static var available: Bool { root != nil }

    /// The bytes of a fixture, relative to the lockfiles folder.
    static func bytes(_ relative: String) -> [UInt8]? {
        guard let root, let data = FileManager.default.contents(atPath: root + "/" + relative) else { return nil }
        return Array(data)
    }

    /// Every fixture file (relative path) whose name satisfies `predicate`.
    static func files(where predicate: (String) -> Bool) -> [String] {
        guard let root, let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue,
                predicate(relative)
            {
                out.append(relative)
            }
        }
        return out.sorted()
    }

    /// A tree holding fixtures at the given image paths.
    static func tree(_ files: [(imagePath: String, fixture: String)]) -> MemoryFileTree {
        var tree = MemoryFileTree()
        for (imagePath, fixture) in files {
            if let data = bytes(fixture) { tree.set(imagePath, FileNode(kind: .regular, size: Int64(data.count), contents: data)) }
        }
        return tree
    }

    /// A tree holding texts at the given paths.
    static func tree(texts: [String: String]) -> MemoryFileTree {
        var tree = MemoryFileTree()
        for (path, text) in texts {
            let data = Array(text.utf8)
            tree.set(path, FileNode(kind: .regular, size: Int64(data.count), contents: data))
        }
        return tree
    }

    /// A tree holding raw bytes at one path.
    static func tree(path: String, bytes: [UInt8]) -> MemoryFileTree {
        var tree = MemoryFileTree()
        tree.set(path, FileNode(kind: .regular, size: Int64(bytes.count), contents: bytes))
        return tree
    }
}

/// Hostile byte patterns every lockfile parser must survive with warnings, not crashes.
enum LangTextHostileInputs {
    /// ~10 MB of pseudo-random bytes (deterministic).
    static let garbage: [UInt8] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out = [UInt8](repeating: 0, count: 10 << 20)
        for index in out.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out[index] = UInt8(truncatingIfNeeded: state >> 33)
        }
        return out
    }()

    /// Named hostile inputs.
    static let cases: [(name: String, bytes: [UInt8])] = [
        ("garbage", garbage),
        ("deep brackets", Array(repeating: UInt8(ascii: "["), count: 200_000)),
        ("deep braces", Array(("{\"a\":" + String(repeating: "{\"a\":", count: 100_000)).utf8)),
        ("deep toml arrays", Array(("x = " + String(repeating: "[", count: 100_000)).utf8)),
        ("deep yaml indentation", Array((0..<3000).map { String(repeating: " ", count: $0) + "a:\n" }.joined().utf8)),
        ("wrong types json", Array(#"{"packages": 5, "pins": "x", "default": [1], "object": {"pins": [1, null, {"state": 3}]}}"#.utf8)),
        ("wrong types toml", Array("package = 5\n[[package]]\nname = 3\nversion = [1]\ndependencies = \"x\"\n".utf8)),
        ("wrong types yaml", Array("packages: [1, 2]\nPODS: {a: b}\n".utf8)),
        ("empty", []),
        ("nul bytes", [UInt8](repeating: 0, count: 4096)),
        ("unterminated string", Array("[[package]]\nname = \"abc\nversion = '''x".utf8)),
    ]
}
