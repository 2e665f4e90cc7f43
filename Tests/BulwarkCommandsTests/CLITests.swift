import BulwarkTestSupport
import Foundation
import Testing

/// Runs the built `bulwark` executable as a user would.
@Suite struct CLITests {
    init() {}
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: String? = {
        let build = repository.appendingPathComponent(".build")
        for configuration in ["debug", "release"] {
            let candidate = build.appendingPathComponent(configuration).appendingPathComponent("bulwark").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let binary = try #require(Self.binary, "bulwark executable not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        process.currentDirectoryURL = Self.repository
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func helpShowsExamplesForEveryCommand() throws {
        for command in [[], ["sbom"], ["rootfs"]] {
            let result = try run(command + ["--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("EXAMPLES:"), "\(command)")
        }
        let root = try run(["--help"])
        #expect(root.stdout.contains("EXIT CODES:"))
        #expect(try run(["--version"]).stdout.contains("0."))
    }

    @Test func scansTheShippedExampleOffline() throws {
        let table = try run(["sbom", "examples/alpine-3.19-oci"], environment: ["NO_COLOR": "1"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("libcrypto3"))
        #expect(!table.stdout.contains("\u{1B}["), "no ANSI escapes when not a TTY / NO_COLOR")
        #expect(table.stderr.isEmpty, "no progress when stderr is not a TTY: \(table.stderr)")
        let json = try run(["sbom", "examples/alpine-3.19-oci", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let packages = object?["packages"] as? [[String: Any]]
        #expect(packages?.count == 5)
    }

    @Test func writesOutputFileAndRootfs() async throws {
        try await TemporaryDirectory.with { dir in
            let output = dir + "/sbom.cdx.json"
            let result = try run(["sbom", "examples/alpine-3.19-oci", "-f", "cyclonedx", "-o", output, "--quiet"])
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
            let written = try String(contentsOfFile: output, encoding: .utf8)
            #expect(written.contains("\"specVersion\" : \"1.6\"") || written.contains("\"specVersion\":\"1.6\""))
            let rootfs = try run(["rootfs", "examples/rootfs", "-f", "json"])
            #expect(rootfs.status == 0)
            #expect(rootfs.stdout.contains("\"rootfs\""))
            #expect(rootfs.stdout.contains("busybox"))
        }
    }

    @Test func badInputIsOneLineAndExitCodeTwo() async throws {
        try await TemporaryDirectory.with { dir in
            let path = try TemporaryDirectory.write(Array("definitely not an image, just some text that is long enough".utf8) + [UInt8](repeating: 0x41, count: 600), named: "junk.tar", in: dir)
            let result = try run(["sbom", path])
            #expect(result.status == 2)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stderr)")
            #expect(lines.first?.hasPrefix("error: \(path)") == true, "\(result.stderr)")
            let missing = try run(["sbom", dir + "/nope.tar"])
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("no such file"))
            let usage = try run(["sbom", "x", "--format", "yaml"])
            #expect(usage.status == 64)
            let platform = try run(["sbom", "examples/alpine-3.19-oci", "--platform", "linux/arm64"])
            #expect(platform.status == 2)
            #expect(platform.stderr.contains("linux/amd64"))
        }
    }
}
