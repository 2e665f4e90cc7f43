import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

@Suite("SARIF 2.1.0")
struct SARIFFormatTests {
    static let schemaScript = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[2], encoding="utf-8"))
        documents = json.load(open(sys.argv[1], encoding="utf-8"))
        validator = jsonschema.validators.validator_for(schema)(schema)
        failed = False
        for index, document in enumerate(documents):
            for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path))[:20]:
                failed = True
                print("document", index, list(error.path), error.message[:300])
        sys.exit(1 if failed or not documents else 0)
        """

    @Test(
        "validates against the SARIF 2.1.0 schema", .enabled(if: FormatValidators.shouldRun(FormatValidators.jsonschema)),
        .enabled(if: FormatValidators.sarifSchema != nil || FormatValidators.isCI))
    func schema() throws {
        let schema = try #require(FormatValidators.sarifSchema, "the shared SARIF schema (fixtures/schemas/sarif-schema-2.1.0.json) is missing")
        let dockerfile = NamedText(path: "./Dockerfile", text: "FROM debian:12\nRUN apt-get install -y openssl\n")
        var documents: [[UInt8]] = []
        for (_, report) in ReportFixtures.all {
            documents.append(try ScanReportRenderer.render(report, as: .sarif, options: ReportFixtures.options()))
            documents.append(
                try ScanReportRenderer.render(
                    report, as: .sarif, options: ReportFixtures.options(), settings: ReportRenderSettings(dockerfile: dockerfile)))
        }
        documents.append(try SARIFWriter(dockerfile: nil, maxResults: 3).write(ReportFixtures.many(40, packages: 7)))
        // Vulnerabilities, secrets and misconfigurations of one scan in one log.
        var combined = ReportFixtures.debian
        combined.secrets = SecretReport(
            findings: [FileContentFinding(
                ruleID: "aws-access-key-id", category: "AWS", title: "AWS access key id", severity: .critical, path: "/app/.env", line: 2,
                match: "AKIA************", snippet: "AWS_ACCESS_KEY_ID=AKIA************", layerIndex: 1, presentInFinalFilesystem: false)],
            inspectedFiles: 10, skippedBinary: 1, skippedTooLarge: 0)
        combined.misconfigurations = ConfigScanner.scan(text: "FROM debian:12\n", kind: .dockerfile, path: "Dockerfile", hasDockerignore: true)
        let combinedLog = try ScanReportRenderer.render(combined, as: .sarif, options: ReportFixtures.options())
        let runs = (try JSONSerialization.jsonObject(with: Data(combinedLog)) as? [String: Any])?["runs"] as? [Any]
        #expect(runs?.count == 3)
        documents.append(combinedLog)
        let problems = try FormatValidators.check(FormatValidators.jsonArray(documents), script: Self.schemaScript, extension: "json", extra: [schema])
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("one rule per advisory with GitHub's security-severity, results on package files")
    func rulesAndResults() throws {
        let log = SARIFWriter(dockerfile: nil).log(for: ReportFixtures.debian)
        let run = try #require(log.runs.first)
        #expect(run.tool.driver.rules.map(\.id) == ["CVE-2023-4911", "CVE-2021-23337", "CVE-2024-0727", "CVE-2023-5678", "CVE-2023-45853", "GHSA-4w2v-q235-vp99"])
        let severities = Dictionary(uniqueKeysWithValues: run.tool.driver.rules.map { ($0.id, $0.properties.securitySeverity) })
        #expect(severities["CVE-2023-4911"] == "9.5")  // critical, CVSS 7.8 is outside the critical band
        #expect(severities["CVE-2021-23337"] == "7.2")  // high, CVSS in band
        #expect(severities["CVE-2024-0727"] == "5.5")
        #expect(severities["GHSA-4w2v-q235-vp99"] == "0.0")
        #expect(run.results.count == 6)
        for result in run.results { #expect(run.tool.driver.rules[result.ruleIndex].id == result.ruleId) }
        let uris = Set(run.results.map { $0.locations[0].physicalLocation.artifactLocation.uri })
        #expect(uris == ["var/lib/dpkg/status", "app/node_modules/lodash/package.json", "app/node_modules/axios/package.json"])
        #expect(run.automationDetails.id == "bulwark/registry.example/team/app:1.0/2024-05-01T12:30:00Z")
        #expect(run.properties?["bulwark:aggregated"] == nil)
    }

    @Test("results sit on the Dockerfile line that installed the package")
    func dockerfileLines() throws {
        let text = """
            # syntax=docker/dockerfile:1
            FROM node:20 AS build
            RUN npm ci
            FROM debian:12

            RUN apt-get update && \\
                apt-get install -y --no-install-recommends \\
                  openssl=3.0.11-1~deb12u2 curl
            COPY --from=build /app /app
            RUN npm install lodash@4.17.15
            """
        let locator = DockerfileLocator(text: text)
        #expect(locator.line(for: ReportFixtures.openssl) == 8)
        #expect(locator.line(for: ReportFixtures.lodash) == 10)
        #expect(locator.line(for: ReportFixtures.libc) == 4)  // OS package not named in a RUN: the last FROM
        #expect(locator.line(for: ReportFixtures.axios) == 1)  // language package not named anywhere
        let log = SARIFWriter(dockerfile: NamedText(path: "./docker/Dockerfile", text: text)).log(for: ReportFixtures.debian)
        let lines = Dictionary(
            log.runs[0].results.map { ($0.ruleId, $0.locations[0].physicalLocation.region.startLine) }, uniquingKeysWith: { first, _ in first })
        #expect(lines["CVE-2024-0727"] == 8)
        #expect(lines["CVE-2021-23337"] == 10)
        #expect(Set(log.runs[0].results.map { $0.locations[0].physicalLocation.artifactLocation.uri }) == ["docker/Dockerfile"])
    }

    @Test("above the result limit, results are aggregated per package and the run says so")
    func aggregation() throws {
        let report = ReportFixtures.many(40, packages: 7)
        let run = try #require(SARIFWriter(dockerfile: nil, maxResults: 10).log(for: report).runs.first)
        #expect(run.results.count == 7)
        #expect(run.tool.driver.rules.count == 40)
        #expect(run.invocations[0].toolExecutionNotifications?.first?.message.text.contains("40 findings exceed") == true)
        if case .bool(true) = run.properties?["bulwark:aggregated"] {} else { Issue.record("aggregation not recorded in run properties") }
        let capped = try #require(SARIFWriter(dockerfile: nil, maxResults: 3).log(for: report).runs.first)
        #expect(capped.results.count == 3)
        #expect(capped.invocations[0].toolExecutionNotifications?.first?.message.text.contains("4 least severe packages were left out") == true)
        #expect(SARIFWriter.gitHubResultLimit == 25_000)
    }
}
