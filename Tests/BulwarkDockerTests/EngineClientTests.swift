import BulwarkCore
import BulwarkDocker
import BulwarkTestSupport
import Foundation
import Testing

/// The client against recorded Engine API answers served on a unix socket, and against broken sockets.
@Suite("Engine API client: recorded answers and failures")
struct EngineClientTests {
    static let fast = EngineTimeouts(connect: .seconds(2), request: .seconds(1), idle: .seconds(1), transfer: .seconds(10))

    static func withFake<T>(_ replies: [String: FakeEngineSocket.Reply], kind: EngineKind = .docker, _ body: (DockerEngineClient, FakeEngineSocket) async throws -> T) async throws -> T {
        try await TemporaryDirectory.with { directory in
            let fake = try FakeEngineSocket(path: directory + "/engine.sock", replies: replies)
            defer { fake.stop() }
            let client = DockerEngineClient(endpoint: EngineEndpoint(kind: kind, socketPath: fake.path), timeouts: fast)
            return try await body(client, fake)
        }
    }

    static func error(_ body: () async throws(BulwarkError) -> Void) async -> BulwarkError? {
        do {
            try await body()
            return nil
        } catch {
            return error
        }
    }

    @Test("container list, inspect, image inspect and version decode from recorded answers")
    func documents() async throws {
        try await Self.withFake([
            "/containers/json": .respond(status: 200, body: RecordedResponses.dockerContainerList),
            "/containers/ops-agent/json": .respond(status: 200, body: RecordedResponses.dockerDangerousInspect),
            "/images/example:1.0/json": .respond(status: 200, body: RecordedResponses.dockerImageInspect),
            "/version": .respond(status: 200, body: RecordedResponses.podmanVersion),
            "/_ping": .respond(status: 200, body: "OK"),
        ]) { client, fake in
            try await client.ping()
            let containers = try await client.listContainers()
            #expect(containers.map(\.displayName) == ["boring_feynman", "coolName"])
            #expect(containers.first?.imageID.hasPrefix("sha256:d74508fb") == true)
            let all = try await client.listContainers(all: true)
            #expect(all.count == 2)
            #expect(fake.requests.contains("/containers/json?all=true"))
            let inspection = try await client.inspectContainer("ops-agent")
            #expect(inspection.host.privileged)
            #expect(inspection.mounts.count == 4)
            let image = try await client.inspectImage("example:1.0")
            #expect(image.repoTags == ["example:1.0", "example:latest"])
            #expect(image.size == 1239828)
            #expect(try await client.imageExists("example:1.0"))
            let version = try await client.version()
            #expect(version.isPodman)
            #expect(version.apiVersion == "1.41")
        }
    }

    @Test("a missing image is not-found, naming the image and socket, with what to do")
    func imageNotFound() async throws {
        try await Self.withFake(["/images/nope/json": .respond(status: 404, body: RecordedResponses.podmanImageNotFound),
                                 "/images/nope/get": .respond(status: 404, body: RecordedResponses.podmanImageNotFound)], kind: .podman) { client, _ in
            let exists = try await client.imageExists("nope")
            #expect(exists == false)
            let error = await Self.error { () async throws(BulwarkError) in try await client.exportImage("nope", to: NSTemporaryDirectory() + "never-\(UUID()).tar") }
            #expect(error?.code == .notFound)
            #expect(error?.message.contains("image 'nope'") == true)
            #expect(error?.message.contains(client.endpoint.socketPath) == true)
            #expect(error?.hint?.contains("podman pull nope") == true)
        }
    }

    @Test("the locator skips engines without the image and names all it tried")
    func locator() async throws {
        try await TemporaryDirectory.with { directory in
            let empty = try FakeEngineSocket(path: directory + "/a.sock", replies: [:])
            let holding = try FakeEngineSocket(path: directory + "/b.sock", replies: ["/images/example:1.0/json": .respond(status: 200, body: RecordedResponses.dockerImageInspect)])
            defer { empty.stop(); holding.stop() }
            let endpoints = [EngineEndpoint(kind: .docker, socketPath: empty.path), EngineEndpoint(kind: .podman, socketPath: holding.path)]
            let found = try await EngineImageLocator.locate("example:1.0", endpoints: endpoints, timeouts: Self.fast)
            #expect(found.client.endpoint.socketPath == holding.path)
            let missing = await Self.error { () async throws(BulwarkError) in _ = try await EngineImageLocator.locate("other:2", endpoints: endpoints, timeouts: Self.fast) }
            #expect(missing?.code == .notFound)
            #expect(missing?.message.contains(empty.path) == true && missing?.message.contains(holding.path) == true)
            let none = await Self.error { () async throws(BulwarkError) in _ = try await EngineImageLocator.locate("x", endpoints: [], timeouts: Self.fast) }
            #expect(none?.message.contains("no Docker or Podman socket") == true)
        }
    }

