import BulwarkCore
import Testing

/// The byte-level path predicates must agree with the obvious `String` formulations.
@Suite("Path matching")
struct PathMatchTests {
    static let paths = [
        "/", "/a", "/app/package.json", "/app/node_modules/x/package.json", "package.json", "/package.json",
        "/x/apackage.json", "/usr/lib/python3/site-packages/a-1.dist-info/METADATA", "/é/漢字/Cargo.lock", "/Cargo.lock/x",
        "/srv/gradle/dependency-locks/compile.lockfile", "/srv/gradle.lockfile", "/a/b/", "/a//b",
    ]

    @Test("hasBaseName, hasSuffix, hasPrefix, contains and containsDirectory agree with String", arguments: paths)
    func agree(path: String) {
        for name in ["package.json", "Cargo.lock", "METADATA", "b", "a"] {
            let base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
            let expected = path.contains("/") && base == name
            switch name {
            case "package.json": #expect(PathMatch.hasBaseName(path, "package.json") == expected)
            case "Cargo.lock": #expect(PathMatch.hasBaseName(path, "Cargo.lock") == expected)
            case "METADATA": #expect(PathMatch.hasBaseName(path, "METADATA") == expected)
            case "b": #expect(PathMatch.hasBaseName(path, "b") == expected)
            default: #expect(PathMatch.hasBaseName(path, "a") == expected)
            }
        }
        #expect(PathMatch.hasSuffix(path, ".lockfile") == path.hasSuffix(".lockfile"))
        #expect(PathMatch.hasSuffix(path, "/") == path.hasSuffix("/"))
        #expect(PathMatch.hasPrefix(path, "/app/") == path.hasPrefix("/app/"))
        #expect(PathMatch.hasPrefix(path, "/é/") == path.hasPrefix("/é/"))
        #expect(PathMatch.contains(path, "/site-packages/") == path.contains("/site-packages/"))
        #expect(PathMatch.contains(path, "/dependency-locks/") == path.contains("/dependency-locks/"))
        #expect(PathMatch.contains(path, "漢字") == path.contains("漢字"))
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        #expect(PathMatch.containsDirectory(path, "node_modules") == components.contains("node_modules"))
    }
}
