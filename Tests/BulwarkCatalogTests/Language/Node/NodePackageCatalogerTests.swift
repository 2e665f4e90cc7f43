import BulwarkCore
import Testing

@testable import BulwarkCatalog

@Suite("Node installed packages (node_modules/**/package.json)")
struct NodePackageCatalogerTests {
    let cataloger = NodePackageCataloger()

    @Test(arguments: [
        ("/app/node_modules/ms/package.json", true),
        ("/app/node_modules/@babel/parser/package.json", true),
        ("/app/node_modules/a/node_modules/b/package.json", true),
        ("/app/node_modules/a/node_modules/@s/b/package.json", true),
        ("/app/node_modules/.pnpm/ms@2.1.3/node_modules/ms/package.json", true),
        ("/node_modules/x/package.json", true),
        ("/app/package.json", false),
        ("/app/node_modules/package.json", false),
        ("/app/node_modules/x/lib/package.json", false),
        ("/app/node_modules/x/test/fixtures/y/package.json", false),
        ("/app/node_modules/@s/package.json", false),
        ("/app/node_modules/x/xpackage.json", false),
        ("/app/node_modules/x/package.json.bak", false),
        ("/app/my_node_modules/x/package.json", false),
        ("/app/node_modules/@/x/package.json", true),
        ("package.json", false),
        ("/", false),
    ])
    func interestIsCheapAndExact(path: String, expected: Bool) {
        #expect(cataloger.isInterested(in: path) == expected)
    }

