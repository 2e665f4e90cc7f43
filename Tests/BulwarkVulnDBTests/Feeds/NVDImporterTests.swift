import BulwarkCore
import BulwarkVulnDB
import Testing

@Suite("NVD importer")
struct NVDImporterTests {
    @Test("real API 2.0 record: English description, primary and secondary vectors, dates", .enabled(if: FeedFixtures.available))
    func realRecord() throws {
        let sink = CollectingImportSink()
        let bytes = try #require(FeedFixtures.bytes(FeedFixtures.vulnfeeds + "/nvdcve-2.0/CVE-2016-1585.json"))
        try NVDImporter.parse(bytes, label: "CVE-2016-1585.json", into: sink)
        let enrichment = try #require(sink.enrichments.first)
        #expect(sink.enrichments.count == 1)
        #expect(enrichment.cve == "CVE-2016-1585")
        #expect(enrichment.description == "In all versions of AppArmor mount rules are accidentally widened when compiled.")
        #expect(enrichment.published == "2019-04-22T16:29:01.303")
        #expect(enrichment.modified == "2025-05-02T14:12:14.837")
        #expect(enrichment.vectors == [
            SeverityVector(type: "CVSS_V3", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", source: "nvd"),
            SeverityVector(type: "CVSS_V3", vector: "CVSS:3.0/AV:L/AC:H/PR:H/UI:N/S:U/C:L/I:L/A:L", source: "security@ubuntu.com"),
            SeverityVector(type: "CVSS_V2", vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", source: "nvd"),
        ])
    }

    @Test("real record with cisaExploitAdd carries the KEV date", .enabled(if: FeedFixtures.available))
    func kevDate() throws {
        let sink = CollectingImportSink()
        try NVDImporter.parse(try #require(FeedFixtures.bytes(FeedFixtures.vulnfeeds + "/nvdcve-2.0/CVE-2023-4863.json")), label: "x", into: sink)
        #expect(sink.enrichments.first?.kevDateAdded == "2023-09-13")
        #expect(sink.enrichments.first?.description?.hasPrefix("Heap buffer overflow in libwebp") == true)
    }

    @Test("every real 2.0 sample imports cleanly, one enrichment each", .enabled(if: FeedFixtures.available), arguments: [
        "CVE-2014-1424", "CVE-2017-6507", "CVE-2020-13595", "CVE-2022-0090", "CVE-2022-25761", "CVE-2022-34668",
        "CVE-2023-5341", "CVE-2024-3094", "CVE-2024-47177",
    ])
    func allSamples(id: String) throws {
        let sink = CollectingImportSink()
        try NVDImporter.parse(try #require(FeedFixtures.bytes(FeedFixtures.vulnfeeds + "/nvdcve-2.0/\(id).json")), label: id, into: sink)
        #expect(sink.enrichments.map(\.cve) == [id])
        #expect(sink.enrichments.first?.vectors.isEmpty == false)
        #expect(sink.statistics.malformed == 0)
    }

    @Test("paginated API response, bare CVE object, CVSS 4.0 secondary", .enabled(if: FeedFixtures.available))
    func apiShapes() throws {
        let page = CollectingImportSink()
        try NVDImporter.parse(try #require(FeedFixtures.bytes(FeedFixtures.nvdAPI + "/fixtures/respPage1.json")), label: "page1", into: page)
        #expect(page.enrichments.count == 2)
        #expect(page.enrichments.first?.cve == "CVE-2020-8167")

        let bare = CollectingImportSink()
        try NVDImporter.parse(try #require(FeedFixtures.bytes(FeedFixtures.nvdAPI + "/golden/api/2024/CVE-2024-5732.json")), label: "bare", into: bare)
        let vectors = try #require(bare.enrichments.first?.vectors)
        #expect(vectors.first { $0.type == "CVSS_V4" }?.source == "cna@vuldb.com")
        #expect(vectors.first { $0.type == "CVSS_V4" }?.vector.hasPrefix("CVSS:4.0/AV:N/AC:L/AT:N/") == true)
    }

    @Test("NVD 1.1 data feed", .enabled(if: FeedFixtures.available))
    func legacyFeed() throws {
        let sink = CollectingImportSink()
        try NVDImporter.parse(try #require(FeedFixtures.bytes(FeedFixtures.vulnfeeds + "/nvdcve-1.1-test-data.json")), label: "nvdcve-1.1", into: sink)
        #expect(sink.enrichments.count == 669)
        let first = try #require(sink.enrichments.first)
        #expect(first.cve == "CVE-2022-0090")
        #expect(first.published == "2022-01-18T17:15Z")
        #expect(first.vectors.first == SeverityVector(type: "CVSS_V3", vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:N", source: "nvd"))
    }

    @Test("malformed records are skipped and counted")
    func malformed() throws {
        let json = """
        {"vulnerabilities": [
          {"cve": {"id": "CVE-2024-1234", "descriptions": [{"lang": "es", "value": "hola"}, {"lang": "en", "value": "hello"}],
                   "metrics": {"cvssMetricV31": [{"source": "x@y", "type": "Secondary", "cvssData": {"version": "3.1"}}]}}},
          {"cve": {"id": "nope"}}, {"nocve": 1}, 5,
          {"cve": {"id": "CVE-2024-5678"}}
        ]}
        """
        let sink = CollectingImportSink()
        try NVDImporter.parse(Array(text: json), label: "page.json", into: sink)
        #expect(sink.enrichments.map(\.cve) == ["CVE-2024-1234", "CVE-2024-5678"])
        #expect(sink.enrichments.first?.description == "hello")
        #expect(sink.enrichments.first?.vectors == [])
        #expect(sink.statistics.malformed == 4)
    }

    @Test("not NVD throws one error naming the file", arguments: ["[]", "{}", "{\"CVE_Items\": 3}", "<html>"])
    func notNVD(text: String) {
        #expect { try NVDImporter.parse(Array(text: text), label: "nvd.json", into: CollectingImportSink()) } throws: { error in
            (error as? BulwarkError)?.message.hasPrefix("nvd.json: ") == true
        }
    }
}
