import BulwarkCore
import BulwarkDocker
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Testing

/// Against a real Docker-API-compatible service: `podman system service` on a socket in a temp dir.
@Suite("Podman Engine API (real service)", .serialized, .enabled(if: PodmanHarness.enabled), .timeLimit(.minutes(5)))
struct PodmanIntegrationTests {
    static let tag = "localhost/bulwark-test:1"
    static let apkDatabase = "P:musl\nV:1.2.4-r2\nA:x86_64\n\nP:busybox\nV:1.36.1-r15\nA:x86_64\n\n"

    /// A tiny image with a real static binary: busybox, an Alpine os-release and apk database.
    static func testImageArchive() throws -> [UInt8] {
        let busybox = try [UInt8](Data(contentsOf: URL(fileURLWithPath: PodmanHarness.busybox)))
        var writer = TarWriter()
        for directory in ["bin", "etc", "lib", "lib/apk", "lib/apk/db", "tmp"] { writer.directory(directory) }
        writer.file("bin/busybox", busybox, mode: 0o755)
        for tool in ["sh", "sleep", "cat", "printf", "echo"] { writer.symlink("bin/\(tool)", target: "busybox") }
        writer.file("etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\n")
        writer.file("lib/apk/db/installed", apkDatabase)
        var image = TestImage(layers: [TestLayer(tar: writer.finished(), compression: .gzip)])
        image.user = nil
        return ImageWriter.tar(ImageWriter.dockerArchiveFiles(image, tags: [tag]))
    }

    static func loaded(_ harness: PodmanHarness) async throws -> DockerEngineClient {
        let client = harness.client()
        let archive = try TemporaryDirectory.write(try testImageArchive(), named: "image.tar", in: harness.directory)
        let status = try await client.loadImage(fromArchive: archive)
        #expect(status.contains("bulwark-test"))
        return client
    }

    static func files(in archive: String, wanted: Set<String>, label: String) throws -> [String: [UInt8]] {
        let image = try ContainerFilesystem.resolvedImage(exportAt: archive, label: label)
        let reader = LayerReader(interest: { wanted.contains($0) })
        guard let layer = image.layers.first else { return [:] }
        let contents = try reader.read(layer, imageLabel: label)
        try contents.verify()
        var found: [String: [UInt8]] = [:]
        for (path, change) in contents.changes {
            if case .put(let node) = change, let bytes = node.contents { found[path] = bytes }
        }
        return found
    }

    @Test("load, find and export an image; the export is a docker-save tarball Bulwark opens")
    func exportImage() async throws {
        let harness = try await PodmanHarness()
        defer { harness.stop() }
        let client = try await Self.loaded(harness)
        #expect(try await client.version().isPodman)
        #expect(try await client.imageExists(Self.tag))
        #expect(try await client.imageExists("localhost/absent:9") == false)

        // The locator skips a dead Docker socket and finds the image in Podman.
        let endpoints = [EngineEndpoint(kind: .docker, socketPath: harness.directory + "/no-docker.sock"), client.endpoint]
        let exported = try await EngineImageLocator.export(Self.tag, endpoints: endpoints, scratchDirectory: harness.directory + "/scratch", timeouts: client.timeouts)
        #expect(exported.endpoint == client.endpoint)
        #expect(exported.size > 500_000)
        #expect(exported.image.repoTags.contains(Self.tag))

        let image = try ImageOpener.open(path: exported.archivePath, scratchDirectory: harness.directory + "/scratch").resolve(ImageSelection())
        #expect(image.metadata.repoTags.contains(Self.tag))
        #expect(image.layers.count == 1)
        let reader = LayerReader(interest: { $0 == "/lib/apk/db/installed" })
        let layer = try reader.read(image.layers[0], imageLabel: Self.tag)
        try layer.verify()
        let database = layer.changes.compactMap { change -> [UInt8]? in
            if case .put(let node) = change.change { return node.contents }
            return nil
        }.first
        #expect(database == Array(Self.apkDatabase.utf8))

        let missing: BulwarkError? = await {
            do throws(BulwarkError) {
                try await client.exportImage("localhost/absent:9", to: harness.directory + "/absent.tar")
                return nil
            } catch { return error }
        }()
        #expect(missing?.code == .notFound)
        #expect(missing?.message.contains("localhost/absent:9") == true)
        #expect(missing?.message.contains(harness.socketPath) == true)
    }

