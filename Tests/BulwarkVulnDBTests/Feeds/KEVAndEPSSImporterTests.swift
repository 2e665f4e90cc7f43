import BulwarkCore
import BulwarkVulnDB
import Testing

@Suite("KEV and EPSS importers")
struct KEVAndEPSSImporterTests {
    @Test("real KEV catalog: every entry with its dateAdded", .enabled(if: FeedFixtures.available))
    func realKEV() throws {
        let sink = CollectingImportSink()
        try KEVImporter.parse(try #require(FeedFixtures.bytes("kev/known_exploited_vulnerabilities.json")), label: "kev.json", into: sink)
        #expect(sink.enrichments.count == 1404)
        #expect(sink.enrichments.first == CVEEnrichment(cve: "CVE-2025-48384", kevDateAdded: "2025-08-25"))
        #expect(sink.enrichments(for: "CVE-2014-0160").first?.kevDateAdded == "2022-05-04")
        #expect(sink.enrichments(for: "CVE-2020-29583").first?.kevDateAdded == "2021-11-03")
        #expect(sink.statistics.malformed == 0)
    }

    @Test("KEV: bad entries counted; not a catalog throws")
    func kevHostile() throws {
        let json = """
        {"vulnerabilities": [{"cveID": "CVE-2024-0001", "dateAdded": "2024-01-02"}, {"cveID": "CVE-2024-0002", "dateAdded": "yesterday"},
                             {"cveID": 7}, null, {"dateAdded": "2024-01-02"}]}
        """
        let sink = CollectingImportSink()
        try KEVImporter.parse(Array(text: json), label: "kev", into: sink)
        #expect(sink.enrichments == [CVEEnrichment(cve: "CVE-2024-0001", kevDateAdded: "2024-01-02")])
        #expect(sink.statistics.malformed == 4)
        #expect(throws: BulwarkError.self) { try KEVImporter.parse(Array(text: "{\"title\": 1}"), label: "kev", into: sink) }
    }

    @Test("EPSS CSV with the model comment line")
    func epssCSV() throws {
        let csv = "#model_version:v2025.03.14,score_date:2025-08-26T12:55:00Z\r\ncve,epss,percentile\r\nCVE-1999-0001,0.01141,0.77735\r\nCVE-2025-0108,0.94,0.99929\r\nbad,0.1,0.2\r\nCVE-2025-0001,1.5,0.2\r\nCVE-2025-0002,0.1\r\n\r\n"
        let sink = CollectingImportSink()
        try EPSSImporter.parse(Array(text: csv), label: "epss.csv", into: sink)
        #expect(sink.enrichments == [
            CVEEnrichment(cve: "CVE-1999-0001", epssScore: 0.01141, epssPercentile: 0.77735),
            CVEEnrichment(cve: "CVE-2025-0108", epssScore: 0.94, epssPercentile: 0.99929),
        ])
        #expect(sink.statistics.malformed == 3)
    }

    @Test("EPSS JSON samples: array, single row, vunnel envelope, API with quoted numbers", .enabled(if: FeedFixtures.available))
    func epssJSON() throws {
        let array = CollectingImportSink()
        try EPSSImporter.parse(try #require(FeedFixtures.bytes("feeds/epss.json")), label: "epss.json", into: array)
        #expect(array.enrichments == [
            CVEEnrichment(cve: "CVE-2025-0108", epssScore: 0.328, epssPercentile: 0.9929),
            CVEEnrichment(cve: "CVE-2025-0109", epssScore: 0.283, epssPercentile: 0.9297),
        ])
        let single = CollectingImportSink()
        try EPSSImporter.parse(try #require(FeedFixtures.bytes("feeds/go-case.json")), label: "go-case.json", into: single)
        #expect(single.enrichments == [CVEEnrichment(cve: "CVE-2025-0108", epssScore: 0.328, epssPercentile: 0.9929)])
        let envelope = CollectingImportSink()
        try EPSSImporter.parse(try #require(FeedFixtures.bytes("feeds/cve-2022-38178.json")), label: "vunnel", into: envelope)
        #expect(envelope.enrichments == [CVEEnrichment(cve: "CVE-2022-38178", epssScore: 0.00947, epssPercentile: 0.75986)])

        let api = CollectingImportSink()
        let response = #"{"status":"OK","total":1,"data":[{"cve":"CVE-2022-27225","epss":"0.000910000","percentile":"0.383420000","date":"2025-03-01"}]}"#
        try EPSSImporter.parse(Array(text: response), label: "api", into: api)
        #expect(api.enrichments == [CVEEnrichment(cve: "CVE-2022-27225", epssScore: 0.00091, epssPercentile: 0.38342)])
    }

    @Test("not EPSS throws one error naming the file", arguments: ["", "hello,world\n1,2\n", "{\"x\": 1}", "\u{1F}"])
    func notEPSS(text: String) {
        #expect { try EPSSImporter.parse(Array(text: text), label: "epss.csv", into: CollectingImportSink()) } throws: { error in
            (error as? BulwarkError)?.message.hasPrefix("epss.csv: ") == true
        }
    }

    @Test("gzip bytes get a clear 'decompress first' error")
    func gzip() {
        #expect { try EPSSImporter.parse([0x1F, 0x8B, 0x08, 0x00], label: "epss.csv.gz", into: CollectingImportSink()) } throws: { error in
            (error as? BulwarkError)?.message.contains("gzip") == true
        }
    }
}
