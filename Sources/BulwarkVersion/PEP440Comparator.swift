/// Python PEP 440 ordering, matching `packaging.version.Version`: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`
/// with the spec's normalizations (case-insensitive, optional `v`, `alpha`/`beta`/`c`/`pre`/`preview`
/// spellings, `-N` and `rev`/`r` post-releases, optional `.`/`-`/`_` separators and numbers, trailing
/// zeros in the release ignored, surrounding whitespace ignored).
public struct PEP440Comparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.pep440`.
    public var scheme: VersionScheme { .pep440 }

    /// Compares two PEP 440 versions.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try PEP440Version(lhs)
        let right = try PEP440Version(rhs)
        return left.compare(to: right)
    }

    /// Whether `version` is a valid PEP 440 version.
    public func isValid(_ version: String) -> Bool {
        (try? PEP440Version(version)) != nil
    }
}

/// A parsed PEP 440 version, holding exactly what ordering needs.
struct PEP440Version: Sendable {
    /// One segment of a local version label: numbers sort after words.
    enum LocalSegment: Sendable {
        case number(DecimalNumber)
        case word(ArraySlice<UInt8>)
    }

    var epoch = DecimalNumber.zero
    var release: [DecimalNumber] = []
    /// 0 = dev-only release (sorts before any pre-release), 1 = a, 2 = b, 3 = rc, 4 = no pre-release.
    var preRank = 4
    var preNumber = DecimalNumber.zero
    var post: DecimalNumber?
    var dev: DecimalNumber?
    var local: [LocalSegment]?

    private static let preReleaseWords: [[UInt8]] = ["alpha", "a", "beta", "b", "preview", "pre", "c", "rc"].map { Array($0.utf8) }
    /// The rank of each of `preReleaseWords`: a 1, b 2, rc 3.
    private static let preReleaseRanks = [1, 1, 2, 2, 3, 3, 3, 3]
    private static let postReleaseWords: [[UInt8]] = ["post", "rev", "r"].map { Array($0.utf8) }
    private static let devWords: [[UInt8]] = [Array("dev".utf8)]

    /// Parses `text`, throwing when `packaging` would raise `InvalidVersion`.
    init(_ text: String) throws(VersionError) {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: .pep440, reason: reason) }
        var bytes = trimmedBytes(text)
        for index in bytes.indices { bytes[index] = bytes[index].asciiLowercased }
        var cursor = bytes.startIndex
        let end = bytes.endIndex
        func peek(_ offset: Int = 0) -> UInt8? { cursor + offset < end ? bytes[cursor + offset] : nil }
        func isSeparator(_ byte: UInt8?) -> Bool {
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        func digits() -> ArraySlice<UInt8>? {
            let start = cursor
            while cursor < end, bytes[cursor].isASCIIDigit { cursor += 1 }
            return cursor > start ? bytes[start..<cursor] : nil
        }
        /// Consumes the longest of `words` at the cursor (after an optional separator); its index.
        func word(_ words: [[UInt8]], afterOptionalSeparator: Bool) -> Int? {
            let start = cursor
            if afterOptionalSeparator, isSeparator(peek()) { cursor += 1 }
            var bestIndex = -1, bestLength = 0
            for index in words.indices {
                let candidate = words[index]
                if candidate.count > bestLength, end - cursor >= candidate.count,
                    bytes[cursor..<(cursor + candidate.count)].elementsEqual(candidate)
                {
                    bestIndex = index
                    bestLength = candidate.count
                }
            }
            guard bestIndex >= 0 else { cursor = start; return nil }
            cursor += bestLength
            return bestIndex
        }
        /// The optional separator and number after a pre/post/dev word (a missing number means 0).
        /// The separator is always taken: everything that may follow starts with an optional one.
        func optionalNumber() -> DecimalNumber {
            if isSeparator(peek()) { cursor += 1 }
            return digits().map { DecimalNumber(digits: $0) } ?? .zero
        }

        if peek() == UInt8(ascii: "v") { cursor += 1 }
        // Epoch and release.
        guard let firstNumber = digits() else { throw fail("release number expected") }
        if peek() == UInt8(ascii: "!") {
            cursor += 1
            epoch = DecimalNumber(digits: firstNumber)
            guard let releaseStart = digits() else { throw fail("release number expected after epoch") }
            release.append(DecimalNumber(digits: releaseStart))
        } else {
            release.append(DecimalNumber(digits: firstNumber))
        }
        while peek() == UInt8(ascii: "."), let next = peek(1), next.isASCIIDigit {
            cursor += 1
            if let number = digits() { release.append(DecimalNumber(digits: number)) }
        }
        // Pre-release.
        if let index = word(Self.preReleaseWords, afterOptionalSeparator: true) {
            preRank = Self.preReleaseRanks[index]
            preNumber = optionalNumber()
        }
        // Post-release.
        if peek() == UInt8(ascii: "-"), let next = peek(1), next.isASCIIDigit {
            cursor += 1
            post = digits().map { DecimalNumber(digits: $0) }
        } else if word(Self.postReleaseWords, afterOptionalSeparator: true) != nil {
            post = optionalNumber()
        }
        // Development release.
        if word(Self.devWords, afterOptionalSeparator: true) != nil {
            dev = optionalNumber()
        }
        // Local version label.
        if peek() == UInt8(ascii: "+") {
            cursor += 1
            var segments: [LocalSegment] = []
            while true {
                let start = cursor
                while cursor < end, bytes[cursor].isASCIIAlphanumeric { cursor += 1 }
                guard cursor > start else { throw fail("empty local version segment") }
                let segment = bytes[start..<cursor]
                segments.append(allDigits(segment) ? .number(DecimalNumber(digits: segment)) : .word(segment))
                guard isSeparator(peek()) else { break }
                cursor += 1
            }
            local = segments
        }
        guard cursor == end else { throw fail("unexpected text at offset \(cursor - bytes.startIndex)") }
        if preRank == 4, post == nil, dev != nil { preRank = 0 }
    }

    /// -1, 0 or 1, following `packaging`'s comparison key.
    func compare(to other: PEP440Version) -> Int {
        var order = DecimalNumber.threeWay(epoch, other.epoch)
        if order != 0 { return order }
        for index in 0..<max(release.count, other.release.count) {
            let a = index < release.count ? release[index] : .zero
            let b = index < other.release.count ? other.release[index] : .zero
            order = DecimalNumber.threeWay(a, b)
            if order != 0 { return order }
        }
        order = threeWay(preRank, other.preRank)
        if order != 0 { return order }
        order = DecimalNumber.threeWay(preNumber, other.preNumber)
        if order != 0 { return order }
        switch (post, other.post) {
        case (nil, nil): break
        case (nil, _): return -1
        case (_, nil): return 1
        case (let a?, let b?):
            order = DecimalNumber.threeWay(a, b)
            if order != 0 { return order }
        }
        switch (dev, other.dev) {
        case (nil, nil): break
        case (nil, _): return 1
        case (_, nil): return -1
        case (let a?, let b?):
            order = DecimalNumber.threeWay(a, b)
            if order != 0 { return order }
        }
        switch (local, other.local) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let a?, let b?):
            for index in 0..<min(a.count, b.count) {
                switch (a[index], b[index]) {
                case (.number(let x), .number(let y)): order = DecimalNumber.threeWay(x, y)
                case (.number, .word): order = 1
                case (.word, .number): order = -1
                case (.word(let x), .word(let y)): order = compareBytes(x, y)
                }
                if order != 0 { return order }
            }
            return threeWay(a.count, b.count)
        }
    }
}
