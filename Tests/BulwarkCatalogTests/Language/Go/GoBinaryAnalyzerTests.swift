import BulwarkCore
import Foundation
import Testing
@testable import BulwarkCatalog

@Suite("Go binaries")
struct GoBinaryAnalyzerTests {
    let analyzer = GoBinaryAnalyzer()

    static func summary(_ packages: [Package]) -> [String] { packages.map { "\($0.name)@\($0.version) \($0.purl)" }.sorted() }

    static let expectedSynthetic = [
        "example.com/app@ pkg:golang/example.com/app",
        "example.com/local@v1.0.0 pkg:golang/example.com/local@v1.0.0",
        "github.com/BurntSushi/toml@v1.2.1 pkg:golang/github.com/burntsushi/toml@v1.2.1",
        "golang.org/x/sys@v0.0.0-20220412211240-33da011f77ad pkg:golang/golang.org/x/sys@v0.0.0-20220412211240-33da011f77ad",
        "golang.org/x/text@v0.3.8 pkg:golang/golang.org/x/text@v0.3.8",
    ]

    @Test("inline (Go 1.18+) build info: deps, replacements, main module, stdlib without experiments")
    func inlineFormat() {
        let result = analyzer.analyze(path: "/usr/bin/app", bytes: GoBuildInfoFixtures.inlineELF())
        #expect(result.warnings.isEmpty)
        #expect(Self.summary(result.packages) == (Self.expectedSynthetic + ["stdlib@v1.21.0 pkg:golang/stdlib@v1.21.0"]).sorted())
        #expect(result.packages.allSatisfy { $0.location == "/usr/bin/app" && $0.type == .golang })
        let main = result.packages.first { $0.name == "example.com/app" }
        #expect(main?.dependencies.count == 4)
        #expect(main?.dependencies.contains("pkg:golang/golang.org/x/text@v0.3.8") == true)
    }

    @Test("stripped of section headers: the aligned magic is found by scanning")
    func strippedSections() {
        let result = analyzer.analyze(path: "/app", bytes: GoBuildInfoFixtures.inlineELF(stripped: true, version: "go1.20"))
        #expect(Self.summary(result.packages) == (Self.expectedSynthetic + ["stdlib@v1.20.0 pkg:golang/stdlib@v1.20.0"]).sorted())
    }

    @Test("pointer (pre-1.18) build info in ELF32/64, both byte orders", arguments: [(true, true), (false, true), (true, false), (false, false)])
    func pointerFormat(is64: Bool, littleEndian: Bool) {
        let bytes = GoBuildInfoFixtures.pointerELF(is64: is64, littleEndian: littleEndian)
        let result = analyzer.analyze(path: "/old", bytes: bytes)
        #expect(result.warnings.isEmpty)
        #expect(Self.summary(result.packages) == (Self.expectedSynthetic + ["stdlib@v1.16.15 pkg:golang/stdlib@v1.16.15"]).sorted())
    }

    @Test("toolchain strings become stdlib versions", arguments: [
        ("go1.19.8", "v1.19.8"), ("go1.20", "v1.20.0"), ("go1.21.0 X:boringcrypto", "v1.21.0"), ("go1.21rc2", "v1.21.0-rc.2"),
        ("go1.19beta1", "v1.19.0-beta.1"), ("go1.22.0-fips", "v1.22.0"), ("devel go1.22-abcdef Tue Jan 1", nil), ("", nil), ("go1", nil),
        ("gox.y", nil),
    ] as [(String, String?)])
    func toolchainVersions(toolchain: String, expected: String?) {
        #expect(GoPackageFactory.standardLibraryVersion(fromToolchain: toolchain) == expected)
    }

    @Test("cheap rejection: non-ELF, ELF without Go, non-executables")
    func rejections() {
        #expect(analyzer.analyze(path: "/bin/sh", bytes: Array("#!/bin/sh\n".utf8)).packages.isEmpty)
        var builder = TestELFBuilder()
        builder.add(".text", [0xC3], address: 0x1000)
        let plain = analyzer.analyze(path: "/bin/true", bytes: builder.bytes())
        #expect(plain.packages.isEmpty && plain.warnings.isEmpty)
        #expect(!analyzer.wants(path: "/etc/passwd", mode: 0o644, size: 1000))
        #expect(analyzer.wants(path: "/usr/bin/app", mode: 0o755, size: 1000))
        #expect(!analyzer.wants(path: "/usr/bin/huge", mode: 0o755, size: 600 << 20))
    }

