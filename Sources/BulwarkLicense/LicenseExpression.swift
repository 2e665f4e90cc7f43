import BulwarkCore

/// A license statement as an SPDX license expression (SPDX 2.3 Annex D): licenses, `WITH` exceptions,
/// `AND`, `OR` and parentheses, plus an operand kind for text that names no listed license.
///
/// Two ways in: ``init(spdx:)`` reads strict SPDX syntax and throws on anything else; ``init(parsing:)``
/// reads a declared statement leniently (lower-case operators, GNU and distribution short names,
/// multi-word operands) and never fails on non-empty text: what it cannot read becomes ``unknown(_:)``.
/// ``LicenseNormalizer`` goes further (aliases, URLs, classifiers, license names).
///
/// `AND` and `OR` nodes are flattened (an `AND` never has an `AND` child) and keep their operands in order.
public indirect enum LicenseExpression: Hashable, Sendable, CustomStringConvertible {
    /// A license on the SPDX License List, spelled canonically.
    case license(String)
    /// A listed license "or any later version" for licenses without an `-or-later` id: `MPL-1.1+`
    /// (the associated value is the id without the `+`). Valid SPDX 2.3 syntax, but rejected by the
    /// SPDX tools, so ``unknownOperands`` reports it for a `LicenseRef-`.
    case orLater(String)
    /// A user-defined license: `LicenseRef-…` or `DocumentRef-…:LicenseRef-…`, spelled as given.
    case reference(String)
    /// A license Bulwark cannot name: the text as the package declared it.
    case unknown(String)
    /// A license with an exception, `GPL-2.0-or-later WITH Classpath-exception-2.0`. The exception is a
    /// listed exception id, or `AdditionRef-…` (SPDX 3 syntax) for an exception that is not listed.
    case with(LicenseExpression, exception: String)
    /// All of the operands apply.
    case and([LicenseExpression])
    /// Any one of the operands may be chosen.
    case or([LicenseExpression])

    /// The most UTF-8 bytes of a statement that are parsed as an expression; longer text is one
    /// unknown operand (lenient) or a limit error (strict).
    public static let maxParsedLength = 2048
    /// The deepest parenthesis nesting that is parsed as an expression.
    public static let maxDepth = 32

    /// Reads a declared license statement leniently (whitespace normalized); nil when it is blank.
    ///
    /// Operands become SPDX ids when ``SPDXLicenseList/canonicalLicense(_:)`` maps them cleanly, and
    /// `LicenseRef-`s stay references; other operands stay as their text (``unknown(_:)``). Statements
    /// that are not expressions at all (unbalanced parentheses, a dangling operator, an unknown exception
    /// after `WITH`, nesting deeper than ``maxDepth``, more than ``maxParsedLength`` bytes) are one
    /// unknown operand, whole.
    public init?(parsing declared: String) {
        let text = LicenseText.collapsingWhitespace(declared)
        guard !text.isEmpty else { return nil }
        guard text.utf8.count <= Self.maxParsedLength else {
            self = .unknown(text)
            return
        }
        var parser = LicenseExpressionParser(
            tokens: LicenseExpressionParser.tokenize(text, lenient: true), strict: false,
            operand: { .some(LicenseExpression.lenientOperand($0)) },
            exception: SPDXLicenseList.canonicalException)
        if let parsed = try? parser.parseAll() { self = parsed } else { self = .unknown(text) }
    }

    /// Reads strict SPDX syntax: listed license ids (any case; output canonical), `LicenseRef-`/
    /// `DocumentRef-` references, `id+`, `WITH` a listed exception (or `AdditionRef-…`), upper- or
    /// lower-case operators, parentheses.
    ///
    /// - Throws: ``BulwarkError`` `.invalidInput` naming the problem (unknown id, unbalanced
    ///   parenthesis, dangling operator…), `.limitExceeded` for text over ``maxParsedLength`` bytes or
    ///   nesting deeper than ``maxDepth``.
    public init(spdx text: String) throws {
        let trimmed = LicenseText.collapsingWhitespace(text)
        guard !trimmed.isEmpty else { throw BulwarkError.invalid("license expression", "empty") }
        guard trimmed.utf8.count <= Self.maxParsedLength else {
            throw BulwarkError(
                .limitExceeded, "license expression: \(trimmed.utf8.count) bytes, more than \(Self.maxParsedLength)")
        }
        var parser = LicenseExpressionParser(
            tokens: LicenseExpressionParser.tokenize(trimmed, lenient: false), strict: true,
            operand: LicenseExpression.strictOperand,
            exception: { name in
                SPDXLicenseList.canonicalException(name) ?? (LicenseExpression.isAdditionRef(name) ? name : nil)
            })
        self = try parser.parseAll(describing: trimmed)
    }

    /// All of `expressions` (deduplicated, nested `AND`s flattened); nil when there are none.
    public static func allOf(_ expressions: [LicenseExpression]) -> LicenseExpression? {
        combine(expressions, and: true)
    }

    /// Any one of `expressions` (deduplicated, nested `OR`s flattened); nil when there are none.
    public static func anyOf(_ expressions: [LicenseExpression]) -> LicenseExpression? {
        combine(expressions, and: false)
    }

    private static func combine(_ expressions: [LicenseExpression], and: Bool) -> LicenseExpression? {
        var flat: [LicenseExpression] = []
        for expression in expressions {
            let parts: [LicenseExpression]
            switch expression {
            case .and(let children) where and: parts = children
            case .or(let children) where !and: parts = children
            default: parts = [expression]
            }
            for part in parts where !flat.contains(part) { flat.append(part) }
        }
        switch flat.count {
        case 0: return nil
        case 1: return flat[0]
        default: return and ? .and(flat) : .or(flat)
        }
    }

    /// Whether every operand is a listed license (with a listed exception): no unknown text, no
    /// references, no `id+`, no `AdditionRef-`.
    public var isFullyKnown: Bool {
        switch self {
        case .license: return true
        case .orLater, .reference, .unknown: return false
        case .with(let base, let exception): return base.isFullyKnown && !Self.isAdditionRef(exception)
        case .and(let children), .or(let children): return children.allSatisfy(\.isFullyKnown)
        }
    }

    /// The texts of the operands an SPDX 2.3 document must declare as `LicenseRef-`s, in order:
    /// unknown text, references, `id+` (as `"MPL-1.1+"`) and whole `WITH` terms whose exception is an
    /// `AdditionRef-`. ``rendered(reference:)`` passes exactly these texts to its closure.
    public var unknownOperands: [String] {
        switch self {
        case .license: return []
        case .orLater(let id): return [id + "+"]
        case .reference(let text), .unknown(let text): return [text]
        case .with(let base, let exception):
            return Self.isAdditionRef(exception) ? [rendered { $0 }] : base.unknownOperands
        case .and(let children), .or(let children): return children.flatMap(\.unknownOperands)
        }
    }

    /// The listed license ids the expression uses (deduplicated, in order; `id+` contributes `id`).
    public var licenseIDs: [String] {
        var ids: [String] = []
        func visit(_ node: LicenseExpression) {
            switch node {
            case .license(let id), .orLater(let id): if !ids.contains(id) { ids.append(id) }
            case .reference, .unknown: break
            case .with(let base, _): visit(base)
            case .and(let children), .or(let children): children.forEach(visit)
            }
        }
        visit(self)
        return ids
    }

    /// The expression in SPDX syntax, with `reference` naming each operand of ``unknownOperands``
    /// (typically a `LicenseRef-`). `OR` operands of an `AND` are parenthesized; nothing else needs it.
    public func rendered(reference: (String) -> String) -> String {
        switch self {
        case .license(let id): return id
        case .orLater(let id): return reference(id + "+")
        case .reference(let text), .unknown(let text): return reference(text)
        case .with(let base, let exception):
            let plain = base.rendered { $0 } + " WITH " + exception
            return Self.isAdditionRef(exception) ? reference(plain) : base.rendered(reference: reference) + " WITH " + exception
        case .and(let children):
            return children.map { child in
                if case .or = child { return "(" + child.rendered(reference: reference) + ")" }
                return child.rendered(reference: reference)
            }.joined(separator: " AND ")
        case .or(let children):
            return children.map { child in
                if case .or = child { return "(" + child.rendered(reference: reference) + ")" }
                return child.rendered(reference: reference)
            }.joined(separator: " OR ")
        }
    }

    /// The expression in SPDX syntax with every operand as written (`MPL-1.1+`, unknown text verbatim).
    public var description: String { rendered { $0 } }

    /// Whether `text` is an SPDX 3 `AdditionRef-…` exception reference.
    static func isAdditionRef(_ text: String) -> Bool {
        text.hasPrefix("AdditionRef-") && text.utf8.count > "AdditionRef-".utf8.count
    }

    /// Whether `text` is `LicenseRef-idstring` or `DocumentRef-idstring:LicenseRef-idstring`.
    public static func isLicenseReference(_ text: String) -> Bool {
        func idstring(_ part: Substring) -> Bool {
            !part.isEmpty && part.utf8.allSatisfy { LicenseText.isIDByte($0) }
        }
        var rest = Substring(text)
        if rest.hasPrefix("DocumentRef-") {
            guard let colon = rest.firstIndex(of: ":") else { return false }
            guard idstring(rest[rest.index(rest.startIndex, offsetBy: 12)..<colon]) else { return false }
            rest = rest[rest.index(after: colon)...]
        }
        guard rest.hasPrefix("LicenseRef-") else { return false }
        return idstring(rest.dropFirst(11))
    }

    /// A lenient operand: a listed license or short name, a reference, `id+`, else the text itself.
    static func lenientOperand(_ text: String) -> LicenseExpression {
        if let id = SPDXLicenseList.canonicalLicense(text) { return .license(id) }
        if isLicenseReference(text) { return .reference(text) }
        if text.hasSuffix("+"), let id = SPDXLicenseList.currentLicenseID(String(text.dropLast())) { return .orLater(id) }
        return .unknown(text)
    }

    /// A strict operand: a listed id (deprecated GNU ids become their current form), `id+`, a reference.
    static func strictOperand(_ text: String) -> LicenseExpression? {
        if isLicenseReference(text) { return .reference(text) }
        if let id = SPDXLicenseList.currentLicenseID(text) { return .license(id) }
        if text.hasSuffix("+") {
            let base = String(text.dropLast())
            if let gnu = SPDXLicenseList.gnuLicense(base.lowercased() + "+"), SPDXLicenseList.entry(base) != nil {
                return .license(gnu)
            }
            if let id = SPDXLicenseList.currentLicenseID(base) { return .orLater(id) }
        }
        return nil
    }
}
