import Foundation

/// Turns a declared license statement, as any package database writes it, into an SPDX expression, or
/// flags it unrecognized while keeping the verbatim text.
///
/// Handles SPDX expressions; lower-case `and`/`or`/`with` (RPM, DEP-5) and DEP-5's comma precedence
/// (`A or B, and C` = `(A OR B) AND C`); GNU short names (`GPLv2+`, `GPL-2+`, `LGPL2.1`); license names
/// with versions (`Apache License, Version 2.0`, `GNU Lesser General Public License v3 or later`); the
/// SPDX full names; aliases (`Expat`, `new BSD`, `ASL 2.0`, `PSF`); PyPI `License ::` classifiers; license
/// URLs (Maven, npm); `with X exception`; npm's `SEE LICENSE IN` and `UNLICENSED`.
///
/// Decisions:
/// - `Public Domain` (and spellings) → `LicenseRef-Public-Domain`, recognized, category unencumbered.
/// - `UNLICENSED`, `Proprietary`, `Commercial` → `LicenseRef-Proprietary`, recognized, category unknown
///   (a private agreement Bulwark cannot see; override it in ``LicensePolicy``).
/// - A versionless Apache name (`Apache Software License`) → `Apache-2.0`; versionless `GPL`, `LGPL`,
///   `BSD`, `Artistic` are ambiguous and stay unrecognized.
/// - An exception that is not on the SPDX list (`OpenSSL exception`) → `AdditionRef-…`, unrecognized.
public struct LicenseNormalizer: Sendable {
    /// Identifies statements that are whole license texts; nil to skip that.
    public var textIdentifier: LicenseTextIdentifier?

    /// The longest statement (UTF-8 bytes) read as a name or expression; longer ones are license texts.
    public static let maxStatementLength = 512

    /// Creates a normalizer; pass a ``LicenseTextIdentifier`` to recognize statements that are whole texts.
    public init(textIdentifier: LicenseTextIdentifier? = nil) {
        self.textIdentifier = textIdentifier
    }

