import BulwarkConfig
import BulwarkCore
import BulwarkTestSupport
import Foundation
import Testing

/// Validates the SARIF output against the official SARIF 2.1.0 JSON schema with Python `jsonschema`
/// (PyPI package `jsonschema`): skipped when it is missing locally, failing when CI=true.
@Suite struct SARIFTests {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let schemaPath = SharedFixtureLocation.path("fixtures/schemas/sarif-schema-2.1.0.json")
    static let jsonschemaPresent = (try? runPython(["-c", "import jsonschema"]).status == 0) ?? false

    static func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func sampleReport() -> ConfigReport {
        let docker = ConfigScanner.scan(text: "FROM alpine\nRUN curl -s https://x | sh\nEXPOSE 22\n", kind: .dockerfile, path: "./app/Dockerfile", hasDockerignore: false)
        let compose = ConfigScanner.scan(text: "services:\n  db:\n    image: postgres:16\n    privileged: true\n", kind: .compose, path: "deploy/compose file.yml")
        var report = ConfigReport(findings: docker.findings + compose.findings, warnings: ["x.yaml:3: invalid YAML: bad"], files: docker.files + compose.files, suppressedCount: 0)
        report.findings.sort { ($0.file, $0.line) < ($1.file, $1.line) }
        return report
    }

    @Test func structureMapsRulesAndRegions() throws {
        let bytes = try SARIFRenderer.render(Self.sampleReport(), toolVersion: "0.1.0")
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let run = (object?["runs"] as? [[String: Any]])?.first
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        let results = run?["results"] as? [[String: Any]] ?? []
        #expect(object?["version"] as? String == "2.1.0")
        #expect(Set(rules.compactMap { $0["id"] as? String }).count == rules.count)
        #expect(results.count == Self.sampleReport().findings.count)
        let privileged = results.first { $0["ruleId"] as? String == "BW-DC-001" }
        #expect(privileged?["level"] as? String == "error")
        let location = ((privileged?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "deploy/compose%20file.yml")
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 4)
        let rule = rules.first { $0["id"] as? String == "BW-DC-001" }
        #expect((rule?["properties"] as? [String: Any])?["security-severity"] as? String == "9.5")
        #expect(SARIFRenderer.level(for: .medium) == "warning" && SARIFRenderer.level(for: .low) == "note")
    }

    @Test(.enabled(if: schemaPath != nil, "shared SARIF schema absent"), .enabled(if: jsonschemaPresent || isCI, "python3 jsonschema not installed (pip install jsonschema)"))
    func validatesAgainstOfficialSchema() throws {
        let schema = try #require(Self.schemaPath)
        let directory = try TemporaryDirectory()
        let reportPath = try directory.write("report.sarif", String(decoding: try SARIFRenderer.render(Self.sampleReport(), toolVersion: "0.1.0"), as: UTF8.self))
        let emptyPath = try directory.write("empty.sarif", String(decoding: try SARIFRenderer.render(ConfigReport(findings: [], warnings: [], files: [], suppressedCount: 0), toolVersion: "0.1.0"), as: UTF8.self))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.validate(json.load(open(path)), schema)
            print("ok")
            """
        let result = try Self.runPython(["-c", script, schema, reportPath, emptyPath])
        #expect(result.status == 0, "\(result.output)")
    }
}
