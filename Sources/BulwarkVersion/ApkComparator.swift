/// Alpine `apk-tools` version ordering: `digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}`.
///
/// The first number and `-r` revisions compare numerically; later dot components compare
/// numerically unless either has a leading zero (then as strings, like Gentoo). Suffixes `_alpha`,
/// `_beta`, `_pre`, `_rc` sort before the bare version; `_cvs`, `_svn`, `_git`, `_hg`, `_p` after it.
/// When one version runs out of tokens first, it is smaller — unless the other continues with a
/// pre-release suffix.
///
/// A version apk-tools rejects (e.g. `1.2_blah`, `1.0bc`, `1-r`) throws, rather than being ordered by
/// apk's lenient fallback. Digits directly after a letter (`6.6.2p1`, found in older Alpine releases'
/// security data) are accepted as a further number component, as apk-tools 2.x does (3.x rejects them).
public struct ApkComparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.apk`.
    public var scheme: VersionScheme { .apk }

    /// Compares two Alpine versions.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try ApkVersion(lhs)
        let right = try ApkVersion(rhs)
        return left.compare(to: right)
    }

    /// Whether apk-tools accepts `version` as valid.
    public func isValid(_ version: String) -> Bool {
        (try? ApkVersion(version)) != nil
    }
}

/// A parsed Alpine version: its token sequence, ending with `.end`.
struct ApkVersion: Sendable {
    /// Token kinds in the order apk-tools ranks them.
    enum Kind: UInt8, Comparable, Sendable {
        case initialDigit, digit, letter, suffix, suffixNumber, commitHash, revision, end
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One token: its kind, where its text is in `bytes`, and its numeric or suffix value.
    struct Token: Sendable {
        var kind: Kind
        var text: Range<Int>
        var number: DecimalNumber
        /// Suffix rank: alpha 0, beta 1, pre 2, rc 3, (none 4), cvs 5, svn 6, git 7, hg 8, p 9.
        var suffix: Int
    }

    /// The rank of "no suffix"; ranks below it are pre-releases.
    static let noSuffixRank = 4

    let tokens: [Token]
    /// The version's UTF-8 bytes, which tokens point into.
    let bytes: [UInt8]

    /// Tokenizes `text`, throwing when apk-tools would consider it invalid.
    init(_ text: String) throws(VersionError) {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: .apk, reason: reason) }
        let bytes = Array(text.utf8)
        var index = bytes.startIndex
        let end = bytes.endIndex
        func digitRun() -> Range<Int> {
            let start = index
            while index < end, bytes[index].isASCIIDigit { index += 1 }
            return start..<index
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(8)
        let first = digitRun()
        guard !first.isEmpty else { throw fail("does not start with a digit") }
        tokens.append(Token(kind: .initialDigit, text: first, number: DecimalNumber(digits: bytes[first]), suffix: 0))
        var last = Kind.initialDigit
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard last <= .digit else { throw fail("unexpected letter") }
                tokens.append(Token(kind: .letter, text: index..<(index + 1), number: .zero, suffix: 0))
                index += 1
                last = .letter
            case UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if byte == UInt8(ascii: ".") {
                    guard last <= .digit else { throw fail("unexpected '.'") }
                    index += 1
                }
                let kind: Kind
                switch last {
                case .initialDigit, .digit: kind = .digit
                case .letter where byte != UInt8(ascii: "."): kind = .digit  // apk-tools 2.x: `6.6.2p1`
                case .suffix: kind = .suffixNumber
                default: throw fail("unexpected digit")
                }
                let digits = digitRun()
                guard !digits.isEmpty else { throw fail("missing number") }
                tokens.append(Token(kind: kind, text: digits, number: DecimalNumber(digits: bytes[digits]), suffix: 0))
                last = kind
            case UInt8(ascii: "_"):
                guard last <= .suffixNumber else { throw fail("unexpected suffix") }
                index += 1
                let start = index
                while index < end, bytes[index].isASCIILowercase { index += 1 }
                guard let rank = Self.suffixRank(bytes[start..<index]) else { throw fail("unknown suffix") }
                tokens.append(Token(kind: .suffix, text: start..<index, number: .zero, suffix: rank))
                last = .suffix
            case UInt8(ascii: "~"):
                guard last < .commitHash else { throw fail("unexpected '~'") }
                index += 1
                let start = index
                while index < end, bytes[index].isASCIIDigit || (bytes[index] &- UInt8(ascii: "a") < 6) { index += 1 }
                guard index > start else { throw fail("empty commit hash") }
                tokens.append(Token(kind: .commitHash, text: start..<index, number: .zero, suffix: 0))
                last = .commitHash
            case UInt8(ascii: "-"):
                guard last < .revision, index + 1 < end, bytes[index + 1] == UInt8(ascii: "r") else {
                    throw fail("unexpected '-' (only -rN is allowed)")
                }
                index += 2
                let digits = digitRun()
                guard !digits.isEmpty else { throw fail("revision has no number") }
                tokens.append(Token(kind: .revision, text: digits, number: DecimalNumber(digits: bytes[digits]), suffix: 0))
                last = .revision
            default:
                throw fail("invalid character")
            }
        }
        tokens.append(Token(kind: .end, text: end..<end, number: .zero, suffix: 0))
        self.tokens = tokens
        self.bytes = bytes
    }

    private static let suffixNames: [([UInt8], Int)] = [
        ("alpha", 0), ("beta", 1), ("pre", 2), ("rc", 3), ("cvs", 5), ("svn", 6), ("git", 7), ("hg", 8), ("p", 9),
    ].map { (Array($0.0.utf8), $0.1) }

    private static func suffixRank(_ name: ArraySlice<UInt8>) -> Int? {
        for (suffix, rank) in suffixNames where name.elementsEqual(suffix) { return rank }
        return nil
    }

    /// -1, 0 or 1.
    func compare(to other: ApkVersion) -> Int {
        var position = 0
        while true {
            let a = tokens[position], b = other.tokens[position]
            guard a.kind == b.kind, a.kind != .end else { break }
            let order = Self.compareTokens(a, bytes, b, other.bytes)
            if order != 0 { return order }
            position += 1
        }
        let a = tokens[position], b = other.tokens[position]
        if a.kind == b.kind { return 0 }
        if a.kind == .suffix, a.suffix < Self.noSuffixRank { return -1 }
        if b.kind == .suffix, b.suffix < Self.noSuffixRank { return 1 }
        return a.kind > b.kind ? -1 : 1
    }

    private static func compareTokens(_ a: Token, _ aBytes: [UInt8], _ b: Token, _ bBytes: [UInt8]) -> Int {
        switch a.kind {
        case .digit:
            if aBytes[a.text.lowerBound] == UInt8(ascii: "0") || bBytes[b.text.lowerBound] == UInt8(ascii: "0") {
                return compareBytes(aBytes[a.text], bBytes[b.text])
            }
            return DecimalNumber.threeWay(a.number, b.number)
        case .initialDigit, .suffixNumber, .revision:
            return DecimalNumber.threeWay(a.number, b.number)
        case .suffix:
            return threeWay(a.suffix, b.suffix)
        case .letter, .commitHash, .end:
            return compareBytes(aBytes[a.text], bBytes[b.text])
        }
    }
}