    @Test("corrupt build info is a warning naming the file; truncations never crash")
    func corrupt() {
        var bytes = GoBuildInfoFixtures.inlineELF()
        let magic = [0xFF] + Array(" Go buildinf:".utf8)
        let start = GoBuildInfo.findMagic(in: bytes, from: 0) ?? 0
        #expect(Array(bytes[start..<(start + 14)]) == magic)
        bytes[start + 32] = 0xFF  // a varint length that runs past the end
        bytes[start + 33] = 0xFF
        bytes[start + 34] = 0x7F
        let result = analyzer.analyze(path: "/bad", bytes: bytes)
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1 && result.warnings[0].hasPrefix("/bad"))
        let pointer = GoBuildInfoFixtures.pointerELF(is64: true, littleEndian: true)
        var counts = Set<Int>()
        for length in stride(from: 0, to: pointer.count, by: 3) {
            counts.insert(analyzer.analyze(path: "/t", bytes: Array(pointer.prefix(length))).packages.count)
        }
        // A truncated copy has no section table: once the blob and its strings are inside the prefix
        // the scan finds everything, before that nothing — never a partial, garbled list.
        #expect(counts == [0, 6])
        #expect(analyzer.analyze(path: "/t", bytes: pointer).packages.count == 6)
    }

    @Test("module info lines: replacements apply to the line before, odd lines ignored")
    func moduleInfoParsing() {
        let info = GoModuleInfo(parsing: "path\tx\nmod\tx\tv1.0.0\t\n=>\ty\tv2.0.0\t\ngarbage\n=>\torphan\tv1\ndep\t\tv1\ndep\ta\tv1\n")
        #expect(info.commandPath == "x")
        #expect(info.mainModule?.effective.path == "y")
        #expect(info.dependencies.map(\.path) == ["a"])
    }
}

/// Real binaries: built here with the Go toolchain, and the Debian/PyPI ones get-binaries.sh fetches.
@Suite("Go binaries built by the toolchain")
struct GoToolchainBinaryTests {
    static let goPath: String? = ["/usr/bin/go", "/usr/local/go/bin/go", "/usr/lib/go/bin/go"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"

    static func run(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw BulwarkError(.io, "\(executable) \(arguments): \(text)") }
        return text
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `dep`/`=>` lines of `go version -m`, reduced to what the analyzer should report.
    static func expectedModules(goVersionOutput: String) -> Set<String> {
        var modules: [(String, String)] = []
        var lastWasDep = false
        for line in goVersionOutput.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 3 else { continue }
            if fields[1] == "dep" {
                modules.append((fields[2], fields.count > 3 ? fields[3] : ""))
                lastWasDep = true
            } else if fields[1] == "=>", lastWasDep, let last = modules.popLast() {
                let path = fields[2], version = fields.count > 3 ? fields[3] : ""
                let local = path.hasPrefix(".") || path.hasPrefix("/")
                modules.append(local ? last : (path, version))
                lastWasDep = false
            } else {
                lastWasDep = false
            }
        }
        return Set(modules.map { "\($0.0)@\($0.1)" })
    }

