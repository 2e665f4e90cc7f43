import Foundation
import BulwarkCore
import Testing
@testable import BulwarkCatalog

@Suite("go.mod")
struct GoModCatalogerTests {
    static let sample = """
        // A module with every directive form.
        module "example.com/app" // the module

        go 1.21

        toolchain go1.21.4

        require github.com/pkg/errors v0.9.1

        require (
        \tgolang.org/x/text v0.3.7 // indirect
        \tgithub.com/old/lib v1.0.0
        \tgithub.com/local/lib v1.5.0
        \tgithub.com/BurntSushi/toml v1.2.1 // indirect; reason
        )

        replace github.com/old/lib => github.com/new/lib v1.1.0

        replace (
        \tgolang.org/x/text v0.3.7 => golang.org/x/text v0.3.8
        \tgolang.org/x/text v0.3.0 => golang.org/x/text v0.9.9
        \tgithub.com/local/lib => ../lib
        )

        exclude golang.org/x/net v1.2.3
        retract [v1.0.0, v1.0.5]
        require broken-line-without-version

        """

    static func tree(_ files: [String: String]) -> MemoryFileTree {
        var tree = MemoryFileTree()
        for (path, text) in files { tree.addFile(path, text) }
        return tree
    }

    @Test("requires, indirect, replacements, main module with direct dependencies")
    func sampleFile() throws {
        let cataloger = GoModCataloger()
        let result = try cataloger.catalog(Self.tree(["/src/go.mod": Self.sample, "/src/go.sum": "x"]), context: CatalogContext())
        #expect(result.packages.map { "\($0.name)@\($0.version)" } == [
            "github.com/pkg/errors@v0.9.1", "golang.org/x/text@v0.3.8", "github.com/new/lib@v1.1.0", "github.com/local/lib@v1.5.0",
            "github.com/BurntSushi/toml@v1.2.1", "example.com/app@",
        ])
        let main = try #require(result.packages.last)
        #expect(main.dependencies == ["pkg:golang/github.com/pkg/errors@v0.9.1", "pkg:golang/github.com/new/lib@v1.1.0", "pkg:golang/github.com/local/lib@v1.5.0"])
        #expect(result.packages.allSatisfy { $0.location == "/src/go.mod" && !$0.isDevelopment })
        #expect(result.warnings == ["/src/go.mod:27: require needs a module path and a version"])
        #expect(cataloger.scope == .lockfile)
        #expect(cataloger.isInterested(in: "/a/go.mod") && !cataloger.isInterested(in: "/a/go.mod.bak") && !cataloger.isInterested(in: "/a/xgo.mod"))
    }

    @Test("CRLF files and an unclosed block")
    func crlfAndUnclosed() throws {
        let text = "module m\r\nrequire (\r\n\ta/b v1.0.0\r\n"
        let result = try GoModCataloger().catalog(Self.tree(["/go.mod": text]), context: CatalogContext())
        #expect(result.packages.map(\.purl.description) == ["pkg:golang/a/b@v1.0.0", "pkg:golang/m"])
        #expect(result.warnings.count == 1)
    }

    @Test("Trivy's go.mod samples", .enabled(if: LanguageSharedFixtures.available), arguments: [
        ("normal", ["github.com/aquasecurity/go-version@v0.0.0-20240603093900-cf8a8d29271d", "github.com/davecgh/go-spew@v1.1.2-0.20180830191138-d8f796af33cc"]),
        ("replaced", ["github.com/aquasecurity/go-dep-parser@v0.0.0-20220406074731-71021a481237", "golang.org/x/xerrors@v0.0.0-20200804184101-5ec99f83aff1"]),
    ])
    func trivySamples(directory: String, expected: [String]) throws {
        let bytes = try #require(LanguageSharedFixtures.bytes("trivy-parser-cases/parser/golang/mod/testdata/\(directory)/go.mod"))
        let parsed = GoModFile(parsing: String(decoding: bytes, as: UTF8.self), path: "/go.mod")
        #expect(parsed.warnings.isEmpty)
        let names = GoModCataloger.packages(from: parsed, location: "/go.mod").map { "\($0.name)@\($0.version)" }
        for name in expected { #expect(names.contains(name), "\(name)") }
        #expect(names.last == "github.com/org/repo@")
    }

    @Test("every go.mod sample parses without crashing", .enabled(if: LanguageSharedFixtures.available))
    func allSamples() throws {
        let root = try #require(LanguageSharedFixtures.lockfiles)
        let enumerator = FileManager.default.enumerator(atPath: root)
        var count = 0
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix("/go.mod"), let bytes = LanguageSharedFixtures.bytes(relative) else { continue }
            let parsed = GoModFile(parsing: String(decoding: bytes, as: UTF8.self), path: relative)
            _ = GoModCataloger.packages(from: parsed, location: "/" + relative)
            count += 1
        }
        #expect(count > 5)
    }
}
