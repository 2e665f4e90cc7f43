/// A package's declared licenses as the SBOM writers use them: each normalized to SPDX by
/// ``LicenseNormalizer`` (names, URLs, classifiers) when it places the whole statement, else the lenient
/// ``LicenseExpression/init(parsing:)`` reading, so the SBOM and the license scanner agree.
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
    public init(_ licenses: [String], normalizer: LicenseNormalizer = LicenseNormalizer()) {
        var entries: [Entry] = []
        for license in licenses {
            // A statement the normalizer places completely becomes its SPDX expression; anything it places only in
            // part keeps the lenient reading, whose unknown parts carry the declared text verbatim.
            let normalized = normalizer.normalize(license)
            let placed = normalized.flatMap { $0.recognized ? $0.expression : nil }
            guard let expression = placed ?? LicenseExpression(parsing: license) else { continue }
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
