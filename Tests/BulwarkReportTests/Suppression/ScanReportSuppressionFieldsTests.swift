import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("Scan report suppression fields")
struct ScanReportSuppressionFieldsTests {
    @Test func oldReportsWithoutTheFieldsStillDecode() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let plain = SuppressionFixtures.report()
        let json = String(decoding: try encoder.encode(plain), as: UTF8.self)
        #expect(!json.contains("\"suppress"), "absent unless suppression ran")
        let decoded = try JSONDecoder().decode(ScanReport.self, from: Data(json.utf8))
        #expect(decoded.suppression == nil && decoded.suppressed == nil)
        #expect(decoded == plain)
    }

    @Test func suppressionFieldsRoundTrip() throws {
        let ignore = try SuppressionFixtures.ignore("ignore:\n  - id: CVE-2024-0727\n    reason: r\n  - id: CVE-1\n    reason: unused\n")
        let (report, _) = SuppressionFixtures.apply(ignore, show: true)
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(object["suppression"] as? [String: Any])
        #expect(summary["ignoreFile"] as? Int == 1)
        #expect(summary["vex"] as? Int == 0)
        #expect((summary["unusedEntries"] as? [Any])?.count == 1)
        #expect((object["suppressed"] as? [[String: Any]])?.first?["source"] as? String == "ignore-file")
        #expect(try JSONDecoder().decode(ScanReport.self, from: data) == report)
    }
}
