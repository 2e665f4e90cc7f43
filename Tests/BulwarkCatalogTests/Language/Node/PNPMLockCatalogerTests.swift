import BulwarkCore
import Testing

@testable import BulwarkCatalog

@Suite("pnpm-lock.yaml v5, v6, v9")
struct PNPMLockCatalogerTests {
    let cataloger = PNPMLockCataloger()

    static let version5 = """
        lockfileVersion: 5.4

        specifiers:
          react-dom: ^18.0.0
          '@types/node': ^18.0.0

        dependencies:
          react-dom: 18.2.0_react@18.2.0

        devDependencies:
          '@types/node': 18.11.9

        packages:

          /@types/node/18.11.9:
            resolution: {integrity: sha512-CRpX21/kGdzjOpFsZSkcrXMGIBWMGNIHXXBVFSH+ggkftxg+XYP20TESbh+zFvFj3EQOl5byk0HTRn1IL6hbqg==}
            dev: true

          /react-dom/18.2.0_react@18.2.0:
            resolution: {integrity: sha512-6IMTriUmvsjHUjNtEDudZfuDQUoWXVxKHhlEGSk81n4YFS+r/Kl99wXiwlVXtPBtJenozv2P+hxDsw9eA7Xo6g==}
            peerDependencies:
              react: ^18.2.0
            dependencies:
              loose-envify: 1.4.0
              react: 18.2.0
              scheduler: 0.23.0
            dev: false

          /react/18.2.0:
            resolution: {integrity: sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==}
            dependencies:
              loose-envify: 1.4.0
            dev: false

          /loose-envify/1.4.0:
            resolution: {integrity: sha512-lyuxPGr/Wfhrlem2CL/UcnUc1zcqKAImBDzukY7Y5F/yQiNdko6+fRLevlw1HgMySw7f611UIY408EtxRSoK3Q==}
            hasBin: true
            dependencies:
              js-tokens: 4.0.0
            dev: false

          /js-tokens/4.0.0:
            resolution: {integrity: sha512-RdJUflcE3cUzKiMqQgsCu06FPu9UdIJO0beYbPhHN4k6apgJtifcoCtT9bcxOpYBtpD2kCM6Sbzg4CausW/PKQ==}
            dev: false

          /scheduler/0.23.0:
            resolution: {integrity: sha512-CtuThmgHNg7zIZWAXi3AsyIzA3n4xx7aNyjwC2VJldO2LMVDhFK+63xGqq6CsJH4rTAt6/M+N4GhZiDYPx9eUw==}
            dependencies:
              loose-envify: 1.4.0
            dev: false
        """

