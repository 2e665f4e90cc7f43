import BulwarkCore
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Testing

@testable import BulwarkRegistry

/// Pulls from a real distribution registry (Debian's docker-registry) started on 127.0.0.1, with
/// images pushed by skopeo from OCI layouts built here.
@Suite(
    "Pulls from a local registry", .serialized,
    .enabled(if: LocalRegistry.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct LocalRegistryPullTests {
    static var base: TestLayer { TestLayer(files: [("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n"), ("lib/apk/db/installed", "P:musl\nV:1.2.4-r2\nA:x86_64\n\n")]) }
    static var app: TestLayer { TestLayer(files: [("app/package.json", #"{"name":"app","version":"1.0.0"}"#)], createdBy: "COPY app /app") }

    /// Writes an OCI layout with `images` and returns its directory.
    static func layout(_ images: [(ref: String, image: TestImage)], asIndex: Bool = false, in directory: String) throws -> String {
        let path = directory + "/layout"
        try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles(images, asIndex: asIndex), to: path)
        return path
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "bulwark-pull-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func client(_ registry: LocalRegistry, credentials: RegistryCredentials? = nil, maxAttempts: Int = 2) throws -> RegistryClient {
        try RegistryClient(
            options: RegistryClientOptions(insecureRegistries: [registry.address], connectTimeout: 5, readTimeout: 10, maxAttempts: maxAttempts, maxBackoff: 0.2),
            credentials: CredentialResolver(explicit: credentials, environment: ["HOME": "/nonexistent"]))
    }

    @Test("anonymous pull: manifest, config and every layer arrive verified in the blob cache")
    func anonymousPull() async throws {
        let registry = try LocalRegistry()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let image = TestImage(layers: [Self.base, Self.app])
        try registry.push(layout: Self.layout([("app:1", image)], in: directory), ref: "app:1", to: "team/app:1")

        let client = try Self.client(registry)
        let puller = RegistryPuller(client: client)
        let reference = try ImageReference(parsing: "\(registry.address)/team/app:1")
        let remote = try await puller.resolve(reference, platform: nil)
        #expect(remote.manifest.layers.count == 2)
        #expect(remote.config.rootfs?.diff_ids?.count == 2)
        let blobs = BlobCache(root: directory + "/blobs")
        try await puller.download(remote, layers: [0, 1], into: blobs)
        for (index, layer) in remote.manifest.layers.enumerated() {
            #expect(blobs.contains(layer.digest, size: layer.size))
            let stored = try Data(contentsOf: URL(fileURLWithPath: blobs.path(for: layer.digest)))
            #expect(Digest.sha256(of: [UInt8](stored)) == layer.digest)
            #expect([UInt8](stored) == image.layers[index].blob)
        }
        let resolved = try remote.resolved(blobs: blobs)
        #expect(resolved.target.kind == .registry)
        #expect(resolved.metadata.repoDigests == ["\(registry.address)/team/app@\(remote.manifestDigest)"])
        // A second pull downloads nothing (blobs are content-addressed and shared).
        try await puller.download(remote, layers: [0, 1], into: blobs)
        let pinned = try ImageReference(parsing: "\(registry.address)/team/app@\(remote.manifestDigest)")
        #expect(try await puller.resolve(pinned, platform: nil).manifestDigest == remote.manifestDigest)
        await client.shutdown()
    }

    @Test("htpasswd basic auth: refused without credentials with a hint, pulled with them")
    func basicAuth() async throws {
        let registry = try LocalRegistry(auth: .basic(user: "alice", password: "wonderland"))
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try registry.push(layout: Self.layout([("app:1", TestImage(layers: [Self.base]))], in: directory), ref: "app:1", to: "private/app:1", credentials: ("alice", "wonderland"))
        let reference = try ImageReference(parsing: "\(registry.address)/private/app:1")

        let anonymous = try Self.client(registry)
        let error = await #expect(throws: BulwarkError.self) { try await RegistryPuller(client: anonymous).resolve(reference, platform: nil) }
        #expect(error?.code == .unauthorized)
        #expect(error?.hint?.contains("--password-stdin") == true)
        await anonymous.shutdown()

        let wrong = try Self.client(registry, credentials: RegistryCredentials(username: "alice", secret: "nope"))
        let refused = await #expect(throws: BulwarkError.self) { try await RegistryPuller(client: wrong).resolve(reference, platform: nil) }
        #expect(refused?.code == .unauthorized)
        #expect(refused?.message.contains("nope") == false)
        await wrong.shutdown()

        let authorized = try Self.client(registry, credentials: RegistryCredentials(username: "alice", secret: "wonderland"))
        let puller = RegistryPuller(client: authorized)
        let remote = try await puller.resolve(reference, platform: nil)
        try await puller.download(remote, layers: [0], into: BlobCache(root: directory + "/blobs"))
        await authorized.shutdown()
    }

    /// The token endpoint of token_server.py, started in `directory`.
    final class TokenServer {
        let process = Process()
        let port: Int

        init(directory: String, user: String, password: String) throws {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("token_server.py").path
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, directory, user, password]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { throw TestSupportError("token server did not start") }
                line += chunk
            }
            guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw TestSupportError("token server printed no port")
            }
            self.port = port
        }

        deinit {
            ChildProcess.stop(process)
        }
    }

    @Test("token auth: a bearer token from the challenge's realm, with basic credentials; anonymous is refused")
    func tokenAuth() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tokens = try TokenServer(directory: directory, user: "bob", password: "builder")
        let registry = try LocalRegistry(auth: .token(
            realm: "http://127.0.0.1:\(tokens.port)/token", service: "bulwark-test", issuer: "bulwark-token", certificatePath: directory + "/cert.pem"))
        try registry.push(layout: Self.layout([("app:1", TestImage(layers: [Self.base, Self.app]))], in: directory), ref: "app:1", to: "tok/app:1", credentials: ("bob", "builder"))
        let reference = try ImageReference(parsing: "\(registry.address)/tok/app:1")

        let anonymous = try Self.client(registry)
        let refused = await #expect(throws: BulwarkError.self) { try await RegistryPuller(client: anonymous).resolve(reference, platform: nil) }
        #expect(refused?.code == .unauthorized)
        await anonymous.shutdown()

        let wrong = try Self.client(registry, credentials: RegistryCredentials(username: "bob", secret: "wrong"))
        let denied = await #expect(throws: BulwarkError.self) { try await RegistryPuller(client: wrong).resolve(reference, platform: nil) }
        #expect(denied?.code == .unauthorized)
        #expect(denied?.message.contains("token endpoint") == true)
        await wrong.shutdown()

        let client = try Self.client(registry, credentials: RegistryCredentials(username: "bob", secret: "builder"))
        let puller = RegistryPuller(client: client)
        let remote = try await puller.resolve(reference, platform: nil)
        let blobs = BlobCache(root: directory + "/blobs")
        try await puller.download(remote, layers: [0, 1], into: blobs)
        #expect(remote.manifest.layers.allSatisfy { blobs.contains($0.digest, size: $0.size) })
        await client.shutdown()
    }

    @Test("a multi-platform index: --platform picks the image, a missing platform lists the available ones")
    func platforms() async throws {
        let registry = try LocalRegistry()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var arm = TestImage(layers: [Self.base, Self.app])
        arm.architecture = "arm64"
        arm.variant = "v8"
        let amd = TestImage(layers: [Self.base])
        try registry.push(layout: Self.layout([("multi", amd), ("multi", arm)], asIndex: true, in: directory), ref: "multi", to: "multi/app:1", all: true)
        let client = try Self.client(registry)
        let puller = RegistryPuller(client: client)
        let reference = try ImageReference(parsing: "\(registry.address)/multi/app:1")
        let chosen = try await puller.resolve(reference, platform: Platform(os: "linux", architecture: "arm64"))
        #expect(chosen.config.architecture == "arm64")
        #expect(chosen.manifest.layers.count == 2)
        let host = try await puller.resolve(reference, platform: Platform(os: "linux", architecture: "amd64"))
        #expect(host.manifest.layers.count == 1)
        let error = await #expect(throws: BulwarkError.self) { try await puller.resolve(reference, platform: Platform(os: "linux", architecture: "s390x")) }
        #expect(error?.code == .notFound)
        #expect(error?.hint?.contains("linux/arm64") == true)
        await client.shutdown()
    }

    @Test("unknown repositories and tags are not-found errors naming the reference")
    func notFound() async throws {
        let registry = try LocalRegistry()
        let client = try Self.client(registry)
        let reference = try ImageReference(parsing: "\(registry.address)/nothing/here:1")
        let error = await #expect(throws: BulwarkError.self) { try await RegistryPuller(client: client).resolve(reference, platform: nil) }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("nothing/here:1") == true)
        await client.shutdown()
    }

    @Test("a registry that is not listening is a network error, quickly")
    func unreachable() async throws {
        let port = try LocalRegistry.freePort()
        let client = try RegistryClient(
            options: RegistryClientOptions(insecureRegistries: ["127.0.0.1:\(port)"], connectTimeout: 2, readTimeout: 2, maxAttempts: 2, maxBackoff: 0.1))
        let started = Date()
        let error = await #expect(throws: BulwarkError.self) {
            try await RegistryPuller(client: client).resolve(try ImageReference(parsing: "127.0.0.1:\(port)/a/b:1"), platform: nil)
        }
        #expect(error?.code == .network)
        #expect(Date().timeIntervalSince(started) < 150)  // hang guard; see SilentServerTests
        await client.shutdown()
    }
}
