import BulwarkTestSupport
import Foundation
import Testing

/// `bulwark recommend` against a real local registry holding a base repository with newer tags.
@Suite(
    "bulwark recommend", .serialized,
    .enabled(if: LocalRegistry.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
struct RecommendCLITests {
    static func base(_ alpine: String, openssl: String) -> TestLayer {
        TestLayer(files: [
            ("etc/os-release", "ID=alpine\nVERSION_ID=\(alpine)\nPRETTY_NAME=\"Alpine Linux v3.19\"\n"),
            ("etc/alpine-release", "\(alpine)\n"),
            ("lib/apk/db/installed", "C:Q1abc=\nP:libssl3\nV:\(openssl)\nA:x86_64\no:openssl\nL:Apache-2.0\n\nC:Q1def=\nP:libcrypto3\nV:\(openssl)\nA:x86_64\no:openssl\nL:Apache-2.0\n\n"),
        ], createdBy: "ADD alpine-minirootfs.tar.gz /")
    }

    @Test("upgrades, base attribution from the base-name label, newer base tags scanned and ranked, end of life")
    func recommend() throws {
        let registry = try LocalRegistry()
        let directory = NSTemporaryDirectory() + "bulwark-recommend-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cli = CLITests()
        let db = directory + "/db.sqlite"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(try cli.run(["db", "import", "examples/advisories", "--db", db]).status == 0)

        let bases = [("3.19.1", "3.1.4-r5"), ("3.19.2", "3.1.5-r0"), ("3.19.3", "3.1.6-r0"), ("3.18.9", "3.1.6-r0")]
        var images: [(ref: String, image: TestImage)] = bases.map { ($0.0, TestImage(layers: [Self.base($0.0, openssl: $0.1)])) }
        var app = TestImage(layers: [Self.base("3.19.1", openssl: "3.1.4-r5"), TestLayer(files: [("app/run.sh", "#!/bin/sh\n")], createdBy: "COPY run.sh /app/")])
        app.labels = ["org.opencontainers.image.base.name": "\(registry.address)/team/base:3.19.1"]
        images.append(("app", app))
        try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles(images), to: directory + "/layout")
        for (tag, _) in bases { try registry.push(layout: directory + "/layout", ref: tag, to: "team/base:\(tag)") }
        try registry.push(layout: directory + "/layout", ref: "app", to: "team/app:1")
        try registry.push(layout: directory + "/layout", ref: "app", to: "team/base:dev")

        let common = ["--insecure-registry", registry.address, "--db", db, "--cache-dir", directory + "/cache"]
        let result = try cli.run(["recommend", "\(registry.address)/team/app:1", "--format", "json"] + common)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let base = try #require(report["base"] as? [String: Any])
        #expect(base["detectedBy"] as? String == "label" && base["layerCount"] as? Int == 1)
        let upgrades = report["upgrades"] as? [[String: Any]] ?? []
        #expect(upgrades.count == 1)
        #expect(upgrades.first?["name"] as? String == "openssl")
        #expect(upgrades.first?["targetVersion"] as? String == "3.1.6-r0")
        #expect(upgrades.first?["packages"] as? [String] == ["libcrypto3", "libssl3"])
        #expect(upgrades.first?["origin"] as? String == "base")
        #expect((upgrades.first?["clears"] as? [String])?.count == 3)
        let summary = report["summary"] as? [String: Any]
        #expect(summary?["fromBase"] as? Int == 6 && summary?["fromOwnLayers"] as? Int == 0)
        // Only same-shape, newer tags: 3.19.2 and 3.19.3 (not 3.18.9, not dev), the fixed one first.
        let candidates = (report["baseCandidates"] as? [[String: Any]] ?? []).map { $0["reference"] as? String ?? "" }
        #expect(candidates == ["\(registry.address)/team/base:3.19.3", "\(registry.address)/team/base:3.19.2"], "\(candidates)")
        let scanned = report["baseCandidates"] as? [[String: Any]] ?? []
        #expect(scanned.first?["total"] as? Int == 0 && scanned.last?["total"] as? Int == 2)
        let eol = report["endOfLife"] as? [String: Any]
        #expect(eol?["release"] as? String == "alpine 3.19" && eol?["pastEndOfLife"] as? Bool == true)

        // --base given explicitly, end of life as a CI gate, and a table for people.
        let table = try cli.run(["recommend", "\(registry.address)/team/app:1", "--base", "\(registry.address)/team/base:3.19.1", "--max-candidates", "1", "--exit-on-eol", "5"] + common)
        #expect(table.status == 5, "\(table.stderr)")
        #expect(table.stdout.contains("END OF LIFE") && table.stdout.contains("openssl (libcrypto3, libssl3) 3.1.4-r5 → 3.1.6-r0"))
        #expect(table.stdout.contains("team/base:3.19.3: 0 findings") && !table.stdout.contains("team/base:3.19.2"))
        // Offline: no registry lookups, said so.
        let offline = try cli.run(["recommend", directory + "/layout", "--tag", "app", "--db", db, "--offline", "--format", "json"])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout.contains("\"detectedBy\" : \"label\"") && offline.stdout.contains("\"baseCandidates\" : [\n\n  ]") || offline.stdout.contains("\"baseCandidates\" : []"))
    }
}
