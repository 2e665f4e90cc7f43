/// A package's declared licenses, each read leniently as a ``LicenseExpression`` (the reading the SBOM
/// writers use: see ``LicenseExpression/init(parsing:)``).
public struct DeclaredLicenses: Sendable {
    /// One declared statement: the text as the database wrote it and how it reads.
    public struct Entry: Hashable, Sendable {
        /// The statement, whitespace normalized.
        public var text: String
        /// The statement as an expression.
        public var expression: LicenseExpression
    }

    /// The distinct statements, in declaration order.
    public let entries: [Entry]

    /// Reads `licenses`, skipping blank and duplicate statements.
    public init(_ licenses: [String]) {
        var entries: [Entry] = []
        for license in licenses {
            guard let expression = LicenseExpression(parsing: license) else { continue }
            let text = LicenseText.collapsingWhitespace(license)
            if !entries.contains(where: { $0.expression == expression }) {
                entries.append(Entry(text: text, expression: expression))
            }
        }
        self.entries = entries
    }

    /// All statements joined with `AND` (each applies to some part of the package), or nil when none.
    public var combined: LicenseExpression? {
        LicenseExpression.allOf(entries.map(\.expression))
    }
}
