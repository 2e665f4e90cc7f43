import BulwarkCore
import BulwarkReport
import Foundation
import Testing

/// Small helpers shared by the writer tests.
enum TestHelpers {
    /// Renders `inventory` with the fixed test options.
    static func render(
        _ inventory: Inventory, _ format: SBOMFormat, colors: Bool = false, date: Date = Samples.fixedDate
    ) throws -> [UInt8] {
        try SBOMRenderer.render(inventory, as: format, options: Samples.options(colors: colors, date: date))
    }

    /// Renders and parses a JSON format into a dictionary.
    static func renderObject(_ inventory: Inventory, _ format: SBOMFormat, date: Date = Samples.fixedDate) throws
        -> [String: Any]
    {
        let bytes = try render(inventory, format, date: date)
        let object = try JSONSerialization.jsonObject(with: Data(bytes))
        return try #require(object as? [String: Any])
    }

    /// Renders the table as a string.
    static func table(_ inventory: Inventory, colors: Bool = false) throws -> String {
        String(decoding: try render(inventory, .table, colors: colors), as: UTF8.self)
    }

    /// `value[key]` as an array of dictionaries (empty when absent).
    static func objects(_ value: [String: Any], _ key: String) -> [[String: Any]] {
        value[key] as? [[String: Any]] ?? []
    }
}
