/// A parsed `MAJOR.MINOR.PATCH[-prerelease][+build]` version, shared by the SemVer-like schemes
/// (strict SemVer, npm, Cargo, Go). Build metadata is validated but not kept: it never affects order.
struct SemanticVersion: Sendable {
    /// One dot-separated pre-release identifier.
    enum Identifier: Sendable {
        case numeric(DecimalNumber)
        case alphanumeric(ArraySlice<UInt8>)
    }

    /// Parsing rules that differ between the SemVer-like schemes.
    struct Rules: Sendable {
        /// Trim whitespace and skip any leading run of `v`, `=` and spaces (node-semver loose mode).
        var loosePrefix = false
        /// Accept one optional leading `v`.
        var optionalV = false
        /// Accept `v1` and `v1.2` as `v1.0.0` and `v1.2.0` (Go).
        var shorthand = false
        /// Accept leading zeros in numbers and a pre-release without `-` (node-semver loose mode).
        var loose = false
        /// Largest allowed major/minor/patch, if limited.
        var maximumNumber: UInt64?
        /// Longest accepted input, if limited.
        var maximumLength: Int?

        static let strict = Rules()
        static let npm = Rules(loosePrefix: true, loose: true, maximumNumber: 9_007_199_254_740_991, maximumLength: 256)
        static let cargo = Rules(maximumNumber: UInt64.max)
        static let go = Rules(optionalV: true, shorthand: true)
    }

    var major: DecimalNumber
    var minor: DecimalNumber
    var patch: DecimalNumber
    var prerelease: [Identifier]

    /// Parses `text` under `rules`, reporting failures against `scheme`.
    init(_ text: String, rules: Rules, scheme: VersionScheme) throws(VersionError) {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: scheme, reason: reason) }
        if let limit = rules.maximumLength, text.utf8.count > limit { throw fail("longer than \(limit) characters") }
        var bytes = rules.loosePrefix ? trimmedBytes(text) : Array(text.utf8)[...]
        if rules.loosePrefix {
            while let first = bytes.first, first == UInt8(ascii: "v") || first == UInt8(ascii: "=") || first.isASCIIWhitespace {
                bytes = bytes.dropFirst()
            }
        } else if rules.optionalV, bytes.first == UInt8(ascii: "v") {
            bytes = bytes.dropFirst()
        }
        var cursor = bytes.startIndex
        let end = bytes.endIndex
        func number(_ name: String) throws(VersionError) -> DecimalNumber {
            let start = cursor
            while cursor < end, bytes[cursor].isASCIIDigit { cursor += 1 }
            let digits = bytes[start..<cursor]
            guard !digits.isEmpty else { throw fail("\(name) version number expected") }
            if !rules.loose, digits.count > 1, digits.first == UInt8(ascii: "0") {
                throw fail("\(name) version number has a leading zero")
            }
            let value = DecimalNumber(digits: digits)
            if let maximum = rules.maximumNumber, (value.uint64Value.map { $0 > maximum } ?? true) {
                throw fail("\(name) version number is too large")
            }
            return value
        }
        major = try number("major")
        minor = .zero
        patch = .zero
        prerelease = []
        if rules.shorthand, cursor == end { return }
        guard cursor < end, bytes[cursor] == UInt8(ascii: ".") else { throw fail("expected '.' after major version") }
        cursor += 1
        minor = try number("minor")
        if rules.shorthand, cursor == end { return }
        guard cursor < end, bytes[cursor] == UInt8(ascii: ".") else { throw fail("expected '.' after minor version") }
        cursor += 1
        patch = try number("patch")

        /// Dot-separated identifiers from the cursor, each passed to `take`.
        func identifiers(numericLeadingZeroAllowed: Bool, kind: String, take: (ArraySlice<UInt8>) -> Void) throws(VersionError) {
            while true {
                let start = cursor
                while cursor < end, bytes[cursor].isIdentifierCharacter { cursor += 1 }
                let identifier = bytes[start..<cursor]
                guard !identifier.isEmpty else { throw fail("empty \(kind) identifier") }
                if !numericLeadingZeroAllowed, identifier.count > 1, identifier.first == UInt8(ascii: "0"), allDigits(identifier) {
                    throw fail("numeric \(kind) identifier has a leading zero")
                }
                take(identifier)
                guard cursor < end, bytes[cursor] == UInt8(ascii: ".") else { return }
                cursor += 1
            }
        }
        var hasPrerelease = false
        if cursor < end, bytes[cursor] == UInt8(ascii: "-") {
            // In loose mode a lone `-` followed by nothing usable is itself an identifier character.
            let afterDash = cursor + 1
            if rules.loose, afterDash == end || bytes[afterDash] == UInt8(ascii: "+") || bytes[afterDash] == UInt8(ascii: ".") {
                hasPrerelease = true
            } else {
                cursor += 1
                hasPrerelease = true
            }
        } else if rules.loose, cursor < end, bytes[cursor].isIdentifierCharacter {
            hasPrerelease = true
        }
        if hasPrerelease {
            var identifiersFound: [Identifier] = []
            identifiersFound.reserveCapacity(4)
            try identifiers(numericLeadingZeroAllowed: rules.loose, kind: "pre-release") { identifier in
                identifiersFound.append(allDigits(identifier) ? .numeric(DecimalNumber(digits: identifier)) : .alphanumeric(identifier))
            }
            prerelease = identifiersFound
        }
        if cursor < end, bytes[cursor] == UInt8(ascii: "+") {
            cursor += 1
            try identifiers(numericLeadingZeroAllowed: true, kind: "build") { _ in }
        }
        guard cursor == end else { throw fail("unexpected text at offset \(cursor - bytes.startIndex)") }
    }

    /// SemVer precedence: -1, 0 or 1.
    func compare(to other: SemanticVersion) -> Int {
        var order = DecimalNumber.threeWay(major, other.major)
        if order != 0 { return order }
        order = DecimalNumber.threeWay(minor, other.minor)
        if order != 0 { return order }
        order = DecimalNumber.threeWay(patch, other.patch)
        if order != 0 { return order }
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        for index in 0..<min(prerelease.count, other.prerelease.count) {
            switch (prerelease[index], other.prerelease[index]) {
            case (.numeric(let a), .numeric(let b)): order = DecimalNumber.threeWay(a, b)
            case (.numeric, .alphanumeric): order = -1
            case (.alphanumeric, .numeric): order = 1
            case (.alphanumeric(let a), .alphanumeric(let b)): order = compareBytes(a, b)
            }
            if order != 0 { return order }
        }
        return threeWay(prerelease.count, other.prerelease.count)
    }
}
