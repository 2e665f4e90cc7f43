import BulwarkTestSupport
import Foundation
import Testing

/// `bulwark sbom REF` against a real local registry: the same packages as scanning the image's OCI
/// layout from disk, credentials from --password-stdin, and a second image sharing the base
/// downloads only its own layer.
@Suite(
    "Registry references on the command line", .serialized,
    .enabled(if: LocalRegistry.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct RegistryCLITests {
    static let base = TestLayer(files: [
        ("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n"), ("etc/debian_version", "12.5\n"),
        ("var/lib/dpkg/status", "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9+deb12u4\n\nPackage: zlib1g\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:1.2.13.dfsg-1\n\n"),
    ], createdBy: "ADD rootfs.tar /")

    static func layer(_ name: String) -> TestLayer {
        TestLayer(files: [("app/\(name)/node_modules/left-pad/package.json", #"{"name":"left-pad","version":"1.3.0","license":"WTFPL"}"#)], createdBy: "COPY \(name) /app")
    }

    /// Runs bulwark with `input` on stdin; returns status, stdout and stderr.
    static func run(_ arguments: [String], input: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CacheCLITests.binary, "bulwark executable not built"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "HOME": "/nonexistent-home"]) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// name@version@layer-diffID of every package in a Bulwark JSON SBOM.
    static func packages(_ json: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let packages = try #require(object["packages"] as? [[String: Any]])
        return packages.map { package in
            let layer = (package["layer"] as? [String: Any])?["diffID"] as? String ?? "-"
            return "\(package["name"] ?? "")@\(package["version"] ?? "")@\(layer)"
        }.sorted()
    }

    static func blobCount(_ cacheDir: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: cacheDir + "/blobs/sha256")) ?? []).filter { !$0.hasPrefix(".") }.count
    }

    @Test("a pulled image lists exactly what its OCI layout lists; a second image sharing the base pulls only its new layer")
    func pullMatchesLayout() throws {
        let registry = try LocalRegistry()
        let directory = NSTemporaryDirectory() + "bulwark-registry-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = TestImage(layers: [Self.base, Self.layer("one")])
        let second = TestImage(layers: [Self.base, Self.layer("two")])
        try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles([("one", first), ("two", second)]), to: directory + "/layout")
        try registry.push(layout: directory + "/layout", ref: "one", to: "team/app:one")
        try registry.push(layout: directory + "/layout", ref: "two", to: "team/app:two")
        let cache = directory + "/cache"

        let local = try Self.run(["sbom", directory + "/layout", "--tag", "one", "--format", "json", "--cache-dir", cache, "--no-cache"])
        #expect(local.status == 0, "\(local.stderr)")
        let pulled = try Self.run(["sbom", "\(registry.address)/team/app:one", "--insecure-registry", registry.address, "--format", "json", "--cache-dir", cache])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(try Self.packages(pulled.stdout) == Self.packages(local.stdout))
        #expect(try Self.packages(pulled.stdout).count == 3)
        #expect(pulled.stdout.contains("\"kind\" : \"registry\""))
        #expect(Self.blobCount(cache) == 2)

        // The base layer is in the layer cache: only the second image's own layer is downloaded.
        let again = try Self.run(["sbom", "\(registry.address)/team/app:two", "--insecure-registry", registry.address, "--format", "json", "--cache-dir", cache])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.blobCount(cache) == 3)
        #expect(try Self.packages(again.stdout).filter { $0.hasPrefix("left-pad@") }.count == 1)
    }

    @Test("a damaged layer-cache entry whose blob was never downloaded: the scan downloads it and succeeds")
    func damagedCacheEntry() throws {
        let registry = try LocalRegistry()
        let directory = NSTemporaryDirectory() + "bulwark-registry-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles([("one", TestImage(layers: [Self.base, Self.layer("one")]))]), to: directory + "/layout")
        try registry.push(layout: directory + "/layout", ref: "one", to: "team/app:one")
        let cache = directory + "/cache"
        let arguments = ["sbom", "\(registry.address)/team/app:one", "--insecure-registry", registry.address, "--format", "json", "--cache-dir", cache]
        let first = try Self.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        // Forget the blobs, and flip the last byte of every layer entry: headers stay valid, payloads do not.
        try FileManager.default.removeItem(atPath: cache + "/blobs")
        let entries = FileManager.default.enumerator(atPath: cache + "/layers")?.compactMap { $0 as? String }.filter { $0.hasSuffix(".layer") } ?? []
        #expect(!entries.isEmpty)
        for entry in entries {
            let path = cache + "/layers/" + entry
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.count - 1] ^= 0xFF
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let second = try Self.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.packages(second.stdout) == Self.packages(first.stdout))
    }

    @Test("credentials: --password-stdin works, a missing password is exit 3 with a hint, and never echoed")
    func credentials() throws {
        let registry = try LocalRegistry(auth: .basic(user: "ci", password: "s3cret-token"))
        let directory = NSTemporaryDirectory() + "bulwark-registry-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles([("one", TestImage(layers: [Self.base]))]), to: directory + "/layout")
        try registry.push(layout: directory + "/layout", ref: "one", to: "private/app:1", credentials: ("ci", "s3cret-token"))
        let reference = "\(registry.address)/private/app:1"
        let common = ["--insecure-registry", registry.address, "--format", "json", "--cache-dir", directory + "/cache", "--timeout", "10"]

        let anonymous = try Self.run(["sbom", reference] + common)
        #expect(anonymous.status == 3)
        #expect(anonymous.stderr.contains("--password-stdin"))

        let wrong = try Self.run(["sbom", reference, "--username", "ci", "--password-stdin"] + common, input: "not-it\n")
        #expect(wrong.status == 3)
        #expect(!wrong.stderr.contains("not-it"))

        let good = try Self.run(["sbom", reference, "--username", "ci", "--password-stdin"] + common, input: "s3cret-token\n")
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try Self.packages(good.stdout).count == 2)
        #expect(!good.stderr.contains("s3cret"))
    }

    @Test("a reference that names nothing is exit 2 naming it")
    func notFound() throws {
        let registry = try LocalRegistry()
        let missing = try Self.run(["sbom", "\(registry.address)/no/such:1", "--insecure-registry", registry.address, "--format", "json", "--no-cache"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such:1"))
    }
}
