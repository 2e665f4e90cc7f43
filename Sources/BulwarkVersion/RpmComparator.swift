/// RPM version ordering over `[epoch:]version[-release]`, as rpm 4.18's `rpm.ver` objects compare:
/// epochs numerically (missing means 0), then versions with `rpmvercmp`, then releases with
/// `rpmvercmp`, where a version with a release sorts after the same version without one.
///
/// `rpmvercmp` splits strings into alphanumeric segments (other characters separate them); `~` sorts
/// before anything (pre-release), `^` sorts after the base but before any further segment
/// (post-release snapshot); a digit segment beats a letter segment; digit segments compare
/// numerically; letter segments compare as bytes.
///
/// Rejected: empty strings, whitespace or control characters, an empty version. (An empty release,
/// as in `1.0-`, is accepted like rpm does: it sorts after no release at all.)
public struct RpmComparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.rpm`.
    public var scheme: VersionScheme { .rpm }

    /// Compares two RPM EVR strings.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try RpmVersion(lhs)
        let right = try RpmVersion(rhs)
        return left.compare(to: right)
    }

    /// Whether `version` is a well-formed RPM EVR string.
    public func isValid(_ version: String) -> Bool {
        (try? RpmVersion(version)) != nil
    }

    /// rpm's `rpmvercmp` on two bare strings (no epoch or release splitting): -1, 0 or 1.
    public static func rpmvercmp(_ lhs: String, _ rhs: String) -> Int {
        RpmVersion.rpmvercmp(Array(lhs.utf8)[...], Array(rhs.utf8)[...])
    }
}

/// A parsed RPM `[epoch:]version[-release]`.
struct RpmVersion: Sendable {
    /// The epoch digits ("0" when absent).
    let epoch: ArraySlice<UInt8>
    /// The version part.
    let version: ArraySlice<UInt8>
    /// The release part, when present.
    let release: ArraySlice<UInt8>?

    private static let zeroEpoch: ArraySlice<UInt8> = [UInt8(ascii: "0")]

    /// Parses `text` the way rpm splits an EVR string.
    init(_ text: String) throws(VersionError) {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: .rpm, reason: reason) }
        let bytes = Array(text.utf8)[...]
        guard !bytes.isEmpty else { throw fail("version string is empty") }
        if bytes.contains(where: \.isControlOrSpace) { throw fail("contains whitespace or control characters") }
        var digitsEnd = bytes.startIndex
        while digitsEnd < bytes.endIndex, bytes[digitsEnd].isASCIIDigit { digitsEnd += 1 }
        var rest = bytes
        if digitsEnd < bytes.endIndex, bytes[digitsEnd] == UInt8(ascii: ":") {
            let digits = bytes[bytes.startIndex..<digitsEnd]
            epoch = digits.isEmpty ? Self.zeroEpoch : digits
            rest = bytes[(digitsEnd + 1)...]
        } else {
            epoch = Self.zeroEpoch
        }
        if let hyphen = rest.lastIndex(of: UInt8(ascii: "-")) {
            version = rest[rest.startIndex..<hyphen]
            release = rest[(hyphen + 1)...]
        } else {
            version = rest
            release = nil
        }
        guard !version.isEmpty else { throw fail("version is empty") }
    }

    /// -1, 0 or 1.
    func compare(to other: RpmVersion) -> Int {
        let epochOrder = Self.rpmvercmp(epoch, other.epoch)
        if epochOrder != 0 { return epochOrder }
        let versionOrder = Self.rpmvercmp(version, other.version)
        if versionOrder != 0 { return versionOrder }
        switch (release, other.release) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let a?, let b?): return Self.rpmvercmp(a, b)
        }
    }

    /// rpm's segment-wise comparison.
    static func rpmvercmp(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
        if lhs.elementsEqual(rhs) { return 0 }
        let tilde = UInt8(ascii: "~"), caret = UInt8(ascii: "^")
        var one = lhs.startIndex
        var two = rhs.startIndex
        let endOne = lhs.endIndex, endTwo = rhs.endIndex
        while one < endOne || two < endTwo {
            while one < endOne, !lhs[one].isASCIIAlphanumeric, lhs[one] != tilde, lhs[one] != caret { one += 1 }
            while two < endTwo, !rhs[two].isASCIIAlphanumeric, rhs[two] != tilde, rhs[two] != caret { two += 1 }
            let c1: UInt8? = one < endOne ? lhs[one] : nil
            let c2: UInt8? = two < endTwo ? rhs[two] : nil
            if c1 == tilde || c2 == tilde {
                if c1 != tilde { return 1 }
                if c2 != tilde { return -1 }
                one += 1
                two += 1
                continue
            }
            if c1 == caret || c2 == caret {
                if c1 == nil { return -1 }
                if c2 == nil { return 1 }
                if c1 != caret { return 1 }
                if c2 != caret { return -1 }
                one += 1
                two += 1
                continue
            }
            guard let first = c1, c2 != nil else { break }
            var end1 = one, end2 = two
            let numeric = first.isASCIIDigit
            if numeric {
                while end1 < endOne, lhs[end1].isASCIIDigit { end1 += 1 }
                while end2 < endTwo, rhs[end2].isASCIIDigit { end2 += 1 }
            } else {
                while end1 < endOne, lhs[end1].isASCIILetter { end1 += 1 }
                while end2 < endTwo, rhs[end2].isASCIILetter { end2 += 1 }
            }
            if end2 == two { return numeric ? 1 : -1 }
            var segment1 = lhs[one..<end1]
            var segment2 = rhs[two..<end2]
            if numeric {
                while let head = segment1.first, head == UInt8(ascii: "0") { segment1 = segment1.dropFirst() }
                while let head = segment2.first, head == UInt8(ascii: "0") { segment2 = segment2.dropFirst() }
                if segment1.count != segment2.count { return segment1.count > segment2.count ? 1 : -1 }
            }
            let order = compareBytes(segment1, segment2)
            if order != 0 { return order }
            one = end1
            two = end2
        }
        if one >= endOne, two >= endTwo { return 0 }
        return one < endOne ? 1 : -1
    }
}
