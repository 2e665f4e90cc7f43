import BulwarkCore

/// A recursive-descent parser for license expressions: `WITH` binds tighter than `AND`, which binds
/// tighter than `OR`; parentheses group. Recursion is bounded by ``LicenseExpression/maxDepth``, so
/// hostile nesting fails cleanly instead of exhausting the stack.
struct LicenseExpressionParser {
    /// A lexical token.
    enum Token: Hashable {
        case open, close, and, or, with
        /// One or more consecutive words that are not operators, joined by single spaces, and how many
        /// words there were.
        case operand(String, words: Int)
    }

    private let tokens: [Token]
    private let strict: Bool
    private let resolveOperand: (String) -> LicenseExpression?
    private let resolveException: (String) -> String?
    private var position = 0
    private var depth = 0

    /// Creates a parser over `tokens`; `operand` and `exception` resolve operand phrases (nil = invalid).
    init(
        tokens: [Token], strict: Bool, operand: @escaping (String) -> LicenseExpression?,
        exception: @escaping (String) -> String?
    ) {
        self.tokens = tokens
        self.strict = strict
        self.resolveOperand = operand
        self.resolveException = exception
    }

    /// Splits text into parentheses, operators and operand phrases.
    ///
    /// Operators are `AND`/`OR`/`WITH` in upper or lower case. When `lenient`, `or` followed by
    /// `later`, `newer`, `greater` or `any` is part of the phrase (`GPL 2 or later`), and `&` is `AND`.
    static func tokenize(_ text: String, lenient: Bool) -> [Token] {
        var words: [Substring] = []
        var tokens: [Token] = []
        var start: String.Index? = nil
        var index = text.startIndex
        var raw: [(Substring?, Token?)] = []
        while index < text.endIndex {
            let character = text[index]
            if character == "(" || character == ")" || character.isWhitespace {
                if let begin = start { raw.append((text[begin..<index], nil)) }
                start = nil
                if character == "(" { raw.append((nil, .open)) }
                if character == ")" { raw.append((nil, .close)) }
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let begin = start { raw.append((text[begin..<text.endIndex], nil)) }

        func flushOperand() {
            guard !words.isEmpty else { return }
            tokens.append(.operand(words.joined(separator: " "), words: words.count))
            words = []
        }
        for (offset, item) in raw.enumerated() {
            if let token = item.1 {
                flushOperand()
                tokens.append(token)
                continue
            }
            guard let word = item.0 else { continue }
            switch word {
            case "AND", "and": flushOperand(); tokens.append(.and)
            case "&" where lenient: flushOperand(); tokens.append(.and)
            case "WITH", "with": flushOperand(); tokens.append(.with)
            case "OR", "or":
                if lenient, offset + 1 < raw.count, let next = raw[offset + 1].0,
                    ["later", "newer", "greater", "any"].contains(next.lowercased())
                {
                    words.append(word)
                } else {
                    flushOperand()
                    tokens.append(.or)
                }
            default: words.append(word)
            }
        }
        flushOperand()
        return tokens
    }

    /// Parses the whole token list; throws a ``BulwarkError`` naming `text` when it is not well formed.
    mutating func parseAll(describing text: String = "") throws -> LicenseExpression {
        let expression = try parseOr(text)
        guard position == tokens.count else { throw problem(text, "unexpected \(describe(peek)) at token \(position + 1)") }
        return expression
    }

    private func problem(_ text: String, _ message: String, limit: Bool = false) -> BulwarkError {
        let shown = text.utf8.count > 80 ? String(text.prefix(80)) + "…" : text
        if limit { return BulwarkError(.limitExceeded, "license expression \"\(shown)\": \(message)") }
        return BulwarkError.invalid("license expression \"\(shown)\"", message)
    }

    private func describe(_ token: Token?) -> String {
        switch token {
        case nil: return "end"
        case .open?: return "'('"
        case .close?: return "')'"
        case .and?: return "AND"
        case .or?: return "OR"
        case .with?: return "WITH"
        case .operand(let text, _)?: return "\"\(text)\""
        }
    }

    private mutating func parseOr(_ text: String) throws -> LicenseExpression {
        var operands: [LicenseExpression] = []
        func add(_ node: LicenseExpression) {
            if case .or(let nested) = node { operands += nested } else { operands.append(node) }
        }
        add(try parseAnd(text))
        while peek == .or {
            position += 1
            add(try parseAnd(text))
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd(_ text: String) throws -> LicenseExpression {
        var operands: [LicenseExpression] = []
        func add(_ node: LicenseExpression) {
            if case .and(let nested) = node { operands += nested } else { operands.append(node) }
        }
        add(try parseWith(text))
        while peek == .and {
            position += 1
            add(try parseWith(text))
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parseWith(_ text: String) throws -> LicenseExpression {
        let base = try parsePrimary(text)
        guard peek == .with else { return base }
        position += 1
        guard case .operand(let name, let words)? = peek else {
            throw problem(text, "WITH must be followed by an exception, found \(describe(peek))")
        }
        guard !strict || words == 1 else { throw problem(text, "exception \"\(name)\" contains spaces") }
        guard let exception = resolveException(name) else { throw problem(text, "\"\(name)\" is not a listed exception") }
        position += 1
        switch base {
        case .license, .orLater, .reference, .unknown: return .with(base, exception: exception)
        default: throw problem(text, "WITH must follow a single license")
        }
    }

    private mutating func parsePrimary(_ text: String) throws -> LicenseExpression {
        switch peek {
        case .operand(let phrase, let words)?:
            guard !strict || words == 1 else { throw problem(text, "\"\(phrase)\" is not one license id") }
            guard let operand = resolveOperand(phrase) else { throw problem(text, "\"\(phrase)\" is not a listed license id") }
            position += 1
            return operand
        case .open?:
            guard depth < LicenseExpression.maxDepth else {
                throw problem(text, "nested deeper than \(LicenseExpression.maxDepth) parentheses", limit: true)
            }
            depth += 1
            position += 1
            let inner = try parseOr(text)
            guard peek == .close else { throw problem(text, "expected ')', found \(describe(peek))") }
            position += 1
            depth -= 1
            return inner
        default:
            throw problem(text, "expected a license, found \(describe(peek))")
        }
    }

    private var peek: Token? {
        position < tokens.count ? tokens[position] : nil
    }
}
