/// A license statement from a package database, read as an SPDX license expression (SPDX 2.3 Annex D)
/// where it can be.
///
/// Operands become SPDX ids when they map cleanly (``SPDXLicenseList``); other operands stay as their
/// original text (``unknown(_:)``), which SPDX output turns into declared `LicenseRef-`s. Statements that
/// are not expressions at all (unbalanced parentheses, a dangling operator, an unknown exception after
/// `WITH`) are one unknown operand, whole.
indirect enum LicenseExpression: Hashable, Sendable {
    /// A license on the SPDX License List, spelled canonically.
    case license(String)
    /// A license Bulwark cannot name with an SPDX id: the text as the package declared it.
    case unknown(String)
    /// A license with an exception, `GPL-2.0-or-later WITH Classpath-exception-2.0`.
    case with(LicenseExpression, exception: String)
    /// All of the operands apply.
    case and([LicenseExpression])
    /// Any one of the operands may be chosen.
    case or([LicenseExpression])

    /// The most characters of a declared license that are parsed as an expression.
    static let maxParsedLength = 2048
    /// The deepest parenthesis nesting that is parsed as an expression.
    static let maxDepth = 32

    /// Reads a declared license string (whitespace normalized); nil when it is empty.
    init?(parsing declared: String) {
        let text = declared.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !text.isEmpty else { return nil }
        guard text.count <= Self.maxParsedLength else {
            self = .unknown(text)
            return
        }
        var parser = LicenseExpressionParser(tokens: LicenseExpressionParser.tokenize(text))
        if let parsed = parser.parseAll() { self = parsed } else { self = .unknown(text) }
    }

    /// All of `expressions` (deduplicated, nested `AND`s flattened); nil when there are none.
    static func allOf(_ expressions: [LicenseExpression]) -> LicenseExpression? {
        var flat: [LicenseExpression] = []
        for expression in expressions {
            let parts: [LicenseExpression]
            if case .and(let children) = expression { parts = children } else { parts = [expression] }
            for part in parts where !flat.contains(part) { flat.append(part) }
        }
        switch flat.count {
        case 0: return nil
        case 1: return flat[0]
        default: return .and(flat)
        }
    }

    /// Whether every operand is on the SPDX License List.
    var isFullyKnown: Bool {
        switch self {
        case .license: return true
        case .unknown: return false
        case .with(let base, _): return base.isFullyKnown
        case .and(let children), .or(let children): return children.allSatisfy(\.isFullyKnown)
        }
    }

    /// The original texts of the operands that are not on the SPDX License List, in order.
    var unknownOperands: [String] {
        switch self {
        case .license: return []
        case .unknown(let text): return [text]
        case .with(let base, _): return base.unknownOperands
        case .and(let children), .or(let children): return children.flatMap(\.unknownOperands)
        }
    }

    /// The expression in SPDX syntax, with `reference` naming each unknown operand (a `LicenseRef-`).
    func rendered(reference: (String) -> String) -> String {
        switch self {
        case .license(let id): return id
        case .unknown(let text): return reference(text)
        case .with(let base, let exception): return base.rendered(reference: reference) + " WITH " + exception
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
}

/// A recursive-descent parser for license expressions: `WITH` binds tighter than `AND`, which binds
/// tighter than `OR`; parentheses group. Upper- and lower-case operators are accepted, since RPM
/// databases write `GPLv2+ and LGPLv2+`.
struct LicenseExpressionParser {
    /// A lexical token.
    enum Token: Hashable {
        case open, close, and, or, with
        /// One or more consecutive words that are not operators, joined by single spaces.
        case operand(String)
    }

    private var tokens: [Token]
    private var position = 0
    private var depth = 0

    /// Creates a parser over `tokens`.
    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Splits text into parentheses, operators and operand phrases.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var words: [String] = []
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            switch word {
            case "AND", "and": flushOperand(); tokens.append(.and)
            case "OR", "or": flushOperand(); tokens.append(.or)
            case "WITH", "with": flushOperand(); tokens.append(.with)
            default: words.append(word)
            }
            word = ""
        }
        func flushOperand() {
            guard !words.isEmpty else { return }
            tokens.append(.operand(words.joined(separator: " ")))
            words = []
        }
        for character in text {
            switch character {
            case "(":
                flushWord(); flushOperand(); tokens.append(.open)
            case ")":
                flushWord(); flushOperand(); tokens.append(.close)
            case _ where character.isWhitespace:
                flushWord()
            default:
                word.append(character)
            }
        }
        flushWord()
        flushOperand()
        return tokens
    }

    /// Parses the whole token list; nil when it is not a well-formed expression.
    mutating func parseAll() -> LicenseExpression? {
        guard let expression = parseOr(), position == tokens.count else { return nil }
        return expression
    }

    private mutating func parseOr() -> LicenseExpression? {
        guard let first = parseAnd() else { return nil }
        var operands = [first]
        while peek == .or {
            position += 1
            guard let next = parseAnd() else { return nil }
            if case .or(let nested) = next { operands += nested } else { operands.append(next) }
        }
        return operands.count == 1 ? first : .or(operands)
    }

    private mutating func parseAnd() -> LicenseExpression? {
        guard let first = parseWith() else { return nil }
        var operands = [first]
        while peek == .and {
            position += 1
            guard let next = parseWith() else { return nil }
            operands.append(next)
        }
        return operands.count == 1 ? first : .and(operands)
    }

    private mutating func parseWith() -> LicenseExpression? {
        guard let base = parsePrimary() else { return nil }
        guard peek == .with else { return base }
        position += 1
        guard case .operand(let name)? = peek, let exception = SPDXLicenseList.canonicalException(name) else {
            return nil
        }
        position += 1
        switch base {
        case .license, .unknown: return .with(base, exception: exception)
        default: return nil
        }
    }

    private mutating func parsePrimary() -> LicenseExpression? {
        switch peek {
        case .operand(let text)?:
            position += 1
            return Self.operand(text)
        case .open?:
            depth += 1
            guard depth <= LicenseExpression.maxDepth else { return nil }
            position += 1
            guard let inner = parseOr(), peek == .close else { return nil }
            position += 1
            depth -= 1
            return inner
        default:
            return nil
        }
    }

    private var peek: Token? {
        position < tokens.count ? tokens[position] : nil
    }

    /// An operand: a listed license when it maps cleanly, otherwise its text.
    static func operand(_ text: String) -> LicenseExpression {
        if let id = SPDXLicenseList.canonicalLicense(text) { return .license(id) }
        return .unknown(text)
    }
}