    @Test("a missing socket says the daemon is not running and how to start it")
    func missingSocket() async {
        let client = DockerEngineClient(endpoint: EngineEndpoint(kind: .docker, socketPath: "/nonexistent/docker.sock", origin: "DOCKER_HOST"), timeouts: Self.fast)
        let error = await Self.error { () async throws(BulwarkError) in try await client.ping() }
        #expect(error?.code == .io)
        #expect(error?.message.contains("/nonexistent/docker.sock") == true)
        #expect(error?.message.contains("not running") == true)
        #expect(error?.hint?.contains("systemctl start docker") == true)
    }

    @Test("a regular file is not a socket")
    func notASocket() async throws {
        try await TemporaryDirectory.with { directory in
            let path = try TemporaryDirectory.write([1, 2, 3], named: "docker.sock", in: directory)
            let client = DockerEngineClient(endpoint: EngineEndpoint(kind: .docker, socketPath: path), timeouts: Self.fast)
            let error = await Self.error { () async throws(BulwarkError) in try await client.ping() }
            #expect(error?.message.contains("not a unix socket") == true)
        }
    }

    @Test("a socket nobody listens on: connection refused, daemon not running")
    func refused() async throws {
        try await TemporaryDirectory.with { directory in
            let dead = try FakeEngineSocket(path: directory + "/dead.sock", replies: [:], listening: false)
            defer { dead.stop() }
            let client = DockerEngineClient(endpoint: EngineEndpoint(kind: .podman, socketPath: dead.path), timeouts: Self.fast)
            let error = await Self.error { () async throws(BulwarkError) in try await client.ping() }
            #expect(error?.code == .io)
            #expect(error?.message.contains(dead.path) == true)
            #expect(error?.message.contains("not running") == true)
            #expect(error?.hint?.contains("podman system service") == true)
        }
    }

    @Test("a daemon that never answers times out instead of hanging")
    func silentDaemon() async throws {
        try await Self.withFake(["/_ping": .silence]) { client, _ in
            let started = ContinuousClock.now
            let error = await Self.error { () async throws(BulwarkError) in try await client.ping() }
            #expect(error?.code == .io)
            #expect(error?.message.contains(client.endpoint.socketPath) == true)
            // A hang guard: the timeouts are 1-2 s, but in a full parallel test run on 2 cores the cooperative
            // pool can be busy with other suites for tens of seconds before this task resumes.
            #expect(ContinuousClock.now - started < .seconds(150))
        }
    }

    @Test("an export that stalls mid-body times out and leaves no partial file")
    func stalledExport() async throws {
        try await Self.withFake(["/images/big:1/get": .stallBody(declaredLength: 10_000_000, sent: 4096)]) { client, _ in
            let path = NSTemporaryDirectory() + "stalled-\(UUID().uuidString).tar"
            let started = ContinuousClock.now
            let error = await Self.error { () async throws(BulwarkError) in try await client.exportImage("big:1", to: path) }
            #expect(error?.code == .io)
            #expect(error?.message.contains("exporting image 'big:1'") == true)
            // A hang guard: the timeouts are 1-2 s, but in a full parallel test run on 2 cores the cooperative
            // pool can be busy with other suites for tens of seconds before this task resumes.
            #expect(ContinuousClock.now - started < .seconds(150))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("an export larger than the limit is stopped")
    func exportLimit() async throws {
        try await Self.withFake(["/images/big:1/get": .respond(status: 200, body: String(repeating: "x", count: 100_000))]) { client, _ in
            var limited = client
            limited.maxExportBytes = 1000
            let path = NSTemporaryDirectory() + "limited-\(UUID().uuidString).tar"
            let error = await Self.error { () async throws(BulwarkError) in try await limited.exportImage("big:1", to: path) }
            #expect(error?.code == .limitExceeded)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("a daemon error (500) carries the daemon's message", arguments: [500, 409])
    func daemonError(status: Int) async throws {
        try await Self.withFake(["/containers/c1/export": .respond(status: status, body: #"{"message":"container is paused"}"#)]) { client, _ in
            let error = await Self.error { () async throws(BulwarkError) in try await client.exportContainer("c1", to: NSTemporaryDirectory() + "x-\(UUID()).tar") }
            #expect(error?.message.contains("container is paused") == true)
            #expect(error?.message.contains("(\(status))") == true)
        }
    }

    @Test("hostile names are refused before any request", arguments: ["", "../../containers/json", "a b", "x?all=1", "img#frag", "a/./b"])
    func hostileNames(name: String) async throws {
        try await Self.withFake([:]) { client, fake in
            let error = await Self.error { () async throws(BulwarkError) in _ = try await client.inspectImage(name) }
            #expect(error?.code == .invalidInput)
            #expect(fake.requests.isEmpty)
        }
    }

    @Test("image references keep their slashes, colons and digests in the path")
    func referencePath() async throws {
        let reference = "registry.example.com:5000/team/app@sha256:ec3f0931a6e6b6855d76b2d7b0be30e81860baccd891b2e243280bf1cd8ad710"
        try await Self.withFake(["/images/\(reference)/json": .respond(status: 200, body: RecordedResponses.dockerImageInspect)]) { client, _ in
            let exists = try await client.imageExists(reference)
            #expect(exists)
        }
    }
}
