import BulwarkCore
import Foundation
import Testing

@testable import BulwarkCatalog

@Suite("npm package-lock.json v1, v2, v3")
struct NPMLockfileCatalogerTests {
    let cataloger = NPMLockfileCataloger()

    static let version3 = """
        {
          "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
          "packages": {
            "": { "name": "app", "version": "1.0.0", "dependencies": { "a": "^1.0.0", "alias": "npm:@s/real@^2" },
                  "devDependencies": { "jest": "^29" }, "workspaces": ["packages/*"] },
            "node_modules/a": { "version": "1.0.0", "license": "MIT", "dependencies": { "b": "^2.0.0", "ws-lib": "*" } },
            "node_modules/a/node_modules/b": { "version": "2.0.0", "dependencies": { "c": "*" } },
            "node_modules/b": { "version": "1.0.0", "dev": true },
            "node_modules/c": { "version": "3.0.0", "devOptional": true, "optionalDependencies": { "fsevents": "*" } },
            "node_modules/alias": { "name": "@s/real", "version": "2.1.0" },
            "node_modules/jest": { "version": "29.7.0", "dev": true, "licenses": [{ "type": "MIT" }] },
            "node_modules/ws-lib": { "resolved": "packages/lib", "link": true },
            "packages/lib": { "name": "ws-lib", "version": "0.1.0" },
            "node_modules/noversion": { "resolved": "x" }
          }
        }
        """

