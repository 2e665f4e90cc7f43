import BulwarkCore
import BulwarkReport
import Foundation
import Testing

/// Suppressed findings are counted in every human format, and drawn with their decision when listed.
@Suite struct SuppressedRenderingTests {
    typealias F = SuppressionFixtures

    static func render(_ report: ScanReport, _ format: ReportFormat) throws -> String {
        String(decoding: try ScanReportRenderer.render(report, as: format, options: RenderOptions(colors: false, toolVersion: "test", timestamp: F.now)), as: UTF8.self)
    }

    @Test(arguments: [ReportFormat.table, .markdown, .html])
    func countedWhenHiddenAndDrawnWhenShown(format: ReportFormat) throws {
        let ignore = try F.ignore("ignore:\n  - id: CVE-2023-45853\n    reason: minizip <not> shipped\n")
        let (hidden, _) = F.apply(ignore)
        let hiddenText = try Self.render(hidden, format)
        #expect(hiddenText.contains("Suppressed: 1 (ignore file: 1, VEX: 0)"))
        #expect(hiddenText.contains("--show-suppressed lists them"))

        let (shown, _) = F.apply(ignore, show: true)
        let shownText = try Self.render(shown, format)
        #expect(shownText.contains("Suppressed: 1 (ignore file: 1, VEX: 0)") && !shownText.contains("--show-suppressed lists them"))
        #expect(shownText.contains("CVE-2023-45853"))
        if format == .table {
            #expect(shownText.contains("minizip <not> shipped") && shownText.contains("ignore-file (.bulwarkignore.yaml:2)"))
        } else {
            #expect(shownText.contains("minizip &lt;not&gt; shipped"), "markup is escaped")
        }
    }

    @Test func nothingSuppressedDrawsNothing() throws {
        let text = try Self.render(F.report(), .table)
        #expect(!text.contains("Suppressed"))
    }
}
