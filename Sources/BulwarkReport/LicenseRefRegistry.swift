import BulwarkLicense

/// The `LicenseRef-`s of one SPDX document: one per distinct unrecognized license text, each declared in
/// `hasExtractedLicensingInfos`.
struct LicenseRefRegistry {
    /// A declared reference: its id and the text it stands for.
    struct Reference: Hashable, Sendable {
        /// `LicenseRef-…`.
        var id: String
        /// The license text as the package declared it.
        var text: String
    }

    private var idsByText: [String: String] = [:]
    private var allocator = IdentifierAllocator(caseInsensitive: true)
    /// Every reference handed out, in the order they were first needed.
    private(set) var references: [Reference] = []

    /// The id for `text`, reusing the one given before for the same text. Text that already is a
    /// well-formed `LicenseRef-` keeps its spelling.
    mutating func reference(for text: String) -> String {
        if let id = idsByText[text] { return id }
        let wanted = Self.isLicenseRef(text) ? text : "LicenseRef-" + IDString.sanitize(text)
        let id = allocator.allocate(wanted)
        idsByText[text] = id
        references.append(Reference(id: id, text: text))
        return id
    }

    /// `expression` in SPDX syntax, registering a reference for each unrecognized operand.
    mutating func render(_ expression: LicenseExpression) -> String {
        for text in expression.unknownOperands { _ = reference(for: text) }
        let ids = idsByText
        // Every unknown operand was registered just above, so the fallback is never used.
        return expression.rendered { ids[$0] ?? "NOASSERTION" }
    }

    /// Whether `text` matches `LicenseRef-[A-Za-z0-9.-]+`.
    static func isLicenseRef(_ text: String) -> Bool {
        let prefix = "LicenseRef-"
        guard text.hasPrefix(prefix), text.count > prefix.count else { return false }
        return text.dropFirst(prefix.count).unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-")
        }
    }
}
