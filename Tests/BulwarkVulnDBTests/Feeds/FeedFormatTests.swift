import BulwarkCore
import BulwarkVulnDB
import Testing

@Suite("Feed format detection")
struct FeedFormatTests {
    @Test("real samples are recognized by content", .enabled(if: FeedFixtures.available), arguments: [
        (FeedFixtures.alpineJSON + "/311-main.json", FeedFormat.alpineSecDB),
        (FeedFixtures.alpineYAML + "/v3.9/main.yaml", .alpineSecDB),
        (FeedFixtures.vulnfeeds + "/debian/debian_security_tracker_mock.json", .debianTracker),
        (FeedFixtures.vulnfeeds + "/nvdcve-2.0/CVE-2023-4863.json", .nvdCVE2),
        (FeedFixtures.vulnfeeds + "/nvdcve-1.1-test-data.json", .nvdCVE2),
        (FeedFixtures.nvdAPI + "/golden/api/2024/CVE-2024-5732.json", .nvdCVE2),
        ("kev/known_exploited_vulnerabilities.json", .cisaKEV),
        ("feeds/epss.json", .epssCSV),
        ("feeds/cve-2025-0282.json", .epssCSV),
    ])
    func realSamples(path: String, expected: FeedFormat) throws {
        let bytes = try #require(FeedFixtures.bytes(path))
        #expect(FeedFormat.detect(bytes, fileName: "data.bin") == expected)
    }

    @Test("EPSS CSV by content, gzip by name, unknown is nil")
    func other() {
        #expect(FeedFormat.detect(Array(text: "#model_version:v1,score_date:x\ncve,epss,percentile\n"), fileName: "x") == .epssCSV)
        #expect(FeedFormat.detect([0x1F, 0x8B, 0x08], fileName: "epss_scores-current.csv.gz") == .epssCSV)
        #expect(FeedFormat.detect([0x1F, 0x8B, 0x08], fileName: "blob") == nil)
        #expect(FeedFormat.detect(Array(text: "{\"id\": \"GHSA-1\", \"affected\": []}"), fileName: "GHSA-1.json") == nil)
        #expect(FeedFormat.detect([], fileName: "") == nil)
    }

    @Test("parse dispatches to the importer", .enabled(if: FeedFixtures.available))
    func dispatch() throws {
        let sink = CollectingImportSink()
        let bytes = try #require(FeedFixtures.bytes("feeds/epss.json"))
        let format = try #require(FeedFormat.detect(bytes, fileName: "epss.json"))
        try format.parse(bytes, label: "epss.json", into: sink)
        #expect(sink.enrichments.count == 2)
        let viaImporter = CollectingImportSink()
        try FeedImporter.parse(bytes, format: format, label: "epss.json", into: viaImporter)
        #expect(viaImporter.enrichments == sink.enrichments)
    }
}
