import Foundation
import Testing

/// Runs Python checkers (standard library or PyPI modules) on rendered reports. A test whose module is
/// missing skips locally and runs — and fails — when `CI=true`, where CI installs the modules.
enum FormatValidators {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let jsonschema = hasModule("jsonschema")
    static let junitparser = hasModule("junitparser")
    static let markdownIt = hasModule("markdown_it")
    static let html5lib = hasModule("html5lib")
    static let cycloneDX = hasModule("cyclonedx.validation.json")
    static let python = hasModule("csv")

    /// Whether a test needing `present` should run.
    static func shouldRun(_ present: Bool) -> Bool { present || isCI }

    /// The shared SARIF 2.1.0 schema copy, when the shared folder is present.
    static let sarifSchema: String? = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for shared in [repository.deletingLastPathComponent().path + "/shared", "/work/shared"] {
            let path = shared + "/fixtures/schemas/sarif-schema-2.1.0.json"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }()

    /// This folder (for test-local schema files).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

    private static func hasModule(_ name: String) -> Bool {
        (try? run(["-c", "import \(name)"], input: nil).status) == 0
    }

    /// Runs `script` with the document written to a temporary file passed as `sys.argv[1]` (and
    /// `extra` arguments after it); returns nil when it exits 0, else its output.
    static func check(_ document: [UInt8], script: String, extension fileExtension: String, extra: [String] = []) throws -> String? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report." + fileExtension)
        try Data(document).write(to: file)
        let result = try run(["-c", script, file.path] + extra, input: nil)
        return result.status == 0 ? nil : "exit \(result.status): \(result.output)"
    }

    /// Several JSON documents as one JSON array, so one Python process checks them all.
    static func jsonArray(_ documents: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, document) in documents.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += document
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    /// Runs python3 with `arguments`.
    static func run(_ arguments: [String], input: Data?) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