    @Test func listsTopLevelScopedNestedAndSkipsNonManifests() throws {
        let tree = MemoryFileTree.lockTree([
            ("/app/package.json", #"{"name":"my-app","version":"1.0.0","dependencies":{"a":"^1"}}"#),
            ("/app/node_modules/a/package.json", #"{"name":"a","version":"1.0.0","license":"MIT","dependencies":{"b":"^2","missing":"*"}}"#),
            ("/app/node_modules/a/node_modules/b/package.json", #"{"name":"b","version":"2.0.0","licenses":[{"type":"BSD"},"ISC"]}"#),
            ("/app/node_modules/b/package.json", #"{"name":"b","version":"1.0.0","license":{"type":"Apache-2.0"}}"#),
            ("/app/node_modules/@scope/c/package.json", #"{"name":"@scope/c","version":"3.1.0","licenses":{"type":"MIT"},"dependencies":{"b":"1"}}"#),
            ("/app/node_modules/a/lib/package.json", #"{"name":"a-lib","version":"9.9.9"}"#),
            ("/app/node_modules/a/test/fixtures/x/package.json", #"{"name":"fixture","version":"0.0.1"}"#),
            ("/app/node_modules/noversion/package.json", #"{"name":"noversion"}"#),
            ("/app/node_modules/badname/package.json", #"{"name":"","version":"1.0.0"}"#),
        ])
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == ["@scope/c@3.1.0", "a@1.0.0", "b@1.0.0", "b@2.0.0"])
        let a = try #require(result.packages.lockPackage("a"))
        #expect(a.location == "/app/node_modules/a/package.json")
        #expect(a.licenses == ["MIT"])
        #expect(a.type == .npm)
        #expect(a.purl.description == "pkg:npm/a@1.0.0")
        // Node's lookup: a's own node_modules/b (2.0.0) wins over the hoisted b (1.0.0).
        #expect(a.dependencies == ["pkg:npm/b@2.0.0", "missing"])
        let scoped = try #require(result.packages.lockPackage("@scope/c"))
        #expect(scoped.purl.description == "pkg:npm/%40scope/c@3.1.0")
        #expect(scoped.licenses == ["MIT"])
        #expect(scoped.dependencies == ["pkg:npm/b@1.0.0"])
        #expect(result.packages.lockPackage("b", "2.0.0")?.licenses == ["BSD", "ISC"])
        #expect(result.packages.lockPackage("b", "1.0.0")?.licenses == ["Apache-2.0"])
        #expect(result.packages.allSatisfy { !$0.isDevelopment })
    }

    @Test func malformedManifestsGiveWarningsWithLines() throws {
        let tree = MemoryFileTree.lockTree([
            ("/app/node_modules/good/package.json", #"{"name":"good","version":"1.0.0"}"#),
            ("/app/node_modules/truncated/package.json", "{\n  \"name\": \"truncated\",\n  \"version\": \"1."),
            ("/app/node_modules/array/package.json", "[1, 2]"),
            ("/app/node_modules/types/package.json", #"{"name": 5, "version": ["1"], "license": 7}"#),
        ])
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.packages.lockIdentities == ["good@1.0.0"])
        #expect(result.warnings.contains { $0.hasPrefix("/app/node_modules/truncated/package.json:3: ") })
        #expect(result.warnings.contains { $0.hasPrefix("/app/node_modules/array/package.json:1: expected a JSON object") })
        #expect(result.warnings.count == 2)
    }

    @Test(.enabled(if: LockfileFixtures.available))
    func trivyNpmAnalyzerSampleTree() throws {
        let tree = LockfileFixtures.tree(mounting: "trivy-analyzer-cases/language/nodejs/npm/testdata/happy", at: "/app")
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.warnings.isEmpty)
        // Every package.json of the sample is a package directory's own manifest.
        #expect(result.packages.count == 8)
        #expect(result.packages.map(\.location).sorted() == tree.nodes.keys.filter { $0.hasSuffix("/package.json") && $0.contains("/node_modules/") }.sorted())
        let nestedDebug = try #require(result.packages.first { $0.location == "/app/node_modules/express/node_modules/debug/package.json" })
        #expect(nestedDebug.version == "2.6.9")
        #expect(nestedDebug.dependencies == ["pkg:npm/ms@2.0.0"])  // express/node_modules/ms, not the hoisted 2.1.1
        #expect(result.packages.lockPackage("@babel/parser")?.purl.description == "pkg:npm/%40babel/parser@7.23.6")
        #expect(result.packages.allSatisfy { $0.licenses == ["MIT"] })
    }

    @Test(.enabled(if: LockfileFixtures.available))
    func pnpmStoreAndYarnUnpluggedLayouts() throws {
        let pnpm = LockfileFixtures.tree(mounting: "trivy-analyzer-cases/language/nodejs/pnpm/testdata/happy", at: "/app")
        #expect(try cataloger.catalog(pnpm, context: CatalogContext()).packages.lockIdentities == ["ms@2.1.3"])
        let yarn = LockfileFixtures.tree(mounting: "trivy-analyzer-cases/language/nodejs/yarn/testdata/yarn-licenses", at: "/app")
        let unplugged = try cataloger.catalog(yarn, context: CatalogContext()).packages
        #expect(unplugged.lockIdentities == ["is-callable@1.2.7"])
        #expect(unplugged.first?.licenses == ["MIT"])
    }

    @Test(.enabled(if: LockfileFixtures.available))
    func trivyPackageJSONLicenseVariants() throws {
        let base = "trivy-parser-cases/parser/nodejs/packagejson/testdata/"
        let cases: [(String, [String])] = [
            ("legacy_package.json", ["ISC"]), ("legacy_array_package.json", ["Public Domain", "MIT"]),
            ("mixed_array_license_package.json", ["MIT"]), ("empty_array_license_package.json", []),
            ("null_license_package.json", []), ("package.json", ["MIT"]), ("invalid_license_package.json", []),
            ("unknown_license_object_package.json", []),
        ]
        for (file, licenses) in cases {
            let bytes = try #require(LockfileFixtures.bytes(base + file))
            var tree = MemoryFileTree()
            tree.set("/app/node_modules/pkg/package.json", FileNode(kind: .regular, size: Int64(bytes.count), contents: bytes))
            let result = try cataloger.catalog(tree, context: CatalogContext())
            #expect(result.warnings.isEmpty, "\(file)")
            #expect(result.packages.count == 1, "\(file)")
            #expect(result.packages.first?.licenses == licenses, "\(file)")
        }
        for file in ["without_name_and_version_package.json", "without_version_package.json", "invalid_name.json"] {
            let bytes = try #require(LockfileFixtures.bytes(base + file))
            var tree = MemoryFileTree()
            tree.set("/app/node_modules/pkg/package.json", FileNode(kind: .regular, size: Int64(bytes.count), contents: bytes))
            #expect(try cataloger.catalog(tree, context: CatalogContext()).packages.isEmpty, "\(file)")
        }
        let invalid = try #require(LockfileFixtures.bytes(base + "invalid_package.json"))
        var tree = MemoryFileTree()
        tree.set("/app/node_modules/pkg/package.json", FileNode(kind: .regular, size: Int64(invalid.count), contents: invalid))
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1)
    }
}
