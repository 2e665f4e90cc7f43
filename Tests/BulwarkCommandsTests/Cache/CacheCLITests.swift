import BulwarkTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `bulwark` executable against a shared layer cache: many processes at once, and
/// processes killed in the middle of writing entries.
@Suite(.serialized) struct CacheCLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `BULWARK_BINARY`, else the package's `.build/{debug,release}/bulwark`.
    static let binary: String? = {
        if let explicit = ProcessInfo.processInfo.environment["BULWARK_BINARY"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        for configuration in ["debug", "release"] {
            let candidate = repository.appendingPathComponent(".build/\(configuration)/bulwark").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// A Debian-like image with a dpkg database and a few thousand files per layer (so writing cache
    /// entries takes long enough to be interrupted).
    static func writeImage(in dir: String, name: String = "image.tar", extraLayer: String? = nil) throws -> String {
        var status = ""
        for index in 0..<300 {
            status += "Package: pkg\(index)\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.\(index)-1\n\n"
        }
        var base: [(String, String)] = [
            ("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n"), ("etc/debian_version", "12.5\n"),
            ("var/lib/dpkg/status", status),
        ]
        for index in 0..<3000 { base.append(("usr/share/doc/pkg\(index % 300)/file\(index)", String(repeating: "x", count: index % 200))) }
        var layers = [TestLayer(files: base, createdBy: "ADD rootfs.tar /")]
        for layer in 0..<3 {
            var files: [(String, String)] = []
            for index in 0..<1500 { files.append(("opt/app\(layer)/f\(index)", "content \(layer) \(index)")) }
            layers.append(TestLayer(files: files, compression: layer == 1 ? .none : .gzip, createdBy: "COPY app\(layer) /opt"))
        }
        if let extraLayer { layers.append(TestLayer(files: [("srv/extra", extraLayer)], createdBy: "ADD extra /srv")) }
        return try TemporaryDirectory.write(ImageWriter.tar(ImageWriter.dockerArchiveFiles(TestImage(layers: layers))), named: name, in: dir)
    }

    /// Starts `bulwark arguments`, its output discarded unless `-o` is among them.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary, "bulwark executable not built"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `bulwark arguments` to the end; returns its exit status and standard output.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary, "bulwark executable not built"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func layerEntries(_ cacheDir: String) throws -> Int {
        let status = try run(["cache", "status", "--format", "json", "--cache-dir", cacheDir])
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        return (object?["layers"] as? [String: Any])?["entries"] as? Int ?? -1
    }

    @Test(.enabled(if: binary != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
    func statusCleanAndNoCache() async throws {
        try await TemporaryDirectory.with { dir in
            let image = try Self.writeImage(in: dir)
            let cacheDir = dir + "/cache"
            try FileManager.default.createDirectory(atPath: cacheDir + "/db", withIntermediateDirectories: true)
            try Data("db".utf8).write(to: URL(fileURLWithPath: cacheDir + "/db/bulwark.db"))
            let uncached = try Self.run(["sbom", image, "--cache-dir", cacheDir, "--no-cache"])
            #expect(uncached.status == 0)
            #expect(!FileManager.default.fileExists(atPath: cacheDir + "/layers"), "--no-cache writes nothing")
            let cold = try Self.run(["sbom", image, "--cache-dir", cacheDir])
            #expect(cold.status == 0)
            #expect(cold.stdout == uncached.stdout)
            #expect(cold.stdout.contains("pkg299"))
            // Four layers and the record of the OS packages below the first layer.
            #expect(try Self.layerEntries(cacheDir) == 5)
            let table = try Self.run(["cache", "status", "--cache-dir", cacheDir])
            #expect(table.stdout.contains("Entries:      5"))
            #expect(table.stdout.contains(cacheDir + "/layers"))
            let warm = try Self.run(["sbom", image, "--cache-dir", cacheDir])
            #expect(warm.stdout == uncached.stdout)
            try FileManager.default.createDirectory(atPath: cacheDir + "/blobs/sha256", withIntermediateDirectories: true)
            try Data("blob".utf8).write(to: URL(fileURLWithPath: cacheDir + "/blobs/sha256/ab"))
            #expect(try Self.run(["cache", "clean", "--cache-dir", cacheDir]).status == 0)
            #expect(try Self.layerEntries(cacheDir) == 0)
            #expect(!FileManager.default.fileExists(atPath: cacheDir + "/blobs"))
            #expect(FileManager.default.fileExists(atPath: cacheDir + "/db/bulwark.db"), "the vulnerability database is kept")
            let help = try Self.run(["cache", "--help"])
            #expect(help.stdout.contains("EXAMPLES:"))
        }
    }

    @Test(.enabled(if: binary != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
    func sixteenConcurrentScansShareOneCache() async throws {
        try await TemporaryDirectory.with { dir in
            let image = try Self.writeImage(in: dir)
            let second = try Self.writeImage(in: dir, name: "second.tar", extraLayer: "more\n")
            let cacheDir = dir + "/cache"
            let expected = try Self.run(["sbom", image, "--no-cache", "-f", "json", "--cache-dir", cacheDir]).stdout
            let expectedSecond = try Self.run(["sbom", second, "--no-cache", "-f", "json", "--cache-dir", cacheDir]).stdout
            var processes: [(Process, String, String)] = []
            for index in 0..<16 {
                let output = dir + "/out\(index).json"
                let target = index % 4 == 3 ? second : image
                processes.append((try Self.start(["sbom", target, "-f", "json", "-o", output, "--cache-dir", cacheDir]), output, target == image ? expected : expectedSecond))
            }
            for (process, output, want) in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
                let got = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
                #expect(Self.withoutTimestamps(got) == Self.withoutTimestamps(want), "\(output)")
            }
            #expect(try Self.layerEntries(cacheDir) == 6, "4 shared layers, the second image's own layer, 1 shared OS snapshot")
        }
    }

    @Test(.enabled(if: binary != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
    func scansKilledMidWriteNeverLeaveAWrongEntry() async throws {
        try await TemporaryDirectory.with { dir in
            let image = try Self.writeImage(in: dir)
            let cacheDir = dir + "/cache"
            let expected = try Self.run(["sbom", image, "--no-cache", "-f", "json", "--cache-dir", cacheDir]).stdout
            let clock = ContinuousClock()
            let started = clock.now
            _ = try Self.run(["sbom", image, "--no-cache", "--cache-dir", cacheDir])
            let coldMilliseconds = max(20, Int((clock.now - started).components.seconds * 1000 + (clock.now - started).components.attoseconds / 1_000_000_000_000_000))
            for round in 0..<12 {
                if round % 4 == 0 { _ = try Self.run(["cache", "clean", "--cache-dir", cacheDir]) }
                let process = try Self.start(["sbom", image, "--cache-dir", cacheDir])
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...coldMilliseconds)))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            // Whatever the kills left behind: a rescan through the cache reports exactly the truth.
            for _ in 0..<2 {
                let rescan = try Self.run(["sbom", image, "-f", "json", "--cache-dir", cacheDir])
                #expect(rescan.status == 0)
                #expect(Self.withoutTimestamps(rescan.stdout) == Self.withoutTimestamps(expected))
            }
            #expect(try Self.layerEntries(cacheDir) == 5)
        }
    }

    /// Drops lines holding a timestamp, the only part of a report that differs between runs.
    static func withoutTimestamps(_ text: String) -> String {
        text.split(separator: "\n").filter { !$0.contains("timestamp") && !$0.contains("created") }.joined(separator: "\n")
    }
}
