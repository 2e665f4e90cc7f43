/// RubyGems ordering, as `Gem::Version`: a version is `N(.X)*` (X alphanumeric) optionally
/// followed by `-pre.release` parts; it is split into runs of digits and runs of letters (every `-`
/// reads as `.pre.`); any letter run makes it a pre-release, sorting before the release. Trailing
/// zeros are dropped from the numeric prefix and from the rest, then segments compare pairwise
/// (missing ones count as 0): numbers numerically, words as bytes, a word before a number.
///
/// Blank input is version "0", as in RubyGems. Strings `Gem::Version.correct?` rejects throw.
public struct RubyGemsComparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.rubygems`.
    public var scheme: VersionScheme { .rubygems }

    /// Compares two gem versions.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try RubyGemsVersion(lhs)
        let right = try RubyGemsVersion(rhs)
        return left.compare(to: right)
    }

    /// Whether `version` is a correct gem version.
    public func isValid(_ version: String) -> Bool {
        (try? RubyGemsVersion(version)) != nil
    }
}

/// A parsed gem version: its canonical segments.
struct RubyGemsVersion: Sendable {
    /// One segment.
    enum Segment: Sendable {
        case number(DecimalNumber)
        case word(ArraySlice<UInt8>)

        var isZero: Bool {
            if case .number(let value) = self { return value.isZero }
            return false
        }
    }

    private static let preWord: ArraySlice<UInt8> = Array("pre".utf8)[...]

    /// The canonical segments (trailing zeros removed from the numeric and the pre-release parts).
    let segments: [Segment]

    /// Parses `text`, throwing when it is not a correct gem version.
    init(_ text: String) throws(VersionError) {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: .rubygems, reason: reason) }
        let bytes = trimmedBytes(text)
        var raw: [Segment] = []
        if !bytes.isEmpty {
            try Self.validate(bytes, fail: fail)
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                let start = index
                if byte.isASCIIDigit {
                    while index < bytes.endIndex, bytes[index].isASCIIDigit { index += 1 }
                    raw.append(.number(DecimalNumber(digits: bytes[start..<index])))
                } else if byte.isASCIILetter {
                    while index < bytes.endIndex, bytes[index].isASCIILetter { index += 1 }
                    raw.append(.word(bytes[start..<index]))
                } else {
                    if byte == UInt8(ascii: "-") { raw.append(.word(Self.preWord)) }
                    index += 1
                }
            }
        }
        // Split at the first word; drop trailing zeros from both halves.
        let firstWord = raw.firstIndex { if case .word = $0 { true } else { false } } ?? raw.count
        var numericEnd = firstWord
        while numericEnd > 0, raw[numericEnd - 1].isZero { numericEnd -= 1 }
        var restEnd = raw.count
        while restEnd > firstWord, raw[restEnd - 1].isZero { restEnd -= 1 }
        raw.removeSubrange(restEnd...)
        raw.removeSubrange(numericEnd..<firstWord)
        segments = raw
    }

    /// Checks `\A[0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z`.
    private static func validate(_ bytes: ArraySlice<UInt8>, fail: (String) -> VersionError) throws(VersionError) {
        var index = bytes.startIndex
        let end = bytes.endIndex
        guard index < end, bytes[index].isASCIIDigit else { throw fail("must start with a number") }
        while index < end, bytes[index].isASCIIDigit { index += 1 }
        while index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < end, bytes[index].isASCIIAlphanumeric { index += 1 }
            guard index > start else { throw fail("empty segment") }
        }
        if index < end, bytes[index] == UInt8(ascii: "-") {
            index += 1
            while true {
                let start = index
                while index < end, bytes[index].isIdentifierCharacter { index += 1 }
                guard index > start else { throw fail("empty pre-release segment") }
                guard index < end, bytes[index] == UInt8(ascii: ".") else { break }
                index += 1
            }
        }
        guard index == end else { throw fail("malformed version number string") }
    }

    /// -1, 0 or 1, as `Gem::Version#<=>`.
    func compare(to other: RubyGemsVersion) -> Int {
        for index in 0..<max(segments.count, other.segments.count) {
            let left = index < segments.count ? segments[index] : .number(.zero)
            let right = index < other.segments.count ? other.segments[index] : .number(.zero)
            switch (left, right) {
            case (.number(let a), .number(let b)):
                let order = DecimalNumber.threeWay(a, b)
                if order != 0 { return order }
            case (.word, .number): return -1
            case (.number, .word): return 1
            case (.word(let a), .word(let b)):
                let order = compareBytes(a, b)
                if order != 0 { return order }
            }
        }
        return 0
    }
}
