import BulwarkTestSupport
import Foundation
import Testing

/// `bulwark image --scanners license` on the shipped example image (Alpine packages with SPDX-ish license fields).
@Suite struct LicenseCLITests {
    let cli = CLITests()

    @Test func normalizesCategorizesAndGates() async throws {
        let json = try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--format", "json", "--offline"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let packages = ((report["licenses"] as? [String: Any])?["packages"] as? [[String: Any]]) ?? []
        let byName = Dictionary(packages.map { (($0["name"] as? String) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["busybox"]?["expression"] as? String == "GPL-2.0-only")
        #expect(byName["busybox"]?["category"] as? String == "restricted")
        #expect(byName["zlib"]?["category"] as? String == "notice")
        #expect(try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--fail-on-license", "restricted", "-q", "--offline"]).status == 1)
        #expect(try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--fail-on-license", "forbidden", "-q", "--offline"]).status == 0)
        try await TemporaryDirectory.with { dir in
            let policy = try TemporaryDirectory.write(Array("allowed: [GPL-2.0-only]\n".utf8), named: "policy.yaml", in: dir)
            #expect(try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--license-policy", policy, "--fail-on-license", "restricted", "-q", "--offline"]).status == 0)
            let bad = try TemporaryDirectory.write(Array("categories: [1, 2]\n".utf8), named: "bad.yaml", in: dir)
            let failed = try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--license-policy", bad, "--offline"])
            #expect(failed.status == 2 && failed.stderr.contains("bad.yaml"))
        }
        #expect(try cli.run(["image", "examples/alpine-3.19-oci", "--fail-on-license", "restricted"]).status == 64)
    }
}
