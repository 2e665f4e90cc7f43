import Foundation
import Testing

/// Runs the official validators (Python packages from PyPI) on rendered documents.
///
/// A validator that is not installed makes its tests skip locally; with `CI=true` they run anyway and
/// fail, because CI installs the validators and a skipped validation there would hide breakage.
enum PythonValidator: String, Sendable {
    /// `cyclonedx-python-lib[validation]`: the strict CycloneDX 1.6 JSON schema validator.
    case cycloneDX
    /// `spdx-tools`: the SPDX 2.3 parser and full document validator.
    case spdx

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether this validator's tests should run: it is installed, or this is CI.
    var shouldRun: Bool { Self.isCI || isInstalled }

    /// Why the validator's tests are skipped, for the test report.
    var skipReason: Comment {
        switch self {
        case .cycloneDX: return "cyclonedx-python-lib not installed (pip install 'cyclonedx-python-lib[validation]')"
        case .spdx: return "spdx-tools not installed (pip install spdx-tools)"
        }
    }

    private static let cycloneDXInstalled = probe(.cycloneDX)
    private static let spdxInstalled = probe(.spdx)

    var isInstalled: Bool {
        switch self {
        case .cycloneDX: return Self.cycloneDXInstalled
        case .spdx: return Self.spdxInstalled
        }
    }

    /// The validator is not installed although its test runs (only with `CI=true`).
    struct Missing: Error, CustomStringConvertible {
        let validator: PythonValidator
        var description: String { "CI=true but the validator is missing: \(validator.skipReason)" }
    }

    /// Validates `document`; returns nil when valid, else the validator's messages. Throws ``Missing``
    /// when the validator is not installed.
    func validate(_ document: [UInt8]) throws -> String? {
        guard isInstalled else { throw Missing(validator: self) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bulwark-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(self == .spdx ? "document.spdx.json" : "document.cdx.json")
        try Data(document).write(to: file)
        let result = try Self.runPython(["-c", script, file.path])
        return result.status == 0 ? nil : "exit \(result.status): \(result.output)"
    }

    private var script: String {
        switch self {
        case .cycloneDX:
            return """
                import sys
                from cyclonedx.schema import SchemaVersion
                from cyclonedx.validation.json import JsonStrictValidator
                with open(sys.argv[1], encoding="utf-8") as handle:
                    text = handle.read()
                errors = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text, all_errors=True)
                if errors is not None:
                    for error in errors:
                        print(error)
                    sys.exit(1)
                """
        case .spdx:
            return """
                import sys
                from spdx_tools.spdx.parser.parse_anything import parse_file
                from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document
                document = parse_file(sys.argv[1])
                messages = validate_full_spdx_document(document)
                for message in messages:
                    print(message.validation_message, message.context)
                sys.exit(1 if messages else 0)
                """
        }
    }

    private static func probe(_ validator: PythonValidator) -> Bool {
        let imports: String
        switch validator {
        case .cycloneDX:
            imports = """
                from cyclonedx.schema import SchemaVersion
                from cyclonedx.validation.json import JsonStrictValidator
                JsonStrictValidator(SchemaVersion.V1_6).validate_str('{"bomFormat": "CycloneDX", "specVersion": "1.6"}')
                """
        case .spdx:
            imports = """
                from spdx_tools.spdx.parser.parse_anything import parse_file
                from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document
                """
        }
        return (try? runPython(["-c", imports]).status) == 0
    }

    /// Runs `python3` with `arguments`, returning its exit status and combined output.
    static func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
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