    @Test("running containers: list, inspect into CIS findings, export the filesystem with its drift")
    func containers() async throws {
        let harness = try await PodmanHarness()
        defer { harness.stop() }
        let client = try await Self.loaded(harness)
        let limits = ["--network", "none", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"]
        let script = "printf 'P:curl\\nV:8.5.0-r0\\nA:x86_64\\n\\n' >> /lib/apk/db/installed; echo ready > /tmp/ready; exec sleep 600"
        try await harness.run(["run", "-d", "--name", "risky"] + limits + [
            "--cap-add", "SYS_ADMIN", "--security-opt", "seccomp=unconfined", "-v", harness.socketPath + ":/var/run/docker.sock",
            Self.tag, "/bin/sh", "-c", script,
        ])
        try await harness.run(["run", "-d", "--name", "hardened"] + limits + [
            "--read-only", "--security-opt", "no-new-privileges", "--user", "1000:1000", "--pids-limit", "64", Self.tag, "/bin/sleep", "600",
        ])

        let running = try await client.listContainers()
        #expect(Set(running.map(\.displayName)) == ["risky", "hardened"])
        #expect(running.allSatisfy { $0.state == "running" })

        let risky = try await client.inspectContainer("risky")
        #expect(risky.running)
        #expect(risky.imageName.contains("bulwark-test"))
        let riskyIDs = Set(RuntimeAuditor.audit(risky).map(\.id))
        #expect(riskyIDs.isSuperset(of: ["CIS-DOCKER-5.3", "CIS-DOCKER-5.21", "CIS-DOCKER-5.31", "CIS-DOCKER-5.25", "CIS-DOCKER-5.12", "CIS-DOCKER-4.1"]))
        #expect(RuntimeAuditor.audit(risky).first { $0.id == "CIS-DOCKER-5.3" }?.severity == .high)

        let hardened = try await client.inspectContainer("hardened")
        let hardenedIDs = Set(RuntimeAuditor.audit(hardened).map(\.id))
        #expect(hardenedIDs.isDisjoint(with: ["CIS-DOCKER-5.3", "CIS-DOCKER-5.12", "CIS-DOCKER-5.25", "CIS-DOCKER-4.1", "CIS-DOCKER-5.28", "CIS-DOCKER-5.31", "CIS-DOCKER-5.4"]))

        // The container's filesystem holds what it wrote after starting (drift).
        let wanted: Set<String> = ["/lib/apk/db/installed", "/tmp/ready"]
        var files: [String: [UInt8]] = [:]
        let deadline = ContinuousClock.now + .seconds(20)
        while files["/tmp/ready"] == nil && ContinuousClock.now < deadline {
            let path = harness.directory + "/scratch/risky-fs.tar"
            try await client.exportContainer(risky.id, to: path)
            files = try Self.files(in: path, wanted: wanted, label: "risky")
            if files["/tmp/ready"] == nil { try await Task.sleep(for: .milliseconds(300)) }
        }
        #expect(files["/tmp/ready"] != nil)
        let database = String(decoding: files["/lib/apk/db/installed"] ?? [], as: UTF8.self)
        #expect(database.hasPrefix(Self.apkDatabase))
        #expect(database.contains("P:curl\nV:8.5.0-r0"))

        let absent: BulwarkError? = await {
            do throws(BulwarkError) {
                _ = try await client.inspectContainer("no-such-container")
                return nil
            } catch { return error }
        }()
        #expect(absent?.code == .notFound)
        #expect(absent?.hint?.contains("podman ps") == true)
    }
}
