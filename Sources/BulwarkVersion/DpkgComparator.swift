/// Debian `dpkg` version ordering: `[epoch:]upstream[-revision]`, compared as in dpkg's
/// `verrevcmp` (Debian policy §5.6.12): `~` sorts before everything, even the end of the string;
/// letters sort before other characters; runs of digits compare numerically.
///
/// Rejected (dpkg reports these as errors, or as warnings about invalid characters): empty strings,
/// embedded whitespace, a non-numeric or empty epoch, nothing after the colon, an empty revision, and
/// characters other than alphanumerics and `.+-~:` (upstream) or `.+~` (revision). An upstream part
/// that does not start with a digit is accepted, as dpkg only warns about it.
public struct DpkgComparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.dpkg`.
    public var scheme: VersionScheme { .dpkg }

    /// Compares two Debian versions.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try DpkgVersion(lhs)
        let right = try DpkgVersion(rhs)
        return left.compare(to: right)
    }

    /// Whether `version` is a well-formed Debian version.
    public func isValid(_ version: String) -> Bool {
        (try? DpkgVersion(version)) != nil
    }
}

/// A parsed Debian version.
struct DpkgVersion: Sendable {
    /// The epoch (0 when absent).
    let epoch: UInt64
    /// The upstream version bytes.
    let upstream: ArraySlice<UInt8>
    /// The Debian revision bytes (empty when absent, which sorts like "0").
    let revision: ArraySlice<UInt8>

    /// Parses `text`, throwing when dpkg would reject it.
    init(_ text: String) throws(VersionError) {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: .dpkg, reason: reason) }
        let bytes = trimmedBytes(text)
        guard !bytes.isEmpty else { throw fail("version string is empty") }
        if bytes.contains(where: \.isASCIIWhitespace) { throw fail("version string has embedded spaces") }
        var rest = bytes
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let epochDigits = bytes[bytes.startIndex..<colon]
            guard !epochDigits.isEmpty else { throw fail("epoch in version is empty") }
            guard allDigits(epochDigits) else { throw fail("epoch in version is not number") }
            let value = DecimalNumber(digits: epochDigits)
            guard let small = value.uint64Value, small <= UInt64(Int32.max) else { throw fail("epoch in version is too big") }
            epoch = small
            rest = bytes[(colon + 1)...]
            guard !rest.isEmpty else { throw fail("nothing after colon in version number") }
        } else {
            epoch = 0
        }
        if let hyphen = rest.lastIndex(of: UInt8(ascii: "-")) {
            upstream = rest[rest.startIndex..<hyphen]
            revision = rest[(hyphen + 1)...]
            guard !revision.isEmpty else { throw fail("revision number is empty") }
        } else {
            upstream = rest
            revision = rest[rest.endIndex...]
        }
        guard !upstream.isEmpty else { throw fail("version number is empty") }
        for byte in upstream where !(byte.isASCIIAlphanumeric || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: ":"))
        {
            throw fail("invalid character in version number")
        }
        for byte in revision where !(byte.isASCIIAlphanumeric || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "~"))
        {
            throw fail("invalid character in revision number")
        }
    }

    /// -1, 0 or 1.
    func compare(to other: DpkgVersion) -> Int {
        if epoch != other.epoch { return epoch < other.epoch ? -1 : 1 }
        let upstreamOrder = Self.verrevcmp(upstream, other.upstream)
        if upstreamOrder != 0 { return upstreamOrder }
        return Self.verrevcmp(revision, other.revision)
    }

    /// The sort weight of a non-digit character (0 for the end of the string).
    @inline(__always)
    private static func weight(_ byte: UInt8?) -> Int {
        guard let byte else { return 0 }
        if byte.isASCIIDigit { return 0 }
        if byte.isASCIILetter { return Int(byte) }
        if byte == UInt8(ascii: "~") { return -1 }
        return Int(byte) + 256
    }

    /// dpkg's comparison of one version part: alternating non-digit and digit runs.
    static func verrevcmp(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
        var a = lhs.startIndex
        var b = rhs.startIndex
        func at(_ bytes: ArraySlice<UInt8>, _ index: Int) -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }
        while a < lhs.endIndex || b < rhs.endIndex {
            while (a < lhs.endIndex && !lhs[a].isASCIIDigit) || (b < rhs.endIndex && !rhs[b].isASCIIDigit) {
                let left = weight(at(lhs, a))
                let right = weight(at(rhs, b))
                if left != right { return left < right ? -1 : 1 }
                if a < lhs.endIndex { a += 1 }
                if b < rhs.endIndex { b += 1 }
            }
            while a < lhs.endIndex, lhs[a] == UInt8(ascii: "0") { a += 1 }
            while b < rhs.endIndex, rhs[b] == UInt8(ascii: "0") { b += 1 }
            var firstDifference = 0
            while a < lhs.endIndex, b < rhs.endIndex, lhs[a].isASCIIDigit, rhs[b].isASCIIDigit {
                if firstDifference == 0, lhs[a] != rhs[b] { firstDifference = lhs[a] < rhs[b] ? -1 : 1 }
                a += 1
                b += 1
            }
            if a < lhs.endIndex, lhs[a].isASCIIDigit { return 1 }
            if b < rhs.endIndex, rhs[b].isASCIIDigit { return -1 }
            if firstDifference != 0 { return firstDifference }
        }
        return 0
    }
}