    @Test("go build with local replaced modules, with and without -trimpath", .enabled(if: goPath != nil || required), arguments: [false, true])
    func builtBinary(trimpath: Bool) throws {
        let go = try #require(Self.goPath, "the go toolchain (Debian golang-go) is needed")
        let root = NSTemporaryDirectory() + "bulwark-go-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.write("module example.com/greeting\n\ngo 1.17\n", to: root + "/greeting/go.mod")
        try Self.write("package greeting\n\nfunc Hello() string { return \"hello\" }\n", to: root + "/greeting/greeting.go")
        try Self.write("module example.org/util/v2\n\ngo 1.17\n", to: root + "/util/go.mod")
        try Self.write("package util\n\nfunc Twice(s string) string { return s + s }\n", to: root + "/util/util.go")
        try Self.write("""
            module example.com/app

            go 1.17

            require (
            \texample.com/greeting v1.2.3
            \texample.org/util/v2 v2.0.0-20230101000000-abcdefabcdef
            )

            replace example.com/greeting => ../greeting

            replace example.org/util/v2 => ../util

            """, to: root + "/app/go.mod")
        try Self.write("""
            package main

            import (
            \t"fmt"

            \t"example.com/greeting"
            \tutil "example.org/util/v2"
            )

            func main() { fmt.Println(util.Twice(greeting.Hello())) }

            """, to: root + "/app/main.go")
        let environment = [
            "CGO_ENABLED": "0", "GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOWORK": "off", "GOTOOLCHAIN": "local",
            "GOPATH": root + "/gopath", "HOME": NSTemporaryDirectory(),
        ]
        var arguments = ["build", "-o", root + "/app/app"]
        if trimpath { arguments.append("-trimpath") }
        arguments.append(".")
        _ = try Self.run(go, arguments, in: root + "/app", environment: environment)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/app/app")))
        let result = GoBinaryAnalyzer().analyze(path: "/app/app", bytes: bytes)
        #expect(result.warnings.isEmpty)
        let byName = Dictionary(result.packages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["example.com/greeting"]?.version == "v1.2.3")
        #expect(byName["example.org/util/v2"]?.version == "v2.0.0-20230101000000-abcdefabcdef")
        #expect(byName["example.org/util/v2"]?.purl.description == "pkg:golang/example.org/util/v2@v2.0.0-20230101000000-abcdefabcdef")
        #expect(byName["example.com/app"]?.version == "")
        let toolchain = try Self.run(go, ["env", "GOVERSION"], in: root, environment: environment).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(byName["stdlib"]?.version == GoPackageFactory.standardLibraryVersion(fromToolchain: toolchain))
        #expect(byName["stdlib"]?.version.hasPrefix("v1.") == true)
        #expect(result.packages.count == 4)
    }

    @Test("the go toolchain's own binaries (which embed the magic in code too) and every /usr/bin executable",
          .enabled(if: goPath != nil || required))
    func systemBinaries() throws {
        let go = try #require(Self.goPath)
        let real = (go as NSString).resolvingSymlinksInPath
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: real)))
        let result = GoBinaryAnalyzer().analyze(path: "/usr/bin/go", bytes: bytes)
        let toolchain = try Self.run(go, ["env", "GOVERSION"], in: "/").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result.warnings.isEmpty)
        #expect(result.packages.first { $0.name == "stdlib" }?.version == GoPackageFactory.standardLibraryVersion(fromToolchain: toolchain))
        // Non-Go executables: nothing found, no warnings, no crash.
        var examined = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: "/usr/bin").sorted().prefix(400) {
            let path = "/usr/bin/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                (attributes[.type] as? FileAttributeType) == .typeRegular, let size = attributes[.size] as? Int, size < 8 << 20,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            let analysis = GoBinaryAnalyzer().analyze(path: path, bytes: Array(data))
            #expect(analysis.warnings.isEmpty, "\(path)")
            examined += 1
        }
        #expect(examined > 50)
    }

    static let binariesDirectory: String? = {
        let candidates = [ProcessInfo.processInfo.environment["BULWARK_BINARIES"], "/tmp/bulwark-binaries"].compactMap { $0 }
        return candidates.map { $0 + "/go" }.first { FileManager.default.fileExists(atPath: $0) }
    }()

    @Test("binaries from get-binaries.sh match `go version -m`", .enabled(if: binariesDirectory != nil && goPath != nil))
    func fetchedBinaries() throws {
        let directory = try #require(Self.binariesDirectory)
        let go = try #require(Self.goPath)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let path = directory + "/" + name
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let result = GoBinaryAnalyzer().analyze(path: "/usr/bin/" + name, bytes: bytes)
            #expect(result.warnings.isEmpty, "\(name)")
            let output = try Self.run(go, ["version", "-m", path], in: directory)
            let expected = Self.expectedModules(goVersionOutput: output)
            let stdlib = result.packages.first { $0.name == "stdlib" }
            let toolchain = String(output.split(separator: "\n").first?.split(separator: " ").dropFirst().first ?? "")
            #expect(stdlib?.version == GoPackageFactory.standardLibraryVersion(fromToolchain: toolchain), "\(name)")
            let mainPath = output.split(separator: "\n").first { $0.hasPrefix("\tmod\t") }?.split(separator: "\t").dropFirst().first.map(String.init)
            let found = Set(result.packages.filter { $0.name != "stdlib" && $0.name != mainPath }.map { "\($0.name)@\($0.version)" })
            #expect(found == expected, "\(name)")
        }
    }
}
