import BulwarkCore
import Testing

@testable import BulwarkCatalog

@Suite(".NET deps.json")
struct DotNetDepsCatalogerTests {
    let cataloger = DotNetDepsCataloger()

    static let deps = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v8.0", "signature": "" },
          "targets": {
            ".NETCoreApp,Version=v8.0": {
              "MyApp/1.0.0": { "dependencies": { "Newtonsoft.Json": "13.0.3", "Serilog": "3.1.1" }, "runtime": { "MyApp.dll": {} } },
              "Newtonsoft.Json/13.0.3": { "runtime": { "lib/net6.0/Newtonsoft.Json.dll": { "assemblyVersion": "13.0.0.0" } } },
              "Serilog/3.1.1": { "dependencies": { "Newtonsoft.Json": "13.0.3" }, "runtime": { "lib/net7.0/Serilog.dll": {} } },
              "Microsoft.NETCore.Platforms/1.1.0": {},
              "Native.Lib/2.0.0": { "native": { "runtimes/linux-x64/native/libx.so": {} } }
            }
          },
          "libraries": {
            "MyApp/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
            "Newtonsoft.Json/13.0.3": { "type": "package", "serviceable": true, "sha512": "sha512-x", "path": "newtonsoft.json/13.0.3" },
            "Serilog/3.1.1": { "type": "package", "serviceable": true },
            "Microsoft.NETCore.Platforms/1.1.0": { "type": "package" },
            "Native.Lib/2.0.0": { "type": "package" },
            "NotInTargets/4.0.0": { "type": "package" },
            "Ref/1.0.0": { "type": "referenceassembly" }
          }
        }
        """

    @Test func packagesWithRuntimeAssets() throws {
        let tree = MemoryFileTree.lockTree([("/app/MyApp.deps.json", Self.deps)])
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == ["Native.Lib@2.0.0", "Newtonsoft.Json@13.0.3", "NotInTargets@4.0.0", "Serilog@3.1.1"])
        let serilog = try #require(result.packages.lockPackage("Serilog"))
        #expect(serilog.type == .nuget)
        #expect(serilog.purl.description == "pkg:nuget/Serilog@3.1.1")
        #expect(serilog.dependencies == ["pkg:nuget/Newtonsoft.Json@13.0.3"])
        #expect(serilog.location == "/app/MyApp.deps.json")
        #expect(cataloger.scope == .installed)
    }

    @Test(arguments: [("/app/MyApp.deps.json", true), ("/app/.deps.json", false), ("/app/deps.json", false), ("/app/x.deps.json.bak", false)])
    func interest(path: String, expected: Bool) {
        #expect(cataloger.isInterested(in: path) == expected)
    }

    @Test(.enabled(if: LockfileFixtures.available), arguments: [
        ("trivy-parser-cases/parser/dotnet/core_deps/testdata/happy.deps.json", ["Newtonsoft.Json@13.0.1"]),
        ("trivy-parser-cases/parser/dotnet/core_deps/testdata/without-runtime.deps.json", ["JsonDiffPatch@2.0.61", "Libuv@1.9.1", "System.Collections.Immutable@1.3.0"]),
        ("trivy-parser-cases/parser/dotnet/core_deps/testdata/multi-project.deps.json", ["Newtonsoft.Json@13.0.3"]),
        ("trivy-parser-cases/parser/dotnet/core_deps/testdata/missing-target.deps.json", ["Newtonsoft.Json@13.0.1"]),
        ("trivy-parser-cases/parser/dotnet/core_deps/testdata/no-libraries.deps.json", []),
        ("trivy-analyzer-cases/language/dotnet/deps/testdata/datacollector.deps.json", ["Newtonsoft.Json@9.0.1"]),
        ("syft-cataloger-cases/cataloger/dotnet/testdata/deps-with-referenceassembly/MyApp.deps.json", ["Newtonsoft.Json@13.0.3"]),
    ])
    func sharedSamples(file: String, expected: [String]) throws {
        let result = cataloger.parse(try #require(LockfileFixtures.bytes(file)), path: "/app/x.deps.json")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == expected)
    }

    @Test(.enabled(if: LockfileFixtures.available))
    func invalidSampleGivesALine() throws {
        let bytes = try #require(LockfileFixtures.bytes("trivy-parser-cases/parser/dotnet/core_deps/testdata/invalid.deps.json"))
        let result = cataloger.parse(bytes, path: "/app/x.deps.json")
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasPrefix("/app/x.deps.json:12: ") == true)
    }

    @Test func wrongTypes() {
        let result = cataloger.parse(Array(#"{"libraries": {"A/1.0": [], "NoSlash": {"type": "package"}, "B/2.0": {"type": "package"}}}"#.utf8), path: "/x.deps.json")
        #expect(result.packages.lockIdentities == ["B@2.0"])
        #expect(result.warnings.count == 2)
        #expect(cataloger.parse(Array(#"{"libraries": 5}"#.utf8), path: "/x.deps.json").warnings == ["/x.deps.json: libraries: expected an object, found number"])
    }
}

@Suite("NuGet packages.lock.json")
struct NuGetLockCatalogerTests {
    let cataloger = NuGetLockCataloger()

    static let lock = """
        {
          "version": 2,
          "dependencies": {
            "net8.0": {
              "Serilog.Sinks.Console": { "type": "Direct", "requested": "[5.0.1, )", "resolved": "5.0.1", "contentHash": "x",
                                         "dependencies": { "Serilog": "3.1.1" } },
              "Serilog": { "type": "Transitive", "resolved": "3.1.1", "contentHash": "y" },
              "MyLib": { "type": "Project", "dependencies": { "Serilog": "[3.1.1, )" } }
            },
            "net8.0/linux-x64": {
              "Serilog": { "type": "Transitive", "resolved": "3.1.1" },
              "runtime.native.System": { "type": "Transitive", "resolved": "4.3.0" }
            }
          }
        }
        """

    @Test func frameworksMergedProjectsSkipped() throws {
        let tree = MemoryFileTree.lockTree([("/src/App/packages.lock.json", Self.lock)])
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == ["Serilog.Sinks.Console@5.0.1", "Serilog@3.1.1", "runtime.native.System@4.3.0"])
        #expect(result.packages.lockPackage("Serilog.Sinks.Console")?.dependencies == ["pkg:nuget/Serilog@3.1.1"])
        #expect(result.packages.allSatisfy { !$0.isDevelopment && $0.location == "/src/App/packages.lock.json" })
        #expect(cataloger.scope == .lockfile)
    }

    @Test(.enabled(if: LockfileFixtures.available), arguments: [
        ("trivy-parser-cases/parser/nuget/lock/testdata/packages_lock_simple.json", 2),
        ("trivy-parser-cases/parser/nuget/lock/testdata/packages_lock_legacy.json", 2),
        ("trivy-parser-cases/parser/nuget/lock/testdata/packages_lock_subdependencies.json", 8),
        ("trivy-parser-cases/parser/nuget/lock/testdata/packages_lock_multi.json", 40),
        ("syft-cataloger-cases/cataloger/dotnet/testdata/packages.lock.json", 9),
    ])
    func sharedSamples(file: String, count: Int) throws {
        let result = cataloger.parse(try #require(LockfileFixtures.bytes(file)), path: "/p/packages.lock.json")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.count == count)
        #expect(result.packages.allSatisfy { $0.purl.description.hasPrefix("pkg:nuget/") })
    }

    @Test func malformed() {
        #expect(cataloger.parse(Array("{\"dependencies\": {\n\"net8.0\": {".utf8), path: "/p/packages.lock.json").warnings.first?.hasPrefix("/p/packages.lock.json:2: ") == true)
        let types = cataloger.parse(Array(#"{"dependencies": {"net8.0": {"A": {"resolved": 1}, "B": 3}}}"#.utf8), path: "/p/packages.lock.json")
        #expect(types.packages.isEmpty)
        #expect(types.warnings.count == 2)
    }
}

@Suite("NuGet packages.config")
struct NuGetPackagesConfigCatalogerTests {
    let cataloger = NuGetPackagesConfigCataloger()

    @Test func packagesAndDevelopmentFlag() throws {
        let text = """
            \u{FEFF}<?xml version="1.0" encoding="utf-8"?>
            <!-- packages -->
            <packages>
              <package id="Microsoft.Net.Compilers" version="1.0.0" targetFramework="net46" developmentDependency="true" />
              <package id='Newtonsoft.Json' version='8.0.3' allowedVersions="[8,10)" targetFramework="net46"/>
              <package id="A&amp;B" version="1.0.0"></package>
              <package version="1.0.0" />
            </packages>
            """
        let tree = MemoryFileTree.lockTree([("/src/packages.config", text)])
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.packages.lockIdentities == ["A&B@1.0.0", "Microsoft.Net.Compilers@1.0.0", "Newtonsoft.Json@8.0.3"])
        #expect(result.packages.filter(\.isDevelopment).lockIdentities == ["Microsoft.Net.Compilers@1.0.0"])
        #expect(result.packages.lockPackage("Newtonsoft.Json")?.purl.description == "pkg:nuget/Newtonsoft.Json@8.0.3")
        #expect(result.warnings == ["/src/packages.config:7: <package> without a valid id and version"])
    }

    @Test(.enabled(if: LockfileFixtures.available))
    func trivySamples() throws {
        let base = "trivy-parser-cases/parser/nuget/config/testdata/"
        let happy = cataloger.parse(try #require(LockfileFixtures.bytes(base + "packages.config")), path: "/p/packages.config")
        #expect(happy.warnings.isEmpty)
        #expect(happy.packages.lockIdentities == ["Microsoft.AspNet.WebApi@5.2.2", "Newtonsoft.Json@6.0.4"])
        let dev = cataloger.parse(try #require(LockfileFixtures.bytes(base + "dev_dependency.config")), path: "/p/packages.config")
        #expect(dev.packages.filter(\.isDevelopment).lockIdentities == ["Microsoft.Net.Compilers@1.0.0"])
        let malformed = cataloger.parse(try #require(LockfileFixtures.bytes(base + "malformed_xml.config")), path: "/p/packages.config")
        #expect(malformed.packages.isEmpty)
        #expect(malformed.warnings == ["/p/packages.config:2: element <packages> is never closed"])
    }

    @Test func entitiesAreNeverExpanded() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for level in 1..<10 { text += " <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n" }
        text += "]>\n<packages><package id=\"&lol9;\" version=\"1.0\"/><package id=\"Ok\" version=\"2.0\"/></packages>"
        let start = ContinuousClock.now
        let result = cataloger.parse(Array(text.utf8), path: "/p/packages.config")
        #expect(ContinuousClock.now - start < .seconds(10))  // a hang guard, loose for loaded CI machines
        #expect(result.packages.lockIdentities == ["&lol9;@1.0", "Ok@2.0"])
    }

    @Test(arguments: [
        ("<packages><package id=\"a\" version=\"1\"/></other>", "closing tag </other> does not match <packages> from line 1"),
        ("<packages>\n<package id=\"a\" version=\"1\"", "unterminated tag <package>"),
        ("<packages><!-- never closed", "unterminated comment"),
        ("<packages><package id=a version=\"1\"/></packages>", "attribute id value is not quoted"),
        ("</packages>", "closing tag </packages> without an opening tag"),
    ])
    func malformedXMLNamesTheLine(text: String, problem: String) {
        let result = cataloger.parse(Array(text.utf8), path: "/p/packages.config")
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasSuffix(problem) == true, "\(result.warnings)")
    }

    @Test func deepNestingAndGarbageAreBounded() {
        let deep = String(repeating: "<a>", count: 100_000)
        #expect(cataloger.parse(Array(deep.utf8), path: "/p/packages.config").warnings.first?.contains("nested deeper") == true)
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 10 << 20)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        let start = ContinuousClock.now
        let result = cataloger.parse(bytes, path: "/p/packages.config")
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(result.packages.count + result.warnings.count >= 1)
    }
}
