import BulwarkTestSupport
import BulwarkCore
import Foundation
import Testing
@testable import BulwarkVulnDB

/// Collects what an importer emits, for tests.
final class CollectingSink: ImportSink {
    var statistics = ImportStatistics()
    var advisories: [String: Advisory] = [:]
    var count = 0
    func add(_ advisory: Advisory) throws(BulwarkError) {
        advisories[advisory.id] = advisory
        count += 1
    }
    func addEnrichment(_ enrichment: CVEEnrichment) throws(BulwarkError) {}
}

/// Real OSV samples from the shared fixtures, when present.
enum OSVSamples {
    static let shared: String? = SharedFixtureLocation.path("fixtures/advisories/osv").flatMap { _ in SharedFixtureLocation.shared }
    static let directories: [String] = {
        guard let shared else { return [] }
        let fixtures = ["go", "pypi", "crates.io", "almalinux9", "samples-distros"].map { "\(shared)/fixtures/advisories/osv/\($0)" }
        return fixtures + ["\(shared)/eval/samples/osv"]
    }()
}

@Suite("OSV importer")
struct OSVImporterTests {
    @Test("every real sample imports with no malformed record", .enabled(if: OSVSamples.shared != nil), arguments: OSVSamples.directories)
    func realSamples(directory: String) throws {
        let sink = CollectingSink()
        try OSVImporter.importPath(directory, into: sink)
        #expect(sink.statistics.malformed == 0, "\(sink.statistics.malformedExamples)")
        #expect(sink.count > 0)
    }

    @Test("real samples keep their fields", .enabled(if: OSVSamples.shared != nil))
    func spotChecks() throws {
        let shared = try #require(OSVSamples.shared)
        let sink = CollectingSink()
        for directory in OSVSamples.directories { try OSVImporter.importPath(directory, into: sink) }

        let go = try #require(sink.advisories["GO-2024-3228"])
        #expect(go.aliases == ["GHSA-wcx9-ccpj-hx3c"])
        let coder = try #require(go.affected.first { $0.name == "github.com/coder/coder/v2" })
        #expect(coder.ecosystem == "go")
        #expect(coder.ranges == [AffectedRange(type: "SEMVER", events: [.introduced("2.3.1"), .fixed("2.14.4"), .introduced("2.15.0"), .fixed("2.15.3"), .introduced("2.16.0"), .fixed("2.16.1")])])
        #expect(go.references.contains("https://pkg.go.dev/vuln/GO-2024-3228") == false)
        #expect(go.references.first == "https://github.com/coder/coder/security/advisories/GHSA-wcx9-ccpj-hx3c")

        let usn = try #require(sink.advisories["USN-7234-1"])
        #expect(usn.aliases.prefix(5) == ["CVE-2023-21400", "CVE-2024-40967", "CVE-2024-53103", "CVE-2024-53141", "CVE-2024-53164"])
        #expect(usn.aliases.contains("UBUNTU-CVE-2023-21400"))
        #expect(usn.affected.isEmpty)

        let alma = try #require(sink.advisories["ALBA-2022:8256"])
        #expect(alma.affected.map(\.name) == ["qatzip", "qatzip-devel", "qatzip-libs"])
        #expect(alma.affected[0].ecosystem == "almalinux:9")
        #expect(alma.affected[0].ranges[0].fixedVersions == ["1.0.9-1.el9"])
        #expect(alma.references.first == "https://access.redhat.com/errata/RHBA-2022:8256")

        let dsa = try #require(sink.advisories["DSA-5673-1"])
        #expect(dsa.aliases == ["CVE-2024-2961"])
        #expect(dsa.affected.first?.ecosystem == "debian:12" && dsa.affected.first?.name == "glibc")
        #expect(dsa.source == "osv" && dsa.modified == "2026-11-01T00:00:00Z")

        let ghsaWithVector = sink.advisories.values.first { $0.id.hasPrefix("GHSA-") && !$0.vectors.isEmpty }
        #expect(ghsaWithVector?.vectors.first?.vector.hasPrefix("CVSS:") == true)
        #expect(sink.advisories.values.contains { $0.affected.contains { $0.ranges.contains { $0.type == "GIT" } } })
        #expect(sink.statistics.withdrawn == 0)  // the sink, not the importer, counts withdrawn ones
        #expect(sink.advisories.values.filter { $0.withdrawn != nil }.count > 0)
        _ = shared
    }

