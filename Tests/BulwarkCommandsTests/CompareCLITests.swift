import BulwarkTestSupport
import Foundation
import Testing

/// `bulwark compare` on two real Debian-shaped images and an advisory database built from OSV
/// records: an upgrade fixes one CVE, a newly added package brings another, one package is removed.
@Suite("Compare", .serialized)
struct CompareCLITests {
    static func image(_ packages: [(String, String)]) -> TestImage {
        let status = packages.map { "Package: \($0.0)\nStatus: install ok installed\nArchitecture: amd64\nVersion: \($0.1)\n\n" }.joined()
        return TestImage(layers: [TestLayer(files: [
            ("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n"), ("etc/debian_version", "12.5\n"),
            ("var/lib/dpkg/status", status),
        ])])
    }

    static func osv(id: String, package: String, fixed: String) -> String {
        """
        {"schema_version":"1.6.0","id":"\(id)","modified":"2024-05-01T00:00:00Z","published":"2024-04-01T00:00:00Z",
         "summary":"\(package) flaw","database_specific":{"severity":"HIGH"},
         "affected":[{"package":{"ecosystem":"Debian:12","name":"\(package)"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"\(fixed)"}]}]}]}
        """
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try RegistryCLITests.run(arguments)
    }

    @Test("packages added, removed and upgraded (dpkg ordering); CVEs introduced and fixed; --fail-on-new gates")
    func compareImages() throws {
        let directory = NSTemporaryDirectory() + "bulwark-compare-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/osv", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let base = try TemporaryDirectory.write(
            ImageWriter.tar(ImageWriter.dockerArchiveFiles(Self.image([("libc6", "2.36-9"), ("zlib1g", "1:1.2.13.dfsg-1"), ("oldpkg", "1.0-1")]))),
            named: "base.tar", in: directory)
        let target = try TemporaryDirectory.write(
            ImageWriter.tar(ImageWriter.dockerArchiveFiles(Self.image([("libc6", "2.36-9+deb12u4"), ("zlib1g", "1:1.2.13.dfsg-1"), ("curl", "7.88.1-10")]))),
            named: "target.tar", in: directory)
        try Data(Self.osv(id: "CVE-2024-0001", package: "libc6", fixed: "2.36-9+deb12u1").utf8).write(to: URL(fileURLWithPath: directory + "/osv/a.json"))
        try Data(Self.osv(id: "CVE-2024-0002", package: "curl", fixed: "7.88.1-10+deb12u5").utf8).write(to: URL(fileURLWithPath: directory + "/osv/b.json"))
        let db = directory + "/advisories.db"
        let imported = try Self.run(["db", "import", directory + "/osv", "--db", db, "--quiet"])
        #expect(imported.status == 0, "\(imported.stderr)")

        let common = ["--db", db, "--skip-db-update", "--no-cache"]
        let json = try Self.run(["compare", base, target, "--format", "json"] + common)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let packages = try #require(object["packages"] as? [String: Any])
        #expect((packages["added"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["curl"])
        #expect((packages["removed"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["oldpkg"])
        let upgraded = try #require(packages["upgraded"] as? [[String: Any]])
        #expect(upgraded.count == 1 && upgraded.first?["name"] as? String == "libc6" && upgraded.first?["to"] as? String == "2.36-9+deb12u4")
        #expect(packages["unchangedCount"] as? Int == 1)
        let vulnerabilities = try #require(object["vulnerabilities"] as? [String: Any])
        #expect((vulnerabilities["introduced"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["CVE-2024-0002"])
        #expect((vulnerabilities["fixed"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["CVE-2024-0001"])

        // The reverse direction is a downgrade, and swaps introduced and fixed.
        let reverse = try Self.run(["compare", target, base, "--format", "json"] + common)
        #expect(reverse.stdout.contains("\"downgraded\" : [\n      {"))

        let gated = try Self.run(["compare", base, target, "--fail-on-new", "high"] + common)
        #expect(gated.status == 1)
        #expect(gated.stdout.contains("CVE-2024-0002"))
        let critical = try Self.run(["compare", base, target, "--fail-on-new", "critical", "--format", "markdown"] + common)
        #expect(critical.status == 0)
        #expect(critical.stdout.contains("| HIGH | 1 | 1 | 0 |"))

        // Saved reports compare too (vulnerabilities only), and garbage is a clear error.
        let before = try Self.run(["image", base, "--format", "json", "-o", directory + "/before.json"] + common)
        #expect(before.status == 0, "\(before.stderr)")
        let fromReports = try Self.run(["compare", directory + "/before.json", target, "--format", "json"] + common)
        #expect(fromReports.status == 0, "\(fromReports.stderr)")
        #expect(fromReports.stdout.contains("lists no packages"))
        try Data("{\"hello\": 1}".utf8).write(to: URL(fileURLWithPath: directory + "/other.json"))
        let garbage = try Self.run(["compare", directory + "/other.json", target] + common)
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("other.json"))
    }
}
