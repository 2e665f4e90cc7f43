/// Fits rows of cells into a fixed number of terminal columns: each column as wide as its widest cell,
/// the widest columns narrowed (cells cut with `…`) until the row fits.
struct TableLayout: Sendable {
    /// Spaces between columns.
    static let gap = 2
    /// No column is narrowed below this many columns (or its natural width, if smaller).
    static let minimumColumnWidth = 8

    /// The width of each column.
    let widths: [Int]

    /// Lays out `header` and `rows` (all of `header.count` cells) within `maxWidth` columns.
    init(header: [String], rows: [[String]], maxWidth: Int) {
        var widths = header.map(TerminalText.width)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(cell))
            }
        }
        let floors = widths.map { min($0, Self.minimumColumnWidth) }
        let budget = maxWidth - Self.gap * max(0, widths.count - 1)
        while widths.reduce(0, +) > budget {
            // Narrow the widest column that can still give up a column.
            guard let index = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] })
            else { break }
            widths[index] -= 1
        }
        self.widths = widths
    }

    /// One line: each cell cut to its column and padded, columns `gap` apart, no trailing spaces.
    /// `style` is applied per cell after padding, so escapes never count toward the width.
    func line(_ cells: [String], style: (Int, String) -> String = { $1 }) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? TerminalText.truncate(cells[index], to: width) : ""
            let isLast = index == widths.count - 1
            let padded = isLast ? cell : TerminalText.pad(cell, to: width)
            parts.append(style(index, padded))
        }
        var line = parts.joined(separator: String(repeating: " ", count: Self.gap))
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
