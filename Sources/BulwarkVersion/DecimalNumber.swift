/// A non-negative integer written in decimal, of any length, compared by value without overflow.
///
/// Values up to 19 significant digits live in `small`; longer ones keep their digits in `large`.
struct DecimalNumber: Comparable, Hashable, Sendable {
    /// Count of significant digits (leading zeros dropped); 0 for the value zero.
    let significantDigits: Int
    /// The value when it has at most 19 significant digits, else 0.
    let small: UInt64
    /// The significant digits (ASCII) when there are more than 19, else nil.
    let large: [UInt8]?

    /// Zero.
    static let zero = DecimalNumber(significantDigits: 0, small: 0, large: nil)

    private init(significantDigits: Int, small: UInt64, large: [UInt8]?) {
        self.significantDigits = significantDigits
        self.small = small
        self.large = large
    }

    /// The number written by `digits` (ASCII `0`–`9` only; the caller checks).
    init(digits: ArraySlice<UInt8>) {
        var start = digits.startIndex
        let end = digits.endIndex
        while start < end, digits[start] == UInt8(ascii: "0") { start += 1 }
        let count = end - start
        if count <= 19 {
            var value: UInt64 = 0
            var index = start
            while index < end {
                value = value &* 10 &+ UInt64(digits[index] &- UInt8(ascii: "0"))
                index += 1
            }
            self.init(significantDigits: count, small: value, large: nil)
        } else {
            self.init(significantDigits: count, small: 0, large: Array(digits[start..<end]))
        }
    }

    /// The number `value`.
    init(_ value: UInt64) {
        var count = 0
        var rest = value
        while rest > 0 { count += 1; rest /= 10 }
        self.init(significantDigits: count, small: value, large: nil)
    }

    /// Whether the value is zero.
    var isZero: Bool { significantDigits == 0 }

    /// The value when it fits in a `UInt64`.
    var uint64Value: UInt64? {
        if significantDigits <= 19 { return small }
        guard significantDigits == 20 else { return nil }
        var value: UInt64 = 0
        for digit in large ?? [] {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit &- UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return value
    }

    static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        threeWay(lhs, rhs) < 0
    }

    /// -1, 0 or 1.
    static func threeWay(_ lhs: DecimalNumber, _ rhs: DecimalNumber) -> Int {
        if lhs.significantDigits != rhs.significantDigits { return lhs.significantDigits < rhs.significantDigits ? -1 : 1 }
        if lhs.significantDigits <= 19 { return lhs.small == rhs.small ? 0 : (lhs.small < rhs.small ? -1 : 1) }
        return compareBytes((lhs.large ?? [])[...], (rhs.large ?? [])[...])
    }
}

/// -1, 0 or 1 for two values of a comparable type.
@inline(__always)
func threeWay<T: Comparable>(_ lhs: T, _ rhs: T) -> Int {
    lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
}

/// Byte-wise lexicographic comparison (memcmp, then the shorter first): -1, 0 or 1.
func compareBytes(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
    var left = lhs.startIndex
    var right = rhs.startIndex
    while left < lhs.endIndex, right < rhs.endIndex {
        let a = lhs[left], b = rhs[right]
        if a != b { return a < b ? -1 : 1 }
        left += 1
        right += 1
    }
    return threeWay(lhs.count, rhs.count)
}

/// ASCII classification helpers on bytes.
extension UInt8 {
    /// `0`–`9`.
    @inline(__always) var isASCIIDigit: Bool { self &- 48 < 10 }
    /// `A`–`Z` or `a`–`z`.
    @inline(__always) var isASCIILetter: Bool { (self | 0x20) &- 97 < 26 }
    /// A digit or a letter.
    @inline(__always) var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
    /// `a`–`z`.
    @inline(__always) var isASCIILowercase: Bool { self &- 97 < 26 }
    /// The lower-case form of an ASCII upper-case letter; other bytes unchanged.
    @inline(__always) var asciiLowercased: UInt8 { self &- 65 < 26 ? self | 0x20 : self }
    /// Space, tab, newline, carriage return, vertical tab, form feed.
    @inline(__always) var isASCIIWhitespace: Bool { self == 32 || (self >= 9 && self <= 13) }
    /// A control character or space (bytes below 0x21, and DEL).
    @inline(__always) var isControlOrSpace: Bool { self < 0x21 || self == 0x7F }
    /// A SemVer identifier character: `[0-9A-Za-z-]`.
    @inline(__always) var isIdentifierCharacter: Bool { isASCIIAlphanumeric || self == UInt8(ascii: "-") }
}

/// The UTF-8 bytes of `text` with ASCII whitespace removed from both ends.
func trimmedBytes(_ text: String) -> ArraySlice<UInt8> {
    let bytes = Array(text.utf8)
    var start = 0
    var end = bytes.count
    while start < end, bytes[start].isASCIIWhitespace { start += 1 }
    while end > start, bytes[end - 1].isASCIIWhitespace { end -= 1 }
    return bytes[start..<end]
}

/// Whether every byte of `bytes` is an ASCII digit (and there is at least one).
func allDigits(_ bytes: ArraySlice<UInt8>) -> Bool {
    !bytes.isEmpty && bytes.allSatisfy(\.isASCIIDigit)
}
