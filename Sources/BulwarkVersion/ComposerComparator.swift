/// Composer (Packagist) ordering: each version is normalized the way Composer's `VersionParser`
/// does (`v` prefix dropped, padded to four numbers, `a`/`b`/`rc`/`p`/`pl` expanded to
/// alpha/beta/RC/patch, `-dev` kept, build metadata and `@stability` flags dropped, date versions
/// and `1.x-dev` branches handled), then the normalized strings are compared with PHP's
/// `version_compare` (dev < alpha < beta < RC < release < patch).
///
/// Strings Composer refuses to normalize throw. `dev-<branch>` versions are accepted and ordered by
/// `version_compare` too (as Composer does when asked to compare branches): before any release.
public struct ComposerComparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.composer`.
    public var scheme: VersionScheme { .composer }

    /// Compares two Composer versions.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        if let left = ComposerVersion.plainNumbers(lhs), let right = ComposerVersion.plainNumbers(rhs) {
            for index in 0..<4 where left[index] != right[index] { return left[index] < right[index] ? -1 : 1 }
            return 0
        }
        let left = try ComposerVersion.normalize(lhs)
        let right = try ComposerVersion.normalize(rhs)
        return PHPVersionCompare.compare(left[...], right[...])
    }

    /// Whether Composer can normalize `version`.
    public func isValid(_ version: String) -> Bool {
        (try? ComposerVersion.normalize(version)) != nil
    }

    /// The normalized form Composer stores for `version` (e.g. `1.0.0.0-beta2`).
    public func normalized(_ version: String) throws(VersionError) -> String {
        String(decoding: try ComposerVersion.normalize(version), as: UTF8.self)
    }
}

/// Composer's `VersionParser::normalize`, on bytes.
enum ComposerVersion {
    /// Longest input accepted.
    static let maximumLength = 1024

    /// The parts of a matched stability modifier.
    private struct Modifier {
        var stability: [UInt8]?
        var number: ArraySlice<UInt8> = []
        var dev = false
    }

    private static let branchNames: [[UInt8]] = ["master", "trunk", "default"].map { Array($0.utf8) }

    private static let stabilityWords: [[UInt8]] = ["stable", "beta", "b", "rc", "alpha", "a", "patch", "pl", "p"].map { Array($0.utf8) }

    /// The four numbers of a plain `[v]N[.N[.N[.N]]]` version (major at most five digits), read
    /// without allocating; nil for anything else. Each saturates like PHP's `strtol`.
    static func plainNumbers(_ text: String) -> SIMD4<UInt64>? {
        var numbers = SIMD4<UInt64>(repeating: 0)
        var part = 0
        var digits = 0
        var first = true
        for byte in text.utf8 {
            if first {
                first = false
                if byte == UInt8(ascii: "v") || byte == UInt8(ascii: "V") { continue }
            }
            if byte.isASCIIDigit {
                digits += 1
                if part == 0, digits > 5 { return nil }
                let (times10, overflow1) = numbers[part].multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
                numbers[part] = overflow1 || overflow2 || sum > UInt64(Int64.max) ? UInt64(Int64.max) : sum
            } else if byte == UInt8(ascii: "."), digits > 0, part < 3 {
                part += 1
                digits = 0
            } else {
                return nil
            }
        }
        return digits > 0 ? numbers : nil
    }

    /// The normalized version bytes, or a VersionError.
    static func normalize(_ text: String) throws(VersionError) -> [UInt8] {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: .composer, reason: reason) }
        guard text.utf8.count <= maximumLength else { throw fail("longer than \(maximumLength) characters") }
        var bytes = trimmedBytes(text)
        // "1.0 as 2.0" aliases: keep the first.
        if bytes.contains(UInt8(ascii: " ")), case let words = bytes.split(separator: UInt8(ascii: " ")), words.count == 3, words[1].elementsEqual("as".utf8),
            !bytes.contains(where: { $0.isASCIIWhitespace && $0 != UInt8(ascii: " ") }),
            !words[0].contains(UInt8(ascii: ",")), !words[2].contains(UInt8(ascii: ","))
        {
            bytes = words[0]
        }
        // "@dev"-style stability flags.
        if let at = bytes.lastIndex(of: UInt8(ascii: "@")) {
            let flag = String(decoding: bytes[(at + 1)...], as: UTF8.self).lowercased()
            if ["stable", "rc", "beta", "alpha", "dev"].contains(flag) { bytes = bytes[..<at] }
        }
        for branch in branchNames where bytes.elementsEqual(branch) { return Array("dev-".utf8) + branch }
        if bytes.count >= 4, bytes.prefix(4).map(\.asciiLowercased).elementsEqual("dev-".utf8) {
            return Array("dev-".utf8) + bytes.dropFirst(4)
        }
        // Build metadata.
        if let plus = bytes.firstIndex(of: UInt8(ascii: "+")), plus > bytes.startIndex, plus + 1 < bytes.endIndex,
            !bytes[..<plus].contains(where: { $0 == UInt8(ascii: ",") || $0.isASCIIWhitespace }),
            !bytes[(plus + 1)...].contains(where: \.isASCIIWhitespace)
        {
            bytes = bytes[..<plus]
        }
        if let classical = classicalVersion(bytes) { return classical }
        if let dated = dateVersion(bytes) { return dated }
        // "1.x-dev" style branches.
        if bytes.count >= 3, bytes.suffix(3).map(\.asciiLowercased).elementsEqual("dev".utf8) {
            var name = bytes.dropLast(3)
            if let last = name.last, last == UInt8(ascii: ".") || last == UInt8(ascii: "-") { name = name.dropLast() }
            if let branch = numericBranch(name) { return branch }
        }
        throw fail("invalid version string")
    }

    /// `^v?(\d{1,5})(\.\d+)?(\.\d+)?(\.\d+)?<modifier>$`, normalized.
    private static func classicalVersion(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var cursor = bytes.startIndex
        let end = bytes.endIndex
        if cursor < end, bytes[cursor].asciiLowercased == UInt8(ascii: "v") { cursor += 1 }
        let majorStart = cursor
        while cursor < end, bytes[cursor].isASCIIDigit { cursor += 1 }
        let majorLength = cursor - majorStart
        guard majorLength >= 1, majorLength <= 5 else { return nil }
        var result = Array(bytes[majorStart..<cursor])
        for _ in 0..<3 {
            if cursor + 1 < end, bytes[cursor] == UInt8(ascii: "."), bytes[cursor + 1].isASCIIDigit {
                let start = cursor
                cursor += 1
                while cursor < end, bytes[cursor].isASCIIDigit { cursor += 1 }
                result += bytes[start..<cursor]
            } else {
                result += ".0".utf8
            }
        }
        guard let modifier = modifier(bytes[cursor...]) else { return nil }
        return appendModifier(modifier, to: result)
    }

    /// `^v?(\d{4}(?:[.:-]?\d{2}){1,6}(?:[.:-]?\d{1,3}){0,2})<modifier>$`, normalized (date versions).
    private static func dateVersion(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var cursor = bytes.startIndex
        if cursor < bytes.endIndex, bytes[cursor].asciiLowercased == UInt8(ascii: "v") { cursor += 1 }
        // Backtracking search over the date part's possible ends; the modifier must match the rest.
        var ends: [Int] = []
        func digitsAt(_ index: Int, _ count: Int) -> Bool {
            index + count <= bytes.endIndex && bytes[index..<(index + count)].allSatisfy(\.isASCIIDigit)
        }
        func isDateSeparator(_ index: Int) -> Bool {
            index < bytes.endIndex && [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(bytes[index])
        }
        func pairs(_ index: Int, _ done: Int) {
            if done >= 1 { trailing(index, 0) }
            guard done < 6 else { return }
            if digitsAt(index, 2) { pairs(index + 2, done + 1) }
            if isDateSeparator(index), digitsAt(index + 1, 2) { pairs(index + 3, done + 1) }
        }
        func trailing(_ index: Int, _ done: Int) {
            ends.append(index)
            guard done < 2 else { return }
            for start in [index, index + 1] {
                if start == index + 1, !isDateSeparator(index) { continue }
                for length in 1...3 where digitsAt(start, length) { trailing(start + length, done + 1) }
            }
        }
        guard digitsAt(cursor, 4) else { return nil }
        pairs(cursor + 4, 0)
        for end in ends.sorted(by: >) {
            guard let modifier = modifier(bytes[end...]) else { continue }
            let date = bytes[cursor..<end].map { $0.isASCIIDigit ? $0 : UInt8(ascii: ".") }
            return appendModifier(modifier, to: date)
        }
        return nil
    }

    /// `[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\d+)*))?([.-]?dev)?$`, case-insensitive.
    private static func modifier(_ bytes: ArraySlice<UInt8>) -> Modifier? {
        let lowered = bytes.map(\.asciiLowercased)[...]
        let base = lowered.startIndex
        var starts = [base]
        if let first = lowered.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "_") || first == UInt8(ascii: "-") {
            starts.insert(base + 1, at: 0)
        }
        func devTail(_ rest: ArraySlice<UInt8>) -> Bool? {
            if rest.isEmpty { return false }
            var tail = rest
            if let first = tail.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "-") { tail = tail.dropFirst() }
            if tail.elementsEqual("dev".utf8) { return true }
            return nil
        }
        for start in starts {
            let rest = lowered[start...]
            for word in stabilityWords where rest.starts(with: word) {
                var cursor = start + word.count
                let numberStart = cursor
                while true {
                    var probe = cursor
                    if probe < lowered.endIndex, lowered[probe] == UInt8(ascii: ".") || lowered[probe] == UInt8(ascii: "-") { probe += 1 }
                    guard probe < lowered.endIndex, lowered[probe].isASCIIDigit else { break }
                    while probe < lowered.endIndex, lowered[probe].isASCIIDigit { probe += 1 }
                    cursor = probe
                }
                if let dev = devTail(lowered[cursor...]) {
                    return Modifier(stability: word, number: lowered[numberStart..<cursor], dev: dev)
                }
            }
            if let dev = devTail(rest) { return Modifier(stability: nil, dev: dev) }
        }
        return nil
    }

    private static func appendModifier(_ modifier: Modifier, to version: [UInt8]) -> [UInt8] {
        var result = version
        if let stability = modifier.stability {
            if stability.elementsEqual("stable".utf8) { return result }
            result.append(UInt8(ascii: "-"))
            switch String(decoding: stability, as: UTF8.self) {
            case "a", "alpha": result += "alpha".utf8
            case "b", "beta": result += "beta".utf8
            case "p", "pl", "patch": result += "patch".utf8
            case "rc": result += "RC".utf8
            default: result += stability
            }
            var number = modifier.number
            while let first = number.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "-") { number = number.dropFirst() }
            result += number
        }
        if modifier.dev { result += "-dev".utf8 }
        return result
    }

    /// `^v?(\d+)(\.(\d+|[xX*]))?(\.(\d+|[xX*]))?(\.(\d+|[xX*]))?$` → `N.N.9999999.9999999-dev`.
    private static func numericBranch(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var cursor = bytes.startIndex
        let end = bytes.endIndex
        if cursor < end, bytes[cursor].asciiLowercased == UInt8(ascii: "v") { cursor += 1 }
        let majorStart = cursor
        while cursor < end, bytes[cursor].isASCIIDigit { cursor += 1 }
        guard cursor > majorStart else { return nil }
        var result = Array(bytes[majorStart..<cursor])
        let wildcard = Array("9999999".utf8)
        for _ in 0..<3 {
            guard cursor < end else {
                result.append(UInt8(ascii: "."))
                result += wildcard
                continue
            }
            guard bytes[cursor] == UInt8(ascii: "."), cursor + 1 < end else { return nil }
            cursor += 1
            result.append(UInt8(ascii: "."))
            if bytes[cursor].isASCIIDigit {
                let start = cursor
                while cursor < end, bytes[cursor].isASCIIDigit { cursor += 1 }
                result += bytes[start..<cursor]
            } else if bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X") || bytes[cursor] == UInt8(ascii: "*") {
                cursor += 1
                result += wildcard
            } else {
                return nil
            }
        }
        guard cursor == end else { return nil }
        return result + "-dev".utf8
    }
}