    @Test func version3InstallPaths() throws {
        let result = cataloger.parse(Array(Self.version3.utf8), path: "/src/package-lock.json")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == ["@s/real@2.1.0", "a@1.0.0", "b@1.0.0", "b@2.0.0", "c@3.0.0", "jest@29.7.0", "ws-lib@0.1.0"])
        let a = try #require(result.packages.lockPackage("a"))
        #expect(a.dependencies == ["pkg:npm/b@2.0.0", "pkg:npm/ws-lib@0.1.0"])
        #expect(a.licenses == ["MIT"])
        #expect(a.location == "/src/package-lock.json")
        #expect(result.packages.lockPackage("b", "2.0.0")?.dependencies == ["pkg:npm/c@3.0.0"])
        #expect(result.packages.lockPackage("b", "1.0.0")?.isDevelopment == true)
        #expect(result.packages.lockPackage("jest")?.isDevelopment == true)
        #expect(result.packages.lockPackage("jest")?.licenses == ["MIT"])
        // devOptional: also an optional dependency of a production package, so not development-only.
        #expect(result.packages.lockPackage("c")?.isDevelopment == false)
        #expect(result.packages.lockPackage("c")?.dependencies == ["fsevents"])
        #expect(result.packages.lockPackage("@s/real")?.purl.description == "pkg:npm/%40s/real@2.1.0")
    }

    @Test func version1NestedDependencies() throws {
        let text = """
            { "name": "app", "lockfileVersion": 1, "dependencies": {
                "a": { "version": "1.0.0", "requires": { "b": "^2", "zzz": "*" }, "dependencies": {
                    "b": { "version": "2.0.0", "requires": { "c": "*" } } } },
                "b": { "version": "1.0.0", "dev": true },
                "c": { "version": "3.0.0" },
                "alias": { "version": "npm:@s/real@2.1.0" },
                "local": { "version": "file:../local" }
            } }
            """
        let result = cataloger.parse(Array(text.utf8), path: "/p/package-lock.json")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == ["@s/real@2.1.0", "a@1.0.0", "b@1.0.0", "b@2.0.0", "c@3.0.0"])
        #expect(result.packages.lockPackage("a")?.dependencies == ["pkg:npm/b@2.0.0", "zzz"])
        #expect(result.packages.lockPackage("b", "2.0.0")?.dependencies == ["pkg:npm/c@3.0.0"])
        #expect(result.packages.lockPackage("b", "1.0.0")?.isDevelopment == true)
    }

    @Test(.enabled(if: LockfileFixtures.available))
    func trivySamplesAgreeAcrossVersions() throws {
        var identities: [[String]] = []
        var development: [[String]] = []
        for version in ["v1", "v2", "v3"] {
            let bytes = try #require(LockfileFixtures.bytes("trivy-parser-cases/parser/nodejs/npm/testdata/package-lock_\(version).json"))
            let result = cataloger.parse(bytes, path: "/app/package-lock.json")
            #expect(result.warnings.isEmpty, "\(version)")
            identities.append(result.packages.lockIdentities)
            development.append(result.packages.filter(\.isDevelopment).lockIdentities)
        }
        // Trivy's expectations for these samples: 31 packages, debug 2.5.2 and its ms 0.7.2 dev-only.
        #expect(identities[0].count == 31)
        #expect(identities[0] == identities[1] && identities[1] == identities[2])
        #expect(development[0] == ["debug@2.5.2", "ms@0.7.2"])
        #expect(development[0] == development[1] && development[1] == development[2])
        let bytes = try #require(LockfileFixtures.bytes("trivy-parser-cases/parser/nodejs/npm/testdata/package-lock_v3.json"))
        let packages = cataloger.parse(bytes, path: "/app/package-lock.json").packages
        #expect(packages.lockPackage("finalhandler")?.dependencies.contains("pkg:npm/debug@2.6.9") == true)
        #expect(packages.lockPackage("debug", "2.5.2")?.dependencies == ["pkg:npm/ms@0.7.2"])
        #expect(packages.lockPackage("@babel/helper-string-parser")?.purl.description == "pkg:npm/%40babel/helper-string-parser@7.19.4")
    }

    @Test(.enabled(if: LockfileFixtures.available), arguments: ["alias-package-lock-1.json", "alias-package-lock-2.json"])
    func syftAliasSamples(file: String) throws {
        let bytes = try #require(LockfileFixtures.bytes("syft-cataloger-cases/cataloger/javascript/testdata/pkg-lock/" + file))
        let result = cataloger.parse(bytes, path: "/app/package-lock.json")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities.contains("case@1.6.3"))
        #expect(result.packages.lockIdentities.contains("@bundled-es-modules/chai@4.2.2"))
        #expect(!result.packages.contains { $0.name == "case-alias" || $0.name == "chai" })
    }

    @Test(.enabled(if: LockfileFixtures.available))
    func trivyWorkspaceSample() throws {
        let bytes = try #require(LockfileFixtures.bytes("trivy-parser-cases/parser/nodejs/npm/testdata/package-lock_v3_with_workspace.json"))
        let result = cataloger.parse(bytes, path: "/app/package-lock.json")
        #expect(result.warnings.isEmpty)
        // As Trivy: func1 has no version; nested_func is named by the link that points at it.
        #expect(result.packages.lockIdentities == ["debug@2.5.2", "debug@2.6.9", "ms@0.7.2", "ms@2.0.0", "nested_func@1.0.0"])
        #expect(result.packages.lockPackage("nested_func")?.dependencies == ["pkg:npm/debug@2.6.9"])
    }

    @Test func interest() {
        #expect(cataloger.isInterested(in: "/src/package-lock.json"))
        #expect(cataloger.isInterested(in: "/src/npm-shrinkwrap.json"))
        #expect(!cataloger.isInterested(in: "/src/node_modules/x/package-lock.json"))
        #expect(!cataloger.isInterested(in: "/src/xpackage-lock.json"))
        #expect(cataloger.scope == .lockfile)
    }

    @Test(arguments: [
        ("{\n\"lockfileVersion\": 3,\n\"packages\": {\n\"node_modules/a\": {\"version\": \"1.", 4),
        ("", 1),
        ("{\"packages\": {}} trailing", 1),
        ("{\"a\":\n\n tru}", 3),
    ])
    func syntaxErrorsNameTheLine(text: String, line: Int) {
        let result = cataloger.parse(Array(text.utf8), path: "/p/package-lock.json")
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasPrefix("/p/package-lock.json:\(line): ") == true)
    }

    @Test func wrongTypesNameTheJSONPath() {
        let text = #"{"lockfileVersion": 3, "packages": {"node_modules/a": [], "node_modules/b": {"version": 7}, "node_modules/c": {"version": "1.0.0", "dependencies": "x"}, "node_modules/d": {"version": "1.0.0"}}}"#
        let result = cataloger.parse(Array(text.utf8), path: "/p/package-lock.json")
        #expect(result.packages.lockIdentities == ["c@1.0.0", "d@1.0.0"])
        #expect(result.warnings.contains("/p/package-lock.json: packages[\"node_modules/a\"]: expected an object, found array"))
        #expect(result.warnings.contains("/p/package-lock.json: packages[\"node_modules/b\"].version: expected a string, found number"))
        #expect(result.warnings.contains("/p/package-lock.json: packages[\"node_modules/c\"].dependencies: expected an object, found string"))
        let top = cataloger.parse(Array(#"{"packages": []}"#.utf8), path: "/p/package-lock.json")
        #expect(top.warnings == ["/p/package-lock.json: packages: expected an object, found array"])
        let root = cataloger.parse(Array(#""just a string""#.utf8), path: "/p/package-lock.json")
        #expect(root.warnings == ["/p/package-lock.json:1: expected a JSON object, found string"])
    }

    @Test func deeplyNestedJSONIsRejectedNotRecursed() {
        let depth = 200_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let result = cataloger.parse(Array(text.utf8), path: "/p/package-lock.json")
        #expect(result.packages.isEmpty)
        #expect(result.warnings.first?.contains("nesting deeper than") == true)
        // v1 nesting through `dependencies` objects is walked without recursion.
        var nested = #"{"version":"1.0.0"}"#
        for level in 0..<60 { nested = #"{"version":"1.0.\#(level + 1)","dependencies":{"p\#(level)":\#(nested)}}"# }
        let v1 = cataloger.parse(Array(#"{"lockfileVersion":1,"dependencies":{"top":\#(nested)}}"#.utf8), path: "/p/package-lock.json")
        #expect(v1.warnings.isEmpty)
        #expect(v1.packages.count == 61)
    }

    @Test func tenMegabytesOfGarbageEndInOneWarning() {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 10 << 20)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        bytes[0] = UInt8(ascii: "{")
        let start = ContinuousClock.now
        let result = cataloger.parse(bytes, path: "/p/package-lock.json")
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func hundredThousandEntriesStayFast() throws {
        var text = #"{"name":"big","lockfileVersion":3,"packages":{"":{"name":"big","version":"1.0.0"}"#
        text.reserveCapacity(16 << 20)
        for index in 0..<100_000 {
            text += #","node_modules/pkg-\#(index)":{"version":"1.0.\#(index % 50)","resolved":"https://registry.npmjs.org/pkg-\#(index)/-/pkg-\#(index)-1.0.0.tgz","integrity":"sha512-AAAA","dependencies":{"pkg-\#((index + 1) % 100_000)":"^1.0.0"}\#(index % 3 == 0 ? #","dev":true"# : "")}"#
        }
        text += "}}"
        let bytes = Array(text.utf8)
        let start = ContinuousClock.now
        let result = cataloger.parse(bytes, path: "/p/package-lock.json")
        let elapsed = ContinuousClock.now - start
        #expect(result.warnings.isEmpty)
        #expect(result.packages.count == 100_000)
        #expect(result.packages.filter(\.isDevelopment).count == 33_334)
        #expect(result.packages.first?.dependencies == ["pkg:npm/pkg-1@1.0.1"])
        // Debug builds are ~10x slower than release; release parses this in well under a second.
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }
}
