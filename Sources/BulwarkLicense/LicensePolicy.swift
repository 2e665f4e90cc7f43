import BulwarkCore

/// Which category each license falls in: the defaults (``LicenseCategories``) with user overrides.
///
/// Codable so the CLI can read it from its YAML configuration:
/// ```
/// categories: { "LicenseRef-Proprietary": "permissive", "MPL-2.0": "notice" }
/// allowed: ["LGPL-2.1-only"]
/// forbidden: ["GPL-3.0-only", "GPL-3.0-or-later"]
/// ```
/// Keys match case-insensitively: SPDX ids, `LicenseRef-`s, or the verbatim text of an unrecognized
/// license. `-only`/`-or-later` spellings are distinct keys (list both to cover both), but a key without
/// either suffix (`GPL-3.0`) covers both forms.
public struct LicensePolicy: Sendable, Codable, Hashable {
    /// Category overrides: license id (or unrecognized text) → category.
    public var categories: [String: LicenseCategory]
    /// Ids that are always acceptable: they count as ``LicenseCategory/permissive``.
    public var allowed: [String]
    /// Ids that are never acceptable: they count as ``LicenseCategory/forbidden`` (wins over `allowed`).
    public var forbidden: [String]

    /// Creates a policy; the default has no overrides.
    public init(categories: [String: LicenseCategory] = [:], allowed: [String] = [], forbidden: [String] = []) {
        self.categories = categories
        self.allowed = allowed
        self.forbidden = forbidden
    }

    private enum CodingKeys: String, CodingKey { case categories, allowed, forbidden }

    /// Decodes a policy; every key is optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        categories = try container.decodeIfPresent([String: LicenseCategory].self, forKey: .categories) ?? [:]
        allowed = try container.decodeIfPresent([String].self, forKey: .allowed) ?? []
        forbidden = try container.decodeIfPresent([String].self, forKey: .forbidden) ?? []
    }

    /// The category of one license id, reference or unrecognized text.
    public func category(of license: String) -> LicenseCategory {
        let key = license.lowercased()
        var keys = [key]
        var base = key
        if base.hasSuffix("+") { base.removeLast() }
        for suffix in ["-only", "-or-later"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        if base != key { keys.append(base) }
        if forbidden.contains(where: { keys.contains($0.lowercased()) }) { return .forbidden }
        if allowed.contains(where: { keys.contains($0.lowercased()) }) { return .permissive }
        for candidate in keys {
            if let override = categories.first(where: { $0.key.lowercased() == candidate })?.value { return override }
        }
        return LicenseCategories.category(of: license)
    }

    /// The category of an expression: `OR` takes the least restrictive choice, `AND` the most
    /// restrictive part; `WITH` takes the base license's category, except that a linking exception
    /// (Classpath, GCC runtime, LLVM, Linux syscall note, Autoconf, Bison…) lowers `restricted` to
    /// `reciprocal`. Unknown operands are ``LicenseCategory/unknown`` unless overridden by their text.
    public func category(of expression: LicenseExpression) -> LicenseCategory {
        switch expression {
        case .license(let id), .reference(let id), .unknown(let id): return category(of: id)
        case .orLater(let id): return category(of: id)
        case .with(let base, let exception):
            let baseCategory = category(of: base)
            let whole = category(of: expression.description)
            if whole != LicenseCategories.category(of: expression.description) || forbidden.contains(where: {
                $0.lowercased() == expression.description.lowercased()
            }) {
                return whole
            }
            if baseCategory == .restricted, LicenseCategories.linkingExceptions.contains(exception.lowercased()) {
                return .reciprocal
            }
            return baseCategory
        case .and(let children):
            return children.map { category(of: $0) }.max() ?? .unknown
        case .or(let children):
            return children.map { category(of: $0) }.min() ?? .unknown
        }
    }

    /// The category of a normalized statement: its expression's, or unknown when nothing was recognized
    /// (unless the verbatim text is overridden).
    public func category(of normalized: NormalizedLicense) -> LicenseCategory {
        if let expression = normalized.expression { return category(of: expression) }
        return category(of: LicenseText.collapsingWhitespace(normalized.original))
    }

    /// The category of a package's statements together (all apply: the most restrictive), or nil when
    /// there are none.
    public func category(of statements: [NormalizedLicense]) -> LicenseCategory? {
        statements.map { category(of: $0) }.max()
    }
}
