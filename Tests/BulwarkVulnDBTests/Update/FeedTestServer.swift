import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `feed_test_server.py` (next to this file) on 127.0.0.1 with a free port, serving `root`.
/// Stopped by ``stop()`` (tests call it in a `defer`).
final class FeedTestServer: @unchecked Sendable {
    static let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("feed_test_server.py").path

    /// True when python3 can be started here.
    static let pythonAvailable: Bool = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            if FileManager.default.isExecutableFile(atPath: directory + "/python3") { return true }
        }
        return false
    }()

    let root: String
    let port: Int
    private let process: Process

    /// Starts the server; throws when it does not report its port.
    init(root: String) throws {
        self.root = root
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.scriptPath, root]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            process.terminate()
            throw TestServerError(message: "feed_test_server.py did not start: '\(text)'")
        }
        self.port = port
        self.process = process
    }

    /// The URL of `path` on this server.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/" + path }

    /// The requests the server has seen.
    func requestLog() async throws -> [[String: String]] {
        guard let logURL = URL(string: url("__log")) else { return [] }
        let (data, _) = try await URLSession.shared.data(from: logURL)
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.map { entry in entry.compactMapValues { $0 as? String } }
    }

    /// Stops the server process this test started.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    struct TestServerError: Error { var message: String }
}

/// A fresh temporary directory for one test, with helpers for its files.
struct FeedTempDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "bulwark-feeds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path + "/" + relative).map { Array($0) }
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + relative) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Deterministic pseudo-random bytes (so a resumed download that splices wrong offsets is caught).
func feedTestBytes(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
    var state = seed
    var bytes = [UInt8](repeating: 0, count: count)
    for index in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes[index] = UInt8(truncatingIfNeeded: state >> 33)
    }
    return bytes
}
