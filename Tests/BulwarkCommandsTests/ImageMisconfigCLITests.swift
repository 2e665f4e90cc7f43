import BulwarkTestSupport
import Foundation
import Testing

/// `bulwark image --scanners misconfig` on an OCI layout built here with known hardening problems.
@Suite struct ImageMisconfigCLITests {
    let cli = CLITests()

    static func badImage() -> TestImage {
        var base = TarWriter()
        base.directory("etc")
        base.file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
        base.directory("usr/bin")
        base.file("usr/bin/su", "ELF", mode: 0o4755)
        var app = TarWriter()
        app.directory("app")
        app.file("app/run.sh", "#!/bin/sh\n", mode: 0o777)
        app.directory("app/.git")
        app.file("app/.git/config", "[core]\n")
        app.file("root/.ssh/id_rsa", "key", mode: 0o600)
        var image = TestImage(layers: [
            TestLayer(tar: base.bytes, createdBy: "ADD rootfs.tar /"),
            TestLayer(tar: app.bytes, createdBy: "RUN |1 NPM_TOKEN=npm_Zq9Zq9Zq9Zq9Zq9Zq9Zq9Zq9Zq9Zq9Zq9Zq9 /bin/sh -c npm ci # buildkit"),
        ])
        image.env.append("DB_PASSWORD=hunter2hunter2")
        return image
    }

    @Test func reportsTheImageHardeningFindingsInJSONTableAndSARIF() async throws {
        try await TemporaryDirectory.with { dir in
            let layout = dir + "/layout"
            try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles([("app:1", Self.badImage())]), to: layout)
            let json = try cli.run(["image", layout, "--scanners", "misconfig", "--format", "json", "--offline"])
            #expect(json.status == 0, "\(json.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(report["scanners"] as? [String] == ["misconfig"])
            let findings = ((report["misconfigurations"] as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
            let ids = Set(findings.compactMap { $0["ruleId"] as? String })
            #expect(ids == ["BW-IMG-001", "BW-IMG-002", "BW-IMG-003", "BW-IMG-005", "BW-IMG-006", "BW-IMG-007", "BW-IMG-008", "BW-IMG-009"], "\(ids)")
            // The image metadata lists the config as it is; findings never repeat a credential whole.
            let findingText = String(decoding: try JSONSerialization.data(withJSONObject: findings), as: UTF8.self)
            #expect(!findingText.contains("hunter2hunter2") && !findingText.contains("npm_Zq9Zq9Zq9Zq9Zq9Zq9"), "credentials must be masked")

            let gated = try cli.run(["image", layout, "--scanners", "misconfig", "--fail-on", "high", "-q", "--offline"])
            #expect(gated.status == 1)
            let table = try cli.run(["image", layout, "--scanners", "misconfig", "--offline"], environment: ["NO_COLOR": "1"])
            #expect(table.stdout.contains("BW-IMG-006") && table.stdout.contains("/usr/bin/su"))

            let sarif = try cli.run(["image", layout, "--scanners", "misconfig", "--format", "sarif", "--offline"])
            let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
            let runs = log["runs"] as? [[String: Any]] ?? []
            #expect(runs.count == 1)
            #expect(((runs.first?["results"] as? [Any]) ?? []).count == findings.count)
        }
    }

    @Test func vulnerabilitiesAndMisconfigurationsShareOneSARIFLogAndGate() async throws {
        try await TemporaryDirectory.with { dir in
            let db = dir + "/example.db"
            #expect(try cli.run(["db", "import", "examples/advisories", "--db", db]).status == 0)
            let sarif = try cli.run(["image", "examples/alpine-3.19-oci", "--db", db, "--scanners", "vuln,misconfig", "--format", "sarif"])
            #expect(sarif.status == 0, "\(sarif.stderr)")
            let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
            #expect((log["runs"] as? [Any])?.count == 2)
            let markdown = try cli.run(["image", "examples/alpine-3.19-oci", "--db", db, "--scanners", "vuln,misconfig", "--format", "markdown"])
            #expect(markdown.stdout.contains("CVE-2024-2511") && markdown.stdout.contains("BW-IMG-001"))
            let csv = try cli.run(["image", "examples/alpine-3.19-oci", "--db", db, "--scanners", "vuln,misconfig", "--format", "csv"])
            #expect(csv.stdout.contains(",misconfiguration,,BW-IMG-001,HIGH,") && csv.stdout.contains("CVE-2024-2511"))
            let junit = try cli.run(["image", "examples/alpine-3.19-oci", "--db", db, "--scanners", "vuln,misconfig", "--format", "junit", "--fail-on", "high"])
            #expect(junit.stdout.contains("misconfigurations\" tests=\"2\" failures=\"1\""), "\(junit.stdout)")
            let html = try cli.run(["image", "examples/alpine-3.19-oci", "--db", db, "--scanners", "vuln,misconfig", "--format", "html"])
            #expect(html.stdout.contains("<h2>Misconfigurations (2)</h2>"))
            let gitlab = try cli.run(["image", "examples/alpine-3.19-oci", "--db", db, "--scanners", "vuln,misconfig", "--format", "gitlab"])
            #expect(gitlab.stderr.contains("holds vulnerabilities only"))
            let bad = try cli.run(["image", "examples/alpine-3.19-oci", "--db", db, "--scanners", "vuln,bogus"])
            #expect(bad.status == 64 && bad.stderr.contains("unknown scanner"))
        }
    }
}
