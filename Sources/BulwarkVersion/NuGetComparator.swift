/// NuGet ordering, as `NuGetVersion` with the default comparer: one to four numeric parts (missing
/// ones are 0, leading zeros allowed, each at most 2^31−1), an optional SemVer 2 release label
/// compared case-insensitively (numeric labels numerically, before alphanumeric ones; a version with
/// a label sorts before the same version without), and build metadata ignored.
public struct NuGetComparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.nuget`.
    public var scheme: VersionScheme { .nuget }

    /// Compares two NuGet versions.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try NuGetVersion(lhs)
        let right = try NuGetVersion(rhs)
        return left.compare(to: right)
    }

    /// Whether `version` is a valid NuGet version.
    public func isValid(_ version: String) -> Bool {
        (try? NuGetVersion(version)) != nil
    }
}

/// A parsed NuGet version.
struct NuGetVersion: Sendable {
    /// One release label: a 32-bit number, or a word (compared case-insensitively).
    enum Label: Sendable {
        case number(UInt64)
        case word(ArraySlice<UInt8>)
    }

    /// Major, minor, patch, revision.
    var parts: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var labels: [Label] = []

    /// Parses `text`, throwing when NuGet would reject it.
    init(_ text: String) throws(VersionError) {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: .nuget, reason: reason) }
        var bytes = Array(text.utf8)[...]
        guard !bytes.isEmpty else { throw fail("version string is empty") }
        if let plus = bytes.firstIndex(of: UInt8(ascii: "+")) {
            let metadata = bytes[(plus + 1)...]
            for part in metadata.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            where part.isEmpty || !part.allSatisfy(\.isIdentifierCharacter) {
                throw fail("invalid build metadata")
            }
            bytes = bytes[..<plus]
        }
        var labelText: ArraySlice<UInt8>?
        if let dash = bytes.firstIndex(of: UInt8(ascii: "-")) {
            labelText = bytes[(dash + 1)...]
            bytes = bytes[..<dash]
        }
        var values: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var part = 0
        var current: UInt64 = 0
        var digits = 0
        func store() throws(VersionError) {
            guard digits > 0 else { throw fail("version part is not a number") }
            switch part {
            case 0: values.0 = current
            case 1: values.1 = current
            case 2: values.2 = current
            case 3: values.3 = current
            default: throw fail("expected one to four numeric parts")
            }
        }
        for byte in bytes {
            if byte.isASCIIDigit {
                current = current * 10 + UInt64(byte &- UInt8(ascii: "0"))
                digits += 1
                guard current <= UInt64(Int32.max) else { throw fail("version part is too large") }
            } else if byte == UInt8(ascii: ".") {
                try store()
                part += 1
                current = 0
                digits = 0
            } else {
                throw fail("version part is not a number")
            }
        }
        try store()
        parts = values
        if let labelText {
            labels.reserveCapacity(4)
            var start = labelText.startIndex
            while true {
                var stop = start
                while stop < labelText.endIndex, labelText[stop] != UInt8(ascii: ".") { stop += 1 }
                let label = labelText[start..<stop]
                guard !label.isEmpty, label.allSatisfy(\.isIdentifierCharacter) else { throw fail("invalid release label") }
                if allDigits(label), let value = DecimalNumber(digits: label).uint64Value, value <= UInt64(Int32.max) {
                    labels.append(.number(value))
                } else {
                    labels.append(.word(label))
                }
                guard stop < labelText.endIndex else { break }
                start = stop + 1
            }
        }
    }

    /// Ordinal case-insensitive comparison of ASCII labels: -1, 0 or 1.
    private static func compareIgnoringCase(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
        var left = lhs.startIndex, right = rhs.startIndex
        while left < lhs.endIndex, right < rhs.endIndex {
            let a = lhs[left].asciiLowercased, b = rhs[right].asciiLowercased
            if a != b { return a < b ? -1 : 1 }
            left += 1
            right += 1
        }
        return threeWay(lhs.count, rhs.count)
    }

    /// -1, 0 or 1.
    func compare(to other: NuGetVersion) -> Int {
        if parts.0 != other.parts.0 { return parts.0 < other.parts.0 ? -1 : 1 }
        if parts.1 != other.parts.1 { return parts.1 < other.parts.1 ? -1 : 1 }
        if parts.2 != other.parts.2 { return parts.2 < other.parts.2 ? -1 : 1 }
        if parts.3 != other.parts.3 { return parts.3 < other.parts.3 ? -1 : 1 }
        switch (labels.isEmpty, other.labels.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        for index in 0..<min(labels.count, other.labels.count) {
            let order: Int
            switch (labels[index], other.labels[index]) {
            case (.number(let a), .number(let b)): order = threeWay(a, b)
            case (.number, .word): order = -1
            case (.word, .number): order = 1
            case (.word(let a), .word(let b)): order = Self.compareIgnoringCase(a, b)
            }
            if order != 0 { return order }
        }
        return threeWay(labels.count, other.labels.count)
    }
}
