import BulwarkCore
import BulwarkVulnDB
import Testing

/// Garbage, deep nesting and huge inputs must end in an error or skipped records, never a crash or hang.
@Suite("Hostile feed input")
struct HostileFeedTests {
    static let deepJSON = Array(String(repeating: "[", count: 100_000).utf8) + Array(String(repeating: "]", count: 100_000).utf8)
    static let deepObject = Array(String(repeating: "{\"a\":", count: 50_000).utf8)

    @Test("deep nesting and truncated JSON throw", arguments: FeedFormat.allCases)
    func deepNesting(format: FeedFormat) {
        for bytes in [Self.deepJSON, Self.deepObject, Array(text: "{\"packages\": [{\"pkg\": "), [0xFF, 0xFE, 0x00, 0x7B]] {
            #expect(throws: BulwarkError.self) { try format.parse(bytes, label: "hostile", into: CollectingImportSink()) }
        }
    }

    @Test("wrong types everywhere are skipped, not fatal", arguments: FeedFormat.allCases)
    func wrongTypes(format: FeedFormat) {
        let documents = [
            #"{"distroversion": "v3.19", "reponame": 5, "packages": [null, {"pkg": []}, {"pkg": {"name": 1}}, {"pkg": {"name": "a", "secfixes": {"1-r0": "CVE-2024-1"}}}]}"#,
            #"{"p": {"CVE-2024-0001": {"releases": {"bookworm": {"status": 1, "urgency": []}}}}}"#,
            #"{"vulnerabilities": [{"cve": {"id": "CVE-2024-0001", "descriptions": "x", "metrics": {"cvssMetricV31": "y"}}}, {"cve": []}]}"#,
            #"{"data": [{"cve": "CVE-2024-0001", "epss": "NaN", "percentile": "inf"}, {"cve": "CVE-2024-0002", "epss": [], "percentile": {}}]}"#,
        ]
        for text in documents {
            let sink = CollectingImportSink()
            // Either the document is not this format (one error) or its records are skipped/counted.
            do {
                try format.parse(Array(text: text), label: "mixed", into: sink)
                #expect(sink.advisories.allSatisfy { !$0.affected.isEmpty })
            } catch {
                #expect(error.message.hasPrefix("mixed: "))
            }
        }
    }

    @Test("a long YAML-ish garbage file and a huge EPSS CSV finish quickly")
    func largeInputs() throws {
        var yaml = "distroversion: v3.19\nreponame: main\npackages:\n"
        for index in 0..<20_000 { yaml += "  - pkg:\n      name: p\(index)\n      secfixes:\n        1.\(index)-r0:\n          - CVE-2024-\(10_000 + index)\n  garbage line \(index)\n" }
        let sink = CollectingImportSink()
        try AlpineSecDBImporter.parse(Array(text: yaml), label: "big.yaml", into: sink)
        #expect(sink.advisories.count == 20_000)

        var csv = "cve,epss,percentile\n"
        for index in 0..<200_000 { csv += "CVE-2024-\(10_000 + index),0.5,0.5\n" }
        let epss = CollectingImportSink()
        try EPSSImporter.parse(Array(text: csv), label: "big.csv", into: epss)
        #expect(epss.enrichments.count == 200_000)
    }
}
