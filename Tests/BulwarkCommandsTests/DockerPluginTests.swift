import Foundation
import Testing

/// The binary as a Docker CLI plugin, run by the real `docker` client (no daemon needed).
@Suite("Docker CLI plugin")
struct DockerPluginTests {
    static let docker = ["/usr/bin/docker", "/usr/local/bin/docker"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("docker lists the plugin from its metadata and runs `docker bulwark …`", .enabled(if: docker != nil))
    func plugin() throws {
        let docker = try #require(Self.docker)
        let binary = try #require(CacheCLITests.binary, "bulwark executable not built")
        let config = NSTemporaryDirectory() + "bulwark-docker-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: config + "/cli-plugins", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try FileManager.default.copyItem(atPath: binary, toPath: config + "/cli-plugins/docker-bulwark")

        func run(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: docker)
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(["DOCKER_CONFIG": config]) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try run(["--help"]).contains("bulwark*"))
        let version = try run(["bulwark", "version"])
        #expect(version.contains("database schema:"))
    }
}
