import BulwarkTestSupport
import Foundation
import Testing

/// `bulwark image --scanners secret`: every layer's files, deleted ones included, and the config; masked output.
@Suite struct SecretCLITests {
    let cli = CLITests()

    static let awsKey = "AKIA" + "Q3EGRZ7XPLMN4KVW"
    static let githubToken = "ghp_" + "x7Kd9Qm2Lp4Rt6Vw8Yz1Ab3Cd5Ef7Gh9Ij0K"

    static func leakyImage() -> TestImage {
        var base = TarWriter()
        base.file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
        base.file("app/.env", "DEBUG=1\nAWS_ACCESS_KEY_ID=\(awsKey)\n")
        base.file("app/readme.txt", "nothing to see\n")
        // A binary (NUL in its first bytes) is skipped without reading the rest, where a token hides.
        base.file("usr/bin/tool", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0] + Array(repeating: 0x41, count: 20_000) + Array("\nGH_TOKEN=\(githubToken)\n".utf8), mode: 0o755)
        var cleanup = TarWriter()
        cleanup.file("app/.wh..env", "")
        var image = TestImage(layers: [TestLayer(tar: base.bytes), TestLayer(tar: cleanup.bytes, createdBy: "RUN rm /app/.env")])
        image.env.append("GH_TOKEN=\(githubToken)")
        return image
    }

    @Test func findsDeletedAndConfigSecretsMasked() async throws {
        try await TemporaryDirectory.with { dir in
            let layout = dir + "/layout"
            try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles([("leaky:1", Self.leakyImage())]), to: layout)
            let json = try cli.run(["image", layout, "--scanners", "secret", "--format", "json", "--offline"])
            #expect(json.status == 0, "\(json.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let secrets = try #require(report["secrets"] as? [String: Any])
            let findings = secrets["findings"] as? [[String: Any]] ?? []
            let aws = findings.first { ($0["path"] as? String) == "/app/.env" }
            #expect(aws?["presentInFinalFilesystem"] as? Bool == false, "\(findings)")
            #expect(aws?["layerIndex"] as? Int == 0)
            #expect(findings.contains { ($0["path"] as? String)?.hasPrefix("config.Env") == true })
            let findingText = String(decoding: try JSONSerialization.data(withJSONObject: findings), as: UTF8.self)
            #expect(!findingText.contains(Self.awsKey) && !findingText.contains(Self.githubToken))
            #expect((secrets["inspectedFiles"] as? Int ?? 0) >= 2)
            #expect(secrets["skippedBinary"] as? Int == 1)
            #expect(!findings.contains { ($0["path"] as? String) == "/usr/bin/tool" })
            let gated = try cli.run(["image", layout, "--scanners", "secret", "--fail-on", "high", "-q", "--offline"])
            #expect(gated.status == 1)
            let table = try cli.run(["image", layout, "--scanners", "secret", "--offline"], environment: ["NO_COLOR": "1"])
            #expect(table.stdout.contains("deleted in a later layer"))
            // GitHub code scanning: secrets are a SARIF run of their own, located at file and line.
            let sarif = try cli.run(["image", layout, "--scanners", "secret", "--format", "sarif", "--offline"])
            let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
            let runs = log["runs"] as? [[String: Any]] ?? []
            #expect(runs.count == 1)
            let results = runs.first?["results"] as? [[String: Any]] ?? []
            #expect(results.count == findings.count)
            #expect(!sarif.stdout.contains(Self.awsKey))
            let locations = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any] }
            #expect(locations.contains { $0["uri"] as? String == "app/.env" })
            let csv = try cli.run(["image", layout, "--scanners", "secret", "--format", "csv", "--offline"])
            #expect(csv.stdout.contains(",secret,,aws-access-key-id,CRITICAL,,,deleted-in-later-layer,"))
        }
    }
}

/// `bulwark fs --scanners …` on a project folder written here.
@Suite struct FolderScannersCLITests {
    let cli = CLITests()

    @Test func secretsMisconfigurationsAndLicensesOfAFolder() async throws {
        try await TemporaryDirectory.with { dir in
            try FileManager.default.createDirectory(atPath: dir + "/app", withIntermediateDirectories: true)
            _ = try TemporaryDirectory.write(Array("DEBUG=1\nAWS_ACCESS_KEY_ID=\(SecretCLITests.awsKey)\n".utf8), named: "app/.env", in: dir)
            _ = try TemporaryDirectory.write(Array("FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0\n".utf8), named: "Dockerfile", in: dir)
            _ = try TemporaryDirectory.write(Array("""
                {"name":"x","version":"1.0.0","lockfileVersion":3,"packages":{"":{"name":"x"},
                 "node_modules/left-pad":{"version":"1.3.0","license":"WTFPL"},"node_modules/ms":{"version":"2.1.3","license":"MIT"}}}
                """.utf8), named: "package-lock.json", in: dir)
            let mit = """
                Copyright (c) 2024 Example

                Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

                The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

                THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
                """
            _ = try TemporaryDirectory.write(Array(mit.utf8), named: "LICENSE.md", in: dir)
            try FileManager.default.createDirectory(atPath: dir + "/node_modules/ms", withIntermediateDirectories: true)
            _ = try TemporaryDirectory.write(Array("{\"name\":\"ms\",\"version\":\"2.1.3\",\"license\":\"MIT\"}".utf8), named: "node_modules/ms/package.json", in: dir)
            _ = try TemporaryDirectory.write(Array(mit.utf8), named: "node_modules/ms/license.md", in: dir)
            let json = try cli.run(["fs", dir, "--scanners", "secret,misconfig,license", "--format", "json", "--offline"])
            #expect(json.status == 0, "\(json.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let secrets = ((report["secrets"] as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
            #expect(secrets.map { $0["path"] as? String } == [dir + "/app/.env"])
            #expect(!json.stdout.contains(SecretCLITests.awsKey))
            let rules = ((report["misconfigurations"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
            #expect(rules.contains("BW-DF-001") && !rules.contains("BW-DF-009"))
            let licenses = ((report["licenses"] as? [String: Any])?["packages"] as? [[String: Any]]) ?? []
            #expect(licenses.first?["name"] as? String == "left-pad" && licenses.first?["category"] as? String == "forbidden")
            // The project's own LICENSE is identified by its text; the one inside an installed package is that package's.
            let files = ((report["licenses"] as? [String: Any])?["files"] as? [[String: Any]]) ?? []
            #expect(files.map { $0["path"] as? String } == [dir + "/LICENSE.md"], "\(files)")
            #expect(files.first?["license"] as? String == "MIT")
            #expect(try cli.run(["fs", dir, "--scanners", "license", "--fail-on-license", "forbidden", "-q", "--offline"]).status == 1)
            #expect(try cli.run(["fs", dir, "--scanners", "secret", "--fail-on", "critical", "-q", "--offline"]).status == 1)
        }
    }
}
