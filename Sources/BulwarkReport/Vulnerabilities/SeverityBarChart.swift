import BulwarkCore

/// A horizontal stacked bar chart in inline SVG: one bar per row, one segment per severity. Shared by the
/// vulnerability and misconfiguration HTML pages.
enum SeverityBarChart {
    /// One bar: its label (drawn), a tooltip (the full label when it was shortened) and its counts.
    struct Row {
        var label: String
        var tooltip: String?
        var counts: [Severity: Int]
        var total: Int
    }

    static func svg(_ rows: [Row]) -> String {
        guard !rows.isEmpty else { return "<p>No findings.</p>\n" }
        let maximum = max(1, rows.map(\.total).max() ?? 1)
        let rowHeight = 26
        let labelWidth = 260
        let barWidth = 360
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 50)\" height=\"\(rows.count * rowHeight + 4)\">\n"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 2
            let tooltip = row.tooltip.map { "<title>\(MarkupEscaping.escape($0))</title>" } ?? ""
            svg += "<text x=\"0\" y=\"\(y + 17)\" class=\"label\">\(MarkupEscaping.escape(row.label))\(tooltip)</text>\n"
            var x = labelWidth
            for severity in ReportFacts.severityOrder {
                guard let count = row.counts[severity], count > 0 else { continue }
                let width = max(2, count * barWidth / maximum)
                svg += "<rect x=\"\(x)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"18\" fill=\"\(HTMLReportWriter.colors[severity] ?? "#000")\">"
                    + "<title>\(severity.rawValue.uppercased()): \(count)</title></rect>\n"
                x += width
            }
            svg += "<text x=\"\(x + 6)\" y=\"\(y + 17)\" class=\"label\">\(row.total)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
