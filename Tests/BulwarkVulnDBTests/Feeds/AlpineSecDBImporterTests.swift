import BulwarkCore
import BulwarkVulnDB
import Testing

@Suite("Alpine secdb importer")
struct AlpineSecDBImporterTests {
    @Test("real secdb JSON (v3.11 main): one advisory per CVE, range introduced 0 / fixed", .enabled(if: FeedFixtures.available))
    func realJSON() throws {
        let bytes = try #require(FeedFixtures.bytes(FeedFixtures.alpineJSON + "/311-main.json"))
        let sink = CollectingImportSink()
        try AlpineSecDBImporter.parse(bytes, label: "311-main.json", into: sink)
        #expect(sink.advisories.map(\.id).sorted() == ["ALPINE-3.11-main-CVE-2018-1333", "ALPINE-3.11-main-CVE-2018-8011"])
        let advisory = try #require(sink.advisory("ALPINE-3.11-main-CVE-2018-1333"))
        #expect(advisory.source == "alpine-secdb")
        #expect(advisory.aliases == ["CVE-2018-1333"])
        #expect(advisory.affected == [
            AffectedPackage(
                ecosystem: "alpine:3.11", name: "apache2",
                ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0"), .fixed("2.4.34-r0")])], state: .fixed),
        ])
        #expect(sink.statistics.malformed == 0)
    }

    @Test("edge release and several fixed versions for one package", .enabled(if: FeedFixtures.available))
    func edge() throws {
        let bytes = try #require(FeedFixtures.bytes(FeedFixtures.alpineJSON + "/edge-main.json"))
        let sink = CollectingImportSink()
        try AlpineSecDBImporter.parse(bytes, label: "edge-main.json", into: sink)
        let advisory = try #require(sink.advisory("ALPINE-edge-main-CVE-2021-36159"))
        #expect(advisory.affected.first?.ecosystem == "alpine:edge")
        #expect(advisory.affected.first?.ranges.first?.fixedVersions == ["2.12.6-r0"])
        #expect(sink.advisories.count == 2)
    }

    /// Advisory counts cross-checked with PyYAML over the same files (first CVE of each entry, else the first other id; `"0"` skipped).
    @Test("real secdb YAML v3.3–v3.11", .enabled(if: FeedFixtures.available), arguments: [
        ("v3.3/main.yaml", "3.3", 458), ("v3.3/community.yaml", "3.3", 0), ("v3.4/community.yaml", "3.4", 14),
        ("v3.5/main.yaml", "3.5", 797), ("v3.8/main.yaml", "3.8", 1084), ("v3.10/main.yaml", "3.10", 1110),
        ("v3.11/main.yaml", "3.11", 1123), ("v3.11/community.yaml", "3.11", 829),
    ])
    func realYAML(file: String, release: String, expected: Int) throws {
        let bytes = try #require(FeedFixtures.bytes(FeedFixtures.alpineYAML + "/" + file))
        let sink = CollectingImportSink()
        try AlpineSecDBImporter.parse(bytes, label: file, into: sink)
        #expect(sink.advisories.count == expected)
        #expect(sink.advisories.allSatisfy { $0.affected.allSatisfy { $0.ecosystem == "alpine:" + release } })
    }

    @Test("YAML details: quoted \"0\" means not affected, XSA aliases, suffixed CVE ids, malformed ids counted", .enabled(if: FeedFixtures.available))
    func yamlDetails() throws {
        let v38 = CollectingImportSink()
        try AlpineSecDBImporter.parse(try #require(FeedFixtures.bytes(FeedFixtures.alpineYAML + "/v3.8/main.yaml")), label: "v3.8/main.yaml", into: v38)
        // db lists CVE-2016-0682 under "0": Berkeley DB issues that do not apply.
        #expect(v38.advisory("ALPINE-3.8-main-CVE-2016-0682") == nil)
        let bind = try #require(v38.advisories.first { $0.affected.contains { $0.name == "bind" } })
        #expect(bind.id.hasPrefix("ALPINE-3.8-main-CVE-"))

        let v35 = CollectingImportSink()
        try AlpineSecDBImporter.parse(try #require(FeedFixtures.bytes(FeedFixtures.alpineYAML + "/v3.5/main.yaml")), label: "v3.5/main.yaml", into: v35)
        let xen = try #require(v35.advisory("ALPINE-3.5-main-CVE-2017-8904"))
        #expect(xen.aliases == ["CVE-2017-8904", "XSA-214"])
        #expect(xen.affected.map(\.name) == ["xen"])
        #expect(xen.affected.first?.ranges.first?.fixedVersions == ["4.7.2-r1"])

        let v311 = CollectingImportSink()
        try AlpineSecDBImporter.parse(try #require(FeedFixtures.bytes(FeedFixtures.alpineYAML + "/v3.11/community.yaml")), label: "c", into: v311)
        #expect(v311.statistics.malformed >= 1)  // "CVE_2019-2426"
        #expect(v311.statistics.malformedExamples.contains { $0.contains("CVE_2019-2426") })
    }

    @Test("synthetic JSON: '0' skipped, ids split, release trimmed to major.minor, bad records counted")
    func synthetic() throws {
        let json = """
        {"distroversion":"v3.19.1","reponame":"community","packages":[
          {"pkg":{"name":"openssl","secfixes":{"3.1.4-r1":["CVE-2023-5678"],"3.1.4-r3":["CVE-2023-5678"],"0":["CVE-2000-0001"]}}},
          {"pkg":{"name":"xen","secfixes":{"4.18.0-r1":["CVE-2023-46835 XSA-445","XSA-999"]}}},
          {"pkg":{"secfixes":{}}}, "garbage",
          {"pkg":{"name":"zlib","secfixes":{"1.3-r0":[42, "not an id"]}}},
          {"pkg":{"name":"nofix"}}
        ]}
        """
        let sink = CollectingImportSink()
        try AlpineSecDBImporter.parse(Array(text: json), label: "3.19-community.json", into: sink)
        #expect(sink.advisory("ALPINE-3.19-community-CVE-2000-0001") == nil)
        let openssl = try #require(sink.advisory("ALPINE-3.19-community-CVE-2023-5678"))
        #expect(openssl.affected.count == 1)
        #expect(openssl.affected[0].ecosystem == "alpine:3.19")
        #expect(Set(openssl.affected[0].ranges.flatMap(\.fixedVersions)) == ["3.1.4-r1", "3.1.4-r3"])
        #expect(sink.advisory("ALPINE-3.19-community-CVE-2023-46835")?.aliases == ["CVE-2023-46835", "XSA-445"])
        #expect(sink.advisory("ALPINE-3.19-community-XSA-999")?.aliases == ["XSA-999"])
        #expect(sink.advisories.count == 3)
        #expect(sink.statistics.malformed == 4)  // no name, not an object, 42, "not an id"
    }

    @Test("not secdb at all throws one error naming the file", arguments: [
        "{\"packages\":[]}", "[1,2]", "just text", "", "\u{1F}\u{8B}", "{\"distroversion\":\"weird\",\"packages\":[]}",
    ])
    func notSecDB(text: String) {
        let sink = CollectingImportSink()
        #expect(throws: BulwarkError.self) { try AlpineSecDBImporter.parse(Array(text: text), label: "bad-secdb.json", into: sink) }
        do { try AlpineSecDBImporter.parse(Array(text: text), label: "bad-secdb.json", into: sink) } catch {
            #expect(error.message.hasPrefix("bad-secdb.json: "))
        }
    }
}