    /// Normalizes one declared statement; nil when it is blank.
    public func normalize(_ declared: String) -> NormalizedLicense? {
        if declared.utf8.count > LicenseTextIdentifier.maxInputBytes {
            // Far too long for a name: only a license text (its beginning is what gets compared).
            let head = String(decoding: declared.utf8.prefix(LicenseTextIdentifier.maxInputBytes), as: UTF8.self)
            return licenseText(head, collapsed: LicenseText.collapsingWhitespace(head), original: declared)
        }
        let text = LicenseText.collapsingWhitespace(declared)
        guard !text.isEmpty else { return nil }
        let lines = declared.utf8.lazy.filter { $0 == 0x0A }.prefix(4).count
        if text.utf8.count > Self.maxStatementLength || lines >= 3 {
            return licenseText(declared, collapsed: text)
        }
        var statement = Self.stripQuotes(text)
        if statement.hasPrefix("License ::") || statement.hasPrefix("License::") {
            let parts = statement.components(separatedBy: "::").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0 != "License" && $0 != "OSI Approved" && $0 != "DFSG approved" }
            guard let last = parts.last else { return unrecognized(declared, reason: .noAssertion) }
            statement = last
        }
        let lowered = statement.lowercased()
        if lowered.hasPrefix("see license in ") {
            return unrecognized(declared, reason: .seeLicenseFile(String(statement.dropFirst("see license in ".count))))
        }
        if lowered.hasPrefix("see ") && lowered.contains("licen") || lowered.hasPrefix("license.") && !lowered.contains(" ")
            || lowered == "license" || lowered == "copying"
        {
            return unrecognized(declared, reason: .seeLicenseFile(statement))
        }
        if Self.noAssertionWords.contains(lowered) { return unrecognized(declared, reason: .noAssertion) }
        if let url = Self.resolveURL(statement) { return NormalizedLicense(expression: url, original: declared, recognized: true) }
        if let whole = Self.resolveName(statement) { return result(whole, declared) }
        return expressionResult(statement, declared)
    }

    /// Normalizes each statement, skipping blank ones.
    public func normalizeAll(_ declared: [String]) -> [NormalizedLicense] {
        declared.compactMap(normalize)
    }

    /// The expression one license name stands for (`Apache License, Version 2.0` → `Apache-2.0`), or nil.
    /// Does not split on operators: use ``normalize(_:)`` for statements.
    public static func resolveName(_ name: String) -> LicenseExpression? {
        let phrase = stripQuotes(name.trimmingCharacters(in: CharacterSet(charactersIn: " \t.,;:")))
        guard !phrase.isEmpty, phrase.utf8.count <= maxStatementLength else { return nil }
        // A name has at most one balanced, unnested parenthesis group after some text (`ISC License
        // (ISCL)`); anything else (`((MIT`, `(MIT)`) is for the expression parser.
        guard phrase.first != "(" else { return nil }
        var balance = 0
        for byte in phrase.utf8 where byte == 0x28 || byte == 0x29 {
            balance += byte == 0x28 ? 1 : -1
            if balance < 0 || balance > 1 { return nil }
        }
        guard balance == 0 else { return nil }
        if let id = SPDXLicenseList.canonicalLicense(phrase) { return .license(id) }
        if LicenseExpression.isLicenseReference(phrase) { return .reference(phrase) }
        if phrase.hasSuffix("+"), let id = SPDXLicenseList.currentLicenseID(String(phrase.dropLast())) {
            return .orLater(id)
        }
        // R's `MIT + file LICENSE`: the named license, completed by a file of the package.
        for suffix in [" + file license", " + file licence"] where phrase.lowercased().hasSuffix(suffix) {
            return resolveName(String(phrase.dropLast(suffix.count)))
        }
        let words = LicensePhrase.words(phrase)
        guard !words.isEmpty else { return nil }
        if let known = Tables.shared.phrases[words.joined(separator: " ")] { return known }
        if let versioned = LicensePhrase.versioned(words), let expression = resolveVersioned(versioned) {
            return expression
        }
        // `Name (Alias)` or `Name (Alias) v1.0`: either part may be the recognizable one.
        if let open = phrase.firstIndex(of: "("), let close = phrase[open...].firstIndex(of: ")"), open > phrase.startIndex {
            let outer = String(phrase[..<open]) + " " + String(phrase[phrase.index(after: close)...])
            let inner = String(phrase[phrase.index(after: open)..<close])
            if !inner.contains("("), let resolved = resolveName(outer) ?? resolveName(inner) { return resolved }
        }
        return nil
    }

    /// The exception id a phrase after `WITH` stands for: a listed exception, an alias, else
    /// `AdditionRef-<phrase>`.
    public static func resolveException(_ phrase: String) -> String {
        if let id = SPDXLicenseList.canonicalException(phrase) { return id }
        let key = LicensePhrase.looseKey(phrase)
        if let id = Tables.shared.exceptions[key] { return id }
        if key.hasSuffix(" exception"), let id = Tables.shared.exceptions[String(key.dropLast(" exception".count))] {
            return id
        }
        if key.hasSuffix(" exceptions"), let id = Tables.shared.exceptions[String(key.dropLast(" exceptions".count))] {
            return id
        }
        if let id = Tables.shared.exceptions[key + " exception"] { return id }
        return phrase.hasPrefix("AdditionRef-") ? phrase : "AdditionRef-" + LicenseText.idstring(phrase)
    }

    /// A URL (`https://www.apache.org/licenses/LICENSE-2.0.txt`) as an expression, or nil.
    public static func resolveURL(_ text: String) -> LicenseExpression? {
        var key = text.lowercased()
        guard key.hasPrefix("http://") || key.hasPrefix("https://") || key.hasPrefix("www.") else { return nil }
        guard !key.contains(" ") else { return nil }
        for prefix in ["https://", "http://", "www."] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        if let cut = key.firstIndex(where: { $0 == "?" || $0 == "#" }) { key = String(key[..<cut]) }
        while key.hasSuffix("/") { key.removeLast() }
        for suffix in [".txt", ".html", ".htm", ".php", ".md", ".rst"] where key.hasSuffix(suffix) {
            key.removeLast(suffix.count)
        }
        if let known = LicenseAliases.urls[key] { return try? LicenseExpression(spdx: known) }
        let segments = key.split(separator: "/").map(String.init)
        guard segments.count >= 2, let last = segments.last else { return nil }
        let host = segments[0]
        if host == "opensource.org" || host == "spdx.org" || host.hasSuffix("gnu.org") || host == "choosealicense.com"
            || host == "creativecommons.org"
        {
            if host == "creativecommons.org", segments.count >= 4, segments[1] == "licenses" {
                return resolveName("CC-" + segments[2] + "-" + segments[3])
            }
            return resolveName(last)
        }
        return nil
    }

    // MARK: - Statement parsing

    private static let noAssertionWords: Set<String> = [
        "unknown", "noassertion", "none", "n/a", "na", "-", "other", "other license", "osi approved", "custom",
        "dual license", "various", "see below", "see file", "undefined", "null", "nil", "license", "free",
        "free software", "open source", "freeware", "dfsg approved",
    ]

    /// Phrases inside which `and`/`or` are words of one license name, not operators.
    private static let protectedPhrases: [String] = [
        "development and distribution", "\"new\" or \"revised\"", "new or revised", "library or lesser",
        "attribution-noncommercial-sharealike", "noncommercial and", "do what the",
    ]

    private func expressionResult(_ statement: String, _ declared: String) -> NormalizedLicense {
        // Debian sometimes writes `LGPLv3+_or_GPLv2+`.
        var text = statement.replacingOccurrences(of: "_or_", with: " or ").replacingOccurrences(of: "_and_", with: " and ")
        for phrase in Self.protectedPhrases {
            while let range = text.range(of: phrase, options: .caseInsensitive) {
                text.replaceSubrange(range, with: text[range].replacingOccurrences(of: " ", with: "_"))
            }
        }
        // DEP-5: a comma before `and`/`or` ends a group with lower precedence than either operator.
        if !text.contains("("), text.range(of: ", and ", options: .caseInsensitive) != nil
            || text.range(of: ", or ", options: .caseInsensitive) != nil
        {
            text = "(" + text.replacingOccurrences(of: ", and ", with: ") and (", options: .caseInsensitive)
                .replacingOccurrences(of: ", or ", with: ") or (", options: .caseInsensitive) + ")"
        }
        let tokens = LicenseExpressionParser.tokenize(text, lenient: true)
        var parser = LicenseExpressionParser(
            tokens: tokens, strict: false,
            operand: { phrase in .some(Self.resolveOperand(phrase.replacingOccurrences(of: "_", with: " "))) },
            exception: { .some(Self.resolveException($0.replacingOccurrences(of: "_", with: " "))) })
        guard let expression = try? parser.parseAll(describing: text) else {
            return unrecognized(declared, reason: .malformedExpression)
        }
        return result(expression, declared)
    }

    /// An operand phrase: a name, or a list of names separated by `,`/`;` (all apply) or `/` (either).
    private static func resolveOperand(_ phrase: String) -> LicenseExpression {
        if let resolved = resolveName(phrase) { return resolved }
        for (separator, all) in [(",", true), (";", true), ("/", false)] where phrase.contains(separator) {
            let parts = phrase.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            let resolved = parts.compactMap(resolveName)
            if parts.count > 1, resolved.count == parts.count {
                return (all ? LicenseExpression.allOf(resolved) : LicenseExpression.anyOf(resolved)) ?? .unknown(phrase)
            }
        }
        // Old Alpine/Gentoo style `MIT BSD GPL2+`: a space-separated list of ids, all of which apply. Words
        // that look like ids but resolve to nothing stay unknown; ordinary words make it a name, not a list.
        let words = phrase.split(separator: " ").map(String.init)
        if words.count > 1, words.allSatisfy(Self.looksLikeID) {
            let parts = words.map { resolveName($0) ?? .unknown($0) }
            if parts.contains(where: { if case .unknown = $0 { return false } else { return true } }) {
                return LicenseExpression.allOf(parts) ?? .unknown(phrase)
            }
        }
        return .unknown(phrase)
    }

    /// Whether a word is spelled like a license id (`BSD`, `GPL2+`, `MPL-2.0`), not an English word.
    private static func looksLikeID(_ word: String) -> Bool {
        if SPDXLicenseList.entry(word) != nil || SPDXLicenseList.canonicalLicense(word) != nil { return true }
        let upper = word.utf8.filter { $0 >= 0x41 && $0 <= 0x5A }.count
        let lower = word.utf8.filter { $0 >= 0x61 && $0 <= 0x7A }.count
        return upper >= 2 && lower == 0
    }

    private func result(_ expression: LicenseExpression, _ declared: String) -> NormalizedLicense {
        var unknown: [String] = []
        func visit(_ node: LicenseExpression) {
            switch node {
            case .unknown(let text): unknown.append(text)
            case .license, .orLater, .reference: break
            case .with(let base, let exception):
                visit(base)
                if LicenseExpression.isAdditionRef(exception) { unknown.append(exception) }
            case .and(let children), .or(let children): children.forEach(visit)
            }
        }
        visit(expression)
        if unknown.isEmpty { return NormalizedLicense(expression: expression, original: declared, recognized: true) }
        if case .unknown = expression {
            return NormalizedLicense(
                expression: nil, original: declared, recognized: false, unrecognizedParts: unknown, reason: .unknownName)
        }
        return NormalizedLicense(
            expression: expression, original: declared, recognized: false, unrecognizedParts: unknown,
            reason: .partiallyUnknown)
    }

    private func unrecognized(_ declared: String, reason: NormalizedLicense.Reason) -> NormalizedLicense {
        NormalizedLicense(
            expression: nil, original: declared, recognized: false,
            unrecognizedParts: [LicenseText.collapsingWhitespace(declared)], reason: reason)
    }

    private func licenseText(_ text: String, collapsed: String, original: String? = nil) -> NormalizedLicense {
        let declared = original ?? text
        if let identifier = textIdentifier, let match = identifier.identify(text) {
            return NormalizedLicense(
                expression: .license(match.id), original: declared, recognized: true, identifiedText: match)
        }
        return NormalizedLicense(
            expression: nil, original: declared, recognized: false, unrecognizedParts: [collapsed], reason: .licenseText)
    }

    private static func stripQuotes(_ text: String) -> String {
        var view = Substring(text)
        while let first = view.first, let last = view.last, view.count >= 2,
            (first == "\"" && last == "\"") || (first == "'" && last == "'") || (first == "[" && last == "]")
                || (first == "<" && last == ">")
        {
            view = view.dropFirst().dropLast()
        }
        return view.trimmingCharacters(in: .whitespaces)
    }

    /// A license family + version as an expression: GNU families get `-only`/`-or-later`, others
    /// `PREFIX-VERSION` (or `PREFIX-VERSION+` for "or later").
    private static func resolveVersioned(_ versioned: LicensePhrase.Versioned) -> LicenseExpression? {
        guard let (prefix, gnu) = Tables.shared.families[versioned.family] else { return nil }
        var version = versioned.version
        while version.hasSuffix(".0.0") { version.removeLast(2) }
        let candidates = version.contains(".") ? [version, version.hasSuffix(".0") ? String(version.dropLast(2)) : version]
            : [version + ".0", version]
        if gnu {
            guard versioned.trailing.isEmpty else { return nil }
            for candidate in candidates {
                let id = "\(prefix)-\(candidate)\(versioned.orLater ? "-or-later" : "-only")"
                if let entry = SPDXLicenseList.entry(id), !entry.isDeprecated, !entry.isException { return .license(entry.id) }
            }
            return nil
        }
        let suffixes = versioned.trailing.isEmpty ? [""] : ["-" + versioned.trailing.joined(separator: "-")]
        for candidate in candidates {
            for suffix in suffixes {
                guard let id = SPDXLicenseList.currentLicenseID("\(prefix)-\(candidate)\(suffix)") else { continue }
                return versioned.orLater ? .orLater(id) : .license(id)
            }
        }
        return nil
    }

    /// The look-up tables, built once from ``SPDXLicenseData`` and ``LicenseAliases``.
    struct Tables: Sendable {
        var phrases: [String: LicenseExpression] = [:]
        var exceptions: [String: String] = [:]
        var families: [String: (String, Bool)] = [:]

        static let shared = Tables()

        init() {
            func addPhrase(_ key: String, _ expression: LicenseExpression, override: Bool) {
                guard !key.isEmpty else { return }
                if override || phrases[key] == nil { phrases[key] = expression }
            }
            for id in SPDXLicenseData.licenseIDs { addPhrase(LicensePhrase.looseKey(id), .license(id), override: false) }
            for (index, id) in SPDXLicenseData.deprecatedLicenseIDs.enumerated() {
                let replacement = SPDXLicenseData.deprecatedLicenseReplacements[index]
                addPhrase(LicensePhrase.looseKey(id), .license(replacement.isEmpty ? id : replacement), override: false)
            }
            for (index, name) in SPDXLicenseData.licenseNames.enumerated() {
                addPhrase(LicensePhrase.looseKey(name), .license(SPDXLicenseData.licenseIDs[index]), override: false)
            }
            for (phrase, expression) in LicenseAliases.phrases {
                let parsed: LicenseExpression?
                if LicenseExpression.isLicenseReference(expression) { parsed = .reference(expression) } else {
                    parsed = try? LicenseExpression(spdx: expression)
                }
                if let parsed { addPhrase(LicensePhrase.looseKey(phrase), parsed, override: true) }
            }
            for (index, name) in SPDXLicenseData.exceptionNames.enumerated() {
                let id = SPDXLicenseData.exceptionIDs[index]
                exceptions[LicensePhrase.looseKey(name)] = exceptions[LicensePhrase.looseKey(name)] ?? id
                exceptions[LicensePhrase.looseKey(id)] = exceptions[LicensePhrase.looseKey(id)] ?? id
            }
            for (phrase, id) in LicenseAliases.exceptionPhrases { exceptions[LicensePhrase.looseKey(phrase)] = id }
            for (phrase, prefix, gnu) in LicenseAliases.families { families[LicensePhrase.looseKey(phrase)] = (prefix, gnu) }
        }
    }
}
