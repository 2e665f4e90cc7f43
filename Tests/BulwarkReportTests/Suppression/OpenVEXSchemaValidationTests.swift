import BulwarkCore
import BulwarkReport
import Foundation
import Testing

/// Validates `vex create` output with Python's `jsonschema` against the OpenVEX v0.2.0 JSON schema's
/// rules (rewritten below from openvex/spec `openvex_json_schema.json`). Skips when `jsonschema` is not
/// installed, fails then on CI (`CI=true`; PyPI package `jsonschema`).
@Suite("OpenVEX schema validation")
struct OpenVEXSchemaValidationTests {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let jsonschemaPresent = (try? run(["-c", "import jsonschema"]).status) == 0

    @Test(.enabled(if: jsonschemaPresent || isCI, "Python jsonschema not installed (pip install jsonschema)"))
    func createdDocumentsPassTheSchema() throws {
        let documents: [[OpenVEXDecision]] = [
            [
                OpenVEXDecision(
                    vulnerability: "CVE-2023-5678", products: ["pkg:deb/debian/openssl@3.0.11-1?distro=debian-12", "pkg:npm/x"],
                    status: .notAffected, justification: "vulnerable_code_not_in_execute_path", impactStatement: "DH unused"),
                OpenVEXDecision(vulnerability: "CVE-1", products: ["pkg:npm/a"], status: .notAffected, impactStatement: "not loaded"),
                OpenVEXDecision(vulnerability: "CVE-2", products: ["pkg:npm/a"], status: .affected, actionStatement: "upgrade"),
                OpenVEXDecision(vulnerability: "CVE-3", products: ["pkg:npm/a"], status: .fixed),
                OpenVEXDecision(vulnerability: "CVE-4", products: ["pkg:npm/a"], status: .underInvestigation),
            ]
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-openvex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, decisions) in documents.enumerated() {
            let file = directory.appendingPathComponent("\(index).json")
            try Data(try OpenVEXWriter.document(decisions: decisions, author: "a", timestamp: "2026-01-14T00:00:00Z")).write(to: file)
            let result = try Self.run(["-c", Self.script, file.path])
            #expect(result.status == 0, "\(result.output)")
        }
        // The validator itself must reject what the schema forbids (both justification and impact_statement).
        let bad = directory.appendingPathComponent("bad.json")
        try Data(
            """
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/1", "author": "a", "timestamp": "2026-01-14T00:00:00Z",
             "version": 1, "statements": [{"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a"}], "status": "not_affected",
             "justification": "component_not_present", "impact_statement": "both"}]}
            """.utf8
        ).write(to: bad)
        #expect(try Self.run(["-c", Self.script, bad.path]).status != 0)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
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

    static let script = #"""
import json, sys, jsonschema
ids = {"type":"object","properties":{"purl":{"type":"string"},"@cpe22":{"type":"string"},"@cpe23":{"type":"string"}},"additionalProperties":False}
hashes = {"type":"object","additionalProperties":{"type":"string"}}
sub = {"type":"object","properties":{"@id":{"type":"string","format":"uri"},"identifiers":ids,"hashes":hashes},"additionalProperties":False}
comp = {"type":"object","properties":{"@id":{"type":"string","format":"uri"},"identifiers":ids,"hashes":hashes,"subcomponents":{"type":"array","uniqueItems":True,"items":sub}},"additionalProperties":False}
vuln = {"type":"object","properties":{"@id":{"type":"string"},"name":{"type":"string"},"description":{"type":"string"},"aliases":{"type":"array","uniqueItems":True,"items":{"type":"string"}}},"required":["name"],"additionalProperties":False}
dt = {"type":"string","format":"date-time"}
stmt = {"properties":{"@id":{"type":"string"},"version":{"type":"integer","minimum":1},"vulnerability":vuln,"timestamp":dt,"last_updated":dt,
  "products":{"type":"array","uniqueItems":True,"items":comp},"status":{"type":"string","enum":["not_affected","affected","fixed","under_investigation"]},
  "supplier":{"type":"string"},"status_notes":{"type":"string"},"justification":{"type":"string","enum":["component_not_present","vulnerable_code_not_present","vulnerable_code_not_in_execute_path","vulnerable_code_cannot_be_controlled_by_adversary","inline_mitigations_already_exist"]},
  "impact_statement":{"type":"string"},"action_statement":{"type":"string"},"action_statement_timestamp":dt},
  "required":["vulnerability","status"],"additionalProperties":False,
  "allOf":[{"if":{"properties":{"status":{"const":"not_affected"}}},"then":{"oneOf":[{"required":["justification"],"not":{"required":["impact_statement"]}},{"required":["impact_statement"],"not":{"required":["justification"]}}]}},
           {"if":{"properties":{"status":{"const":"affected"}}},"then":{"required":["action_statement"]}}]}
schema = {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"@context":{"type":"string"},"@id":{"type":"string"},"author":{"type":"string"},"role":{"type":"string"},"timestamp":dt,"last_updated":dt,"version":{"type":"integer","minimum":1},"tooling":{"type":"string"},"statements":{"type":"array","uniqueItems":True,"minItems":1,"items":stmt}},
  "required":["@context","@id","author","timestamp","version","statements"],"additionalProperties":False}
jsonschema.validate(json.load(open(sys.argv[1])), schema, format_checker=jsonschema.FormatChecker())
"""#
}