    @Test("hostile and malformed records are skipped and counted; the rest imports")
    func hostileRecords() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let records: [String: String] = [
            "good.json": #"{"id":"GHSA-good","aliases":["CVE-1"],"affected":[{"package":{"ecosystem":"PyPI","name":"Foo_Bar.baz"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]}]}"#,
            "notjson.json": "this is not json {",
            "noid.json": #"{"summary":"no id"}"#,
            "wrongtype.json": #"{"id":"X-1","aliases":"CVE-1"}"#,
            "wrongranges.json": #"{"id":"X-2","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":{"type":"SEMVER"}}]}"#,
            "deep.json": deep,
            "binary.json": String(decoding: [0, 1, 2, 255, 254], as: UTF8.self),
            "truncated.json": #"{"id":"GHSA-trunc","summary":"abc"#,
            "unknown.json": #"{"id":"GHSA-unk","affected":[{"package":{"ecosystem":"Hex","name":"x"}},{"package":{"ecosystem":"Ecosystem1","name":"y"}},{"package":{"ecosystem":"npm","name":"Left-Pad"}}]}"#,
            "withdrawn.json": #"{"id":"GHSA-gone","withdrawn":"2024-01-01T00:00:00Z","affected":[]}"#,
            "array.json": #"[{"id":"A-1"},{"id":2},{"id":"A-3","upstream":["CVE-9"]}]"#,
            "escapes.json": #"{"id":"E-1","summary":"caf\u00e9 \ud83d\ude00 \"q\" \n"}"#,
        ]
        for (name, text) in records { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory.path)/\(name)")) }
        try FileManager.default.createDirectory(atPath: directory.path + "/nested/deeper", withIntermediateDirectories: true)
        try Data(#"{"id":"NESTED-1"}"#.utf8).write(to: URL(fileURLWithPath: directory.path + "/nested/deeper/n.json"))
        try Data("ignored".utf8).write(to: URL(fileURLWithPath: directory.path + "/nested/readme.txt"))

        let sink = CollectingSink()
        try OSVImporter.importPath(directory.path, into: sink)
        #expect(sink.statistics.malformed == 8, "\(sink.statistics.malformedExamples)")
        #expect(Set(sink.advisories.keys) == ["GHSA-good", "GHSA-unk", "GHSA-gone", "A-1", "A-3", "E-1", "NESTED-1"])
        #expect(sink.statistics.unknownEcosystems == ["Hex": 1, "Ecosystem1": 1])
        let good = try #require(sink.advisories["GHSA-good"])
        #expect(good.affected.first?.name == "foo-bar-baz" && good.affected.first?.ecosystem == "pypi")
        #expect(sink.advisories["GHSA-unk"]?.affected.map(\.name) == ["left-pad"])
        #expect(sink.advisories["A-3"]?.aliases == ["CVE-9"])
        #expect(sink.advisories["E-1"]?.summary == "café 😀 \"q\" \n")
        #expect(sink.advisories["GHSA-gone"]?.withdrawn == "2024-01-01T00:00:00Z")
        #expect(sink.statistics.malformedExamples.contains { $0.contains("noid.json") && $0.contains("missing id") })
    }

    @Test("importRecord never throws and counts malformed input")
    func importRecord() {
        let sink = CollectingSink()
        OSVImporter.importRecord(Array(#"{"id":"GHSA-1","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N"}],"database_specific":{"severity":"MODERATE"}}"#.utf8), label: "one", into: sink)
        OSVImporter.importRecord([0xff, 0x00], label: "two", into: sink)
        OSVImporter.importRecord(Array(#"{"id":"X","affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},"ecosystem_specific":{"urgency":"low"}}]}"#.utf8), label: "three", into: sink)
        #expect(sink.statistics.malformed == 1)
        #expect(sink.advisories["GHSA-1"]?.rating == SourcedSeverity(severity: .medium, source: "ghsa"))
        #expect(sink.advisories["GHSA-1"]?.vectors == [SeverityVector(type: "CVSS_V3", vector: "CVSS:3.1/AV:N", source: "ghsa")])
        #expect(sink.advisories["X"]?.affected.first?.severity == SourcedSeverity(severity: .low, source: "debian"))
    }

    @Test("a zip export imports into a database; bad entries are counted, not fatal")
    func zipIntoDatabase() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        var zip = TestZipWriter()
        for index in 0..<1500 {
            zip.add("GHSA-\(index).json", text: #"{"id":"GHSA-\#(index)","aliases":["CVE-2024-\#(index)"],"affected":[{"package":{"ecosystem":"npm","name":"pkg\#(index % 10)"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.\#(index)"}]}]}]}"#)
        }
        zip.add("broken.json", Array("{}".utf8), crcOverride: 1)
        zip.add("notes.txt", text: "skipped")
        let zipPath = directory.path + "/all.zip"
        try zip.write(to: zipPath)
        let dbPath = directory.path + "/db.sqlite"
        let builder = try DatabaseBuilder(destination: dbPath)
        try OSVImporter.importPath(zipPath, into: builder)
        #expect(builder.statistics.advisories == 1500)
        #expect(builder.statistics.malformed == 1)
        try builder.recordSource(name: "osv-npm", kind: "osv", records: builder.statistics.advisories)
        try builder.commit()
        let database = try AdvisoryDatabase(path: dbPath)
        #expect(try database.affected(ecosystem: "npm", name: "pkg3").count == 150)
        #expect(try database.advisories(aliasOf: "CVE-2024-42") == ["GHSA-42"])
    }

    @Test("a JSON array file and a missing path")
    func singleFileAndMissing() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/records.json"
        try Data(#"[{"id":"A"},{"id":"B"}]"#.utf8).write(to: URL(fileURLWithPath: path))
        let sink = CollectingSink()
        try OSVImporter.importPath(path, into: sink)
        #expect(sink.count == 2)
        #expect { try OSVImporter.importPath(directory.path + "/missing", into: sink) } throws: { ($0 as? BulwarkError)?.code == .notFound }
    }
}
