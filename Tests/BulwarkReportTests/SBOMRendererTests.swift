import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("SBOM renderer")
struct SBOMRendererTests {
    @Test("every format is deterministic for the same input and timestamp", arguments: SBOMFormat.allCases)
    func deterministic(format: SBOMFormat) throws {
        for sample in Samples.all {
            let first = try TestHelpers.render(sample.inventory, format)
            let second = try TestHelpers.render(sample.inventory, format)
            #expect(first == second, "\(format) \(sample.name)")
            #expect(first.last == 0x0A)
        }
    }

    @Test(
        "JSON formats never contain ANSI escapes, even with colors on",
        arguments: [SBOMFormat.json, .cyclonedx, .spdxJSON])
    func noEscapesInJSON(format: SBOMFormat) throws {
        for sample in Samples.all {
            let bytes = try TestHelpers.render(sample.inventory, format, colors: true)
            #expect(!bytes.contains(0x1B))
            #expect(try JSONSerialization.jsonObject(with: Data(bytes)) is [String: Any])
        }
    }

    @Test("formats parse from their command-line names and describe themselves")
    func formatNames() {
        #expect(SBOMFormat.allCases.map(\.rawValue) == ["table", "json", "cyclonedx", "spdx-json"])
        #expect(SBOMFormat(rawValue: "spdx-json") == .spdxJSON)
        for format in SBOMFormat.allCases {
            #expect(!format.summary.isEmpty)
            #expect(!format.summary.contains("\n"))
        }
    }

    @Test("the timestamp shows only through the options")
    func timestampFromOptions() throws {
        let early = try TestHelpers.renderObject(Samples.alpine, .json, date: Date(timeIntervalSince1970: 0))
        #expect(early["createdAt"] as? String == "1970-01-01T00:00:00Z")
        let table = try TestHelpers.render(Samples.alpine, .table, date: Date(timeIntervalSince1970: 0))
        #expect(table == (try TestHelpers.render(Samples.alpine, .table)))
    }
}
