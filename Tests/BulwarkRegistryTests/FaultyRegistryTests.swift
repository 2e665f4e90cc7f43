import BulwarkCore
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Testing

@testable import BulwarkRegistry

/// A registry that misbehaves in one way per test (fault_registry.py): every fault ends in a
/// successful retry or a clear error, within the timeouts, and never leaves a blob in the cache
/// that does not match its digest.
@Suite("Registry faults", .serialized)
struct FaultyRegistryTests {
    /// The fault server, serving one image from an OCI layout.
    final class FaultServer {
        let process = Process()
        let port: Int
        let directory: String

        init(mode: String) throws {
            directory = NSTemporaryDirectory() + "bulwark-fault-\(UUID().uuidString)"
            let image = TestImage(layers: [
                TestLayer(files: [("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n"), ("big", String(repeating: "0123456789abcdef", count: 40_000))]),
                TestLayer(files: [("app/x", "x")]),
            ])
            try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles([("app:1", image)]), to: directory + "/layout")
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("fault_registry.py").path
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, directory + "/layout", mode]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { throw TestSupportError("fault server did not start") }
                line += chunk
            }
            guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw TestSupportError("fault server printed no port")
            }
            self.port = port
        }

        deinit {
            ChildProcess.stop(process)
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    struct Outcome {
        var error: BulwarkError?
        var seconds: Double
        /// Whether every layer of the image ended up in the blob cache.
        var complete = false
    }

    static func pull(mode: String, readTimeout: Double = 10) async throws -> Outcome {
        let server = try FaultServer(mode: mode)
        let address = "127.0.0.1:\(server.port)"
        let client = try RegistryClient(
            options: RegistryClientOptions(insecureRegistries: [address], connectTimeout: 3, readTimeout: readTimeout, maxAttempts: 3, maxBackoff: 2),
            credentials: CredentialResolver(environment: ["HOME": "/nonexistent"]))
        let cache = BlobCache(root: server.directory + "/cache")
        let puller = RegistryPuller(client: client)
        let started = Date()
        var outcome = Outcome(error: nil, seconds: 0)
        do {
            let remote = try await puller.resolve(try ImageReference(parsing: "\(address)/x/app:1"), platform: nil)
            try await puller.download(remote, layers: Array(remote.manifest.layers.indices), into: cache)
            outcome.complete = remote.manifest.layers.allSatisfy { cache.contains($0.digest, size: $0.size) }
        } catch {
            outcome.error = error
        }
        outcome.seconds = Date().timeIntervalSince(started)
        await client.shutdown()
        // Whatever happened, the cache holds only complete, verified blobs and no partial files.
        for algorithm in (try? FileManager.default.contentsOfDirectory(atPath: cache.root)) ?? [] {
            for name in try FileManager.default.contentsOfDirectory(atPath: cache.root + "/" + algorithm) {
                #expect(!name.hasPrefix(".partial-"), "partial file left: \(name)")
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.root + "/" + algorithm + "/" + name)))
                #expect(Digest.sha256(of: bytes).encoded == name)
            }
        }
        return outcome
    }

    static func expectComplete(_ outcome: Outcome) throws {
        #expect(outcome.error == nil, "\(outcome.error?.message ?? "")")
        #expect(outcome.complete)
    }

    @Test("recovers: dropped connections resume with Range (or restart), 500s and 429s are retried", arguments: ["ok", "drop-blob", "no-range", "flaky-500", "rate-limit"])
    func recovers(mode: String) async throws {
        let outcome = try await Self.pull(mode: mode)
        try Self.expectComplete(outcome)
        if mode == "rate-limit" { #expect(outcome.seconds >= 1, "Retry-After was not honored") }
    }

    @Test("fails clearly: wrong digest, persistent 500, oversized manifest, redirect loop, failing token endpoint, stalled body")
    func failsClearly() async throws {
        let expectations: [(mode: String, code: BulwarkError.Code, text: String)] = [
            ("wrong-digest", .integrity, "digest"),
            ("always-500", .network, "storage backend unavailable"),
            ("huge-manifest", .limitExceeded, "manifest over"),
            ("redirect-loop", .network, "redirects"),
            ("token-fail", .network, "token endpoint"),
            ("stall", .network, "x/app"),
        ]
        for expectation in expectations {
            let outcome = try await Self.pull(mode: expectation.mode, readTimeout: 2)
            let error = try #require(outcome.error, "\(expectation.mode) did not fail")
            #expect(error.code == expectation.code, "\(expectation.mode): \(error.code) \(error.message)")
            #expect(error.message.contains(expectation.text), "\(expectation.mode): \(error.message)")
            #expect(!error.message.contains("\n"))
            #expect(outcome.seconds < 150, "\(expectation.mode) took \(outcome.seconds) s")
        }
    }
}