    @Test func version5() throws {
        let result = cataloger.parse(Array(Self.version5.utf8), path: "/w/pnpm-lock.yaml")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == ["@types/node@18.11.9", "js-tokens@4.0.0", "loose-envify@1.4.0", "react-dom@18.2.0", "react@18.2.0", "scheduler@0.23.0"])
        #expect(result.packages.filter(\.isDevelopment).lockIdentities == ["@types/node@18.11.9"])
        let dom = try #require(result.packages.lockPackage("react-dom"))
        #expect(dom.dependencies == ["pkg:npm/loose-envify@1.4.0", "pkg:npm/react@18.2.0", "pkg:npm/scheduler@0.23.0"])
        #expect(dom.location == "/w/pnpm-lock.yaml")
        #expect(result.packages.lockPackage("@types/node")?.purl.description == "pkg:npm/%40types/node@18.11.9")
    }

    static let version6 = """
        lockfileVersion: '6.0'

        dependencies:
          react-dom:
            specifier: ^18.0.0
            version: 18.2.0(react@18.2.0)

        packages:

          /@babel/core@7.22.5:
            resolution: {integrity: sha512-AAAA}
            dev: true

          /react-dom@18.2.0(react@18.2.0):
            resolution: {integrity: sha512-BBBB}
            dependencies:
              react: 18.2.0
              scheduler: 0.23.0
              my-alias: /real-pkg@2.0.0
              local: link:../local
            dev: false

          /react@18.2.0:
            resolution: {integrity: sha512-CCCC}
            dev: false

          /scheduler@0.23.0:
            resolution: {integrity: sha512-DDDD}
            dev: false

          /real-pkg@2.0.0:
            resolution: {integrity: sha512-EEEE}
            dev: false

          github.com/user/repo/abcdef:
            resolution: {tarball: https://codeload.github.com/user/repo/tar.gz/abcdef}
            name: from-git
            version: 1.2.3
            dev: false
        """

    @Test func version6() throws {
        let result = cataloger.parse(Array(Self.version6.utf8), path: "/w/pnpm-lock.yaml")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == ["@babel/core@7.22.5", "from-git@1.2.3", "react-dom@18.2.0", "react@18.2.0", "real-pkg@2.0.0", "scheduler@0.23.0"])
        #expect(result.packages.filter(\.isDevelopment).lockIdentities == ["@babel/core@7.22.5"])
        #expect(
            result.packages.lockPackage("react-dom")?.dependencies == [
                "pkg:npm/react@18.2.0", "pkg:npm/scheduler@0.23.0", "pkg:npm/real-pkg@2.0.0", "local",
            ])
    }

    static let version9 = """
        lockfileVersion: '9.0'

        importers:

          .:
            dependencies:
              react-dom:
                specifier: ^18.0.0
                version: 18.2.0(react@18.2.0)
              string-width-cjs:
                specifier: npm:string-width@^4.2.0
                version: string-width@4.2.3
            devDependencies:
              vitest:
                specifier: ^1.0.0
                version: 1.6.0

        packages:

          react-dom@18.2.0:
            resolution: {integrity: sha512-AAAA}
            peerDependencies:
              react: ^18.2.0

          react@18.2.0:
            resolution: {integrity: sha512-BBBB}

          string-width@4.2.3:
            resolution: {integrity: sha512-CCCC}

          vitest@1.6.0:
            resolution: {integrity: sha512-DDDD}

          tinypool@0.8.4:
            resolution: {integrity: sha512-EEEE}

        snapshots:

          react-dom@18.2.0(react@18.2.0):
            dependencies:
              react: 18.2.0

          react@18.2.0: {}

          string-width@4.2.3: {}

          vitest@1.6.0:
            dependencies:
              tinypool: 0.8.4
              react: 18.2.0

          tinypool@0.8.4: {}
        """

    @Test func version9DevelopmentFromImporters() throws {
        let result = cataloger.parse(Array(Self.version9.utf8), path: "/w/pnpm-lock.yaml")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.lockIdentities == ["react-dom@18.2.0", "react@18.2.0", "string-width@4.2.3", "tinypool@0.8.4", "vitest@1.6.0"])
        #expect(result.packages.filter(\.isDevelopment).lockIdentities == ["tinypool@0.8.4", "vitest@1.6.0"])
        #expect(result.packages.lockPackage("react-dom")?.dependencies == ["pkg:npm/react@18.2.0"])
        #expect(result.packages.lockPackage("vitest")?.dependencies == ["pkg:npm/tinypool@0.8.4", "pkg:npm/react@18.2.0"])
    }

    @Test(.enabled(if: LockfileFixtures.available), arguments: [
        // (file, packages, development) — counts of distinct name@version; dev from `dev: true` (v5/v6).
        ("trivy-parser-cases/parser/nodejs/pnpm/testdata/pnpm-lock_normal.yaml", 3, 0),
        ("trivy-parser-cases/parser/nodejs/pnpm/testdata/pnpm-lock_with_dev.yaml", 85, 79),
        ("trivy-parser-cases/parser/nodejs/pnpm/testdata/pnpm-lock_many.yaml", 134, 78),
        ("trivy-parser-cases/parser/nodejs/pnpm/testdata/pnpm-lock_v6.yaml", 3, 0),
        ("trivy-parser-cases/parser/nodejs/pnpm/testdata/pnpm-lock_v6_with_dev.yaml", 85, 79),
        ("trivy-parser-cases/parser/nodejs/pnpm/testdata/pnpm-lock_v9_multiple_documents.yaml", 1, 0),
        ("syft-cataloger-cases/cataloger/javascript/testdata/pnpm-v5-peer-suffix/pnpm-lock.yaml", 3, 0),
        ("syft-cataloger-cases/cataloger/javascript/testdata/pnpm-multi-doc/pnpm-lock.yaml", 1, 0),
        ("syft-cataloger-cases/cataloger/javascript/testdata/pnpm/pnpm-lock.yaml", 1, 1),
    ])
    func sharedSamples(file: String, packages: Int, development: Int) throws {
        let bytes = try #require(LockfileFixtures.bytes(file))
        let result = cataloger.parse(bytes, path: "/p/pnpm-lock.yaml")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.count == packages)
        #expect(result.packages.filter(\.isDevelopment).count == development)
        #expect(Set(result.packages.lockIdentities).count == result.packages.count)
        #expect(result.packages.allSatisfy { !$0.version.contains("(") && !$0.version.contains("_") })
    }

    @Test(.enabled(if: LockfileFixtures.available))
    func trivyVersion9Sample() throws {
        let bytes = try #require(LockfileFixtures.bytes("trivy-parser-cases/parser/nodejs/pnpm/testdata/pnpm-lock_v9.yaml"))
        let result = cataloger.parse(bytes, path: "/p/pnpm-lock.yaml")
        #expect(result.warnings.isEmpty)
        // Direct dev dependencies of the importers are development ones, except ms 2.0.0, which
        // production packages (debug 2.6.9 under finalhandler) also need.
        let development = Set(result.packages.filter(\.isDevelopment).lockIdentities)
        #expect(development == ["jquery@3.6.0", "await-sleep@0.0.1"])
        #expect(result.packages.lockPackage("ms", "2.0.0")?.isDevelopment == false)
        #expect(result.packages.lockPackage("finalhandler")?.isDevelopment == false)
        #expect(result.packages.lockPackage("promise")?.dependencies == ["pkg:npm/asap@2.0.6"])
    }

    @Test(arguments: [
        ("lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    resolution: {integrity: x\n", 4),
        ("packages: [\n", 2),
        ("\t- bad: [tab\n", 1),
    ])
    func invalidYAMLGivesAWarningWithTheLine(text: String, line: Int) {
        let result = cataloger.parse(Array(text.utf8), path: "/p/pnpm-lock.yaml")
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasPrefix("/p/pnpm-lock.yaml:") == true)
    }

    @Test func wrongTypesAreWarnings() {
        let text = "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0: just-a-string\n  /b@2.0.0:\n    dev: true\n"
        let result = cataloger.parse(Array(text.utf8), path: "/p/pnpm-lock.yaml")
        #expect(result.packages.lockIdentities == ["b@2.0.0"])
        #expect(result.warnings == ["/p/pnpm-lock.yaml:3: packages[/a@1.0.0]: expected a mapping"])
        let list = cataloger.parse(Array("packages:\n  - a\n".utf8), path: "/p/pnpm-lock.yaml")
        #expect(list.warnings.count == 1)
    }

    @Test(arguments: [
        String(repeating: "[", count: 100_000),
        String(repeating: "- ", count: 100_000) + "x",
        (0..<3000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n"),
    ])
    func deepNestingIsRejectedBeforeYams(text: String) {
        let result = cataloger.parse(Array(text.utf8), path: "/p/pnpm-lock.yaml")
        #expect(result.packages.isEmpty)
        #expect(result.warnings.first?.contains("nesting deeper than") == true)
    }

    @Test func aliasesCannotExplode() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<30 { text += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1), *a\(level - 1), *a\(level - 1), *a\(level - 1)]\n" }
        text += "packages:\n  /p@1.0.0:\n    dependencies: *a29\n  /q@1.0.0: *a29\n"
        let start = ContinuousClock.now
        let result = cataloger.parse(Array(text.utf8), path: "/p/pnpm-lock.yaml")
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(result.packages.lockIdentities == ["p@1.0.0"])
    }

    @Test func tenMegabytesOfGarbage() {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 10 << 20)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        let result = cataloger.parse(bytes, path: "/p/pnpm-lock.yaml")
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1)
    }
}
