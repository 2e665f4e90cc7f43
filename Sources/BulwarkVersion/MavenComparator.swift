/// Maven version ordering, as Maven 3.8's `ComparableVersion`.
///
/// A version is split into items at `.` and `-` and at every switch between digits and letters; a
/// `-`, a digit/letter switch, and a word that ends the version or precedes digits (unless it leads
/// its list) open a nested sub-list. Numbers compare numerically; qualifiers
/// rank `alpha` < `beta` < `milestone` < `rc` = `cr` < `snapshot` < "" = `ga` = `final` = `release`
/// < `sp` < any other word (other words compare alphabetically, case-insensitively); single letters
/// `a`, `b`, `m` directly followed by a digit mean alpha, beta, milestone. Trailing zeros and
/// release qualifiers are dropped, so `1.0.0` = `1` = `1-ga`.
///
/// Maven accepts any string; here empty strings, whitespace or control characters, and versions
/// nested more than 256 levels deep throw.
public struct MavenComparator: VersionComparator {
    /// Creates the comparator.
    public init() {}

    /// `.maven`.
    public var scheme: VersionScheme { .maven }

    /// Compares two Maven versions.
    public func compare(_ lhs: String, _ rhs: String) throws(VersionError) -> Int {
        let left = try MavenVersion(lhs)
        let right = try MavenVersion(rhs)
        return MavenVersion.Item.compare(.list(left.items), .list(right.items))
    }

    /// Whether `version` is accepted.
    public func isValid(_ version: String) -> Bool {
        (try? MavenVersion(version)) != nil
    }
}

/// A parsed Maven version: a tree of items.
struct MavenVersion: Sendable {
    /// One item of the version tree.
    enum Item: Sendable {
        case number(DecimalNumber)
        case qualifier(Qualifier)
        case list([Item])

        /// Whether this item vanishes when trailing (0, a release qualifier, an empty list).
        var isNull: Bool {
            switch self {
            case .number(let value): value.isZero
            case .qualifier(let qualifier): qualifier == .known(MavenVersion.releaseRank)
            case .list(let items): items.isEmpty
            }
        }

        /// ComparableVersion's `compareTo`, where a nil right side means "nothing" (padding).
        static func compare(_ lhs: Item, _ rhs: Item?) -> Int {
            switch lhs {
            case .number(let value):
                guard let rhs else { return value.isZero ? 0 : 1 }
                switch rhs {
                case .number(let other): return DecimalNumber.threeWay(value, other)
                case .qualifier, .list: return 1
                }
            case .qualifier(let qualifier):
                guard let rhs else { return qualifier.compare(to: .known(MavenVersion.releaseRank)) }
                switch rhs {
                case .number, .list: return -1
                case .qualifier(let other): return qualifier.compare(to: other)
                }
            case .list(let items):
                guard let rhs else {
                    for item in items {
                        let order = compare(item, nil)
                        if order != 0 { return order }
                    }
                    return 0
                }
                switch rhs {
                case .number: return -1
                case .qualifier: return 1
                case .list(let others):
                    for index in 0..<max(items.count, others.count) {
                        let left = index < items.count ? items[index] : nil
                        let right = index < others.count ? others[index] : nil
                        let order: Int
                        if let left { order = compare(left, right) } else if let right { order = -compare(right, nil) } else { order = 0 }
                        if order != 0 { return order }
                    }
                    return 0
                }
            }
        }
    }

    /// A word item, ranked by Maven's qualifier list.
    enum Qualifier: Equatable, Sendable {
        /// alpha 0, beta 1, milestone 2, rc 3, snapshot 4, release 5, sp 6.
        case known(Int)
        /// Any other word (lower-cased); sorts after all known ones.
        case other([UInt8])

        func compare(to other: Qualifier) -> Int {
            switch (self, other) {
            case (.known(let a), .known(let b)): threeWay(a, b)
            case (.known, .other): -1
            case (.other, .known): 1
            case (.other(let a), .other(let b)): compareBytes(a[...], b[...])
            }
        }

        init(_ word: ArraySlice<UInt8>, followedByDigit: Bool) {
            if followedByDigit, word.count == 1 {
                switch word.first {
                case UInt8(ascii: "a"): self = .known(0); return
                case UInt8(ascii: "b"): self = .known(1); return
                case UInt8(ascii: "m"): self = .known(2); return
                default: break
                }
            }
            for (name, rank) in Qualifier.knownWords where word.elementsEqual(name) {
                self = .known(rank)
                return
            }
            self = .other(Array(word))
        }

        /// Known qualifier spellings and their ranks (aliases included).
        private static let knownWords: [([UInt8], Int)] = [
            ("alpha", 0), ("beta", 1), ("milestone", 2), ("rc", 3), ("cr", 3), ("snapshot", 4), ("", 5), ("ga", 5),
            ("final", 5), ("release", 5), ("sp", 6),
        ].map { (Array($0.0.utf8), $0.1) }
    }

    /// The rank of the release ("") qualifier.
    static let releaseRank = 5
    /// Deepest nesting accepted (each `-` or digit/letter switch nests one level).
    static let maximumDepth = 256

    /// The top-level list.
    let items: [Item]

    /// Parses `text` into ComparableVersion's item tree.
    init(_ text: String) throws(VersionError) {
        func fail(_ reason: String) -> VersionError { VersionError(version: text, scheme: .maven, reason: reason) }
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw fail("version string is empty") }
        if bytes.contains(where: \.isControlOrSpace) { throw fail("contains whitespace or control characters") }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for index in bytes.indices { bytes[index] = bytes[index].asciiLowercased }
        } else {
            bytes = Array(text.lowercased().utf8)  // Java lower-cases all of Unicode
        }

        // Open lists, innermost last; each closes (is normalized and attached) at the end.
        var stack: [[Item]] = [[]]
        stack.reserveCapacity(4)
        func item(_ isDigit: Bool, _ range: Range<Int>) -> Item {
            isDigit ? .number(DecimalNumber(digits: bytes[range])) : .qualifier(Qualifier(bytes[range], followedByDigit: false))
        }
        func openList() throws(VersionError) {
            guard stack.count < Self.maximumDepth else { throw fail("nested more than \(Self.maximumDepth) levels") }
            stack.append([])
        }
        var isDigit = false
        var start = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                stack[stack.count - 1].append(index == start ? .number(.zero) : item(isDigit, start..<index))
                start = index + 1
            } else if byte == UInt8(ascii: "-") {
                stack[stack.count - 1].append(index == start ? .number(.zero) : item(isDigit, start..<index))
                start = index + 1
                try openList()
            } else if byte.isASCIIDigit {
                if !isDigit, index > start {
                    // A word followed by digits starts its own sub-list unless it leads the current one.
                    if !stack[stack.count - 1].isEmpty { try openList() }
                    stack[stack.count - 1].append(.qualifier(Qualifier(bytes[start..<index], followedByDigit: true)))
                    start = index
                    try openList()
                }
                isDigit = true
            } else {
                if isDigit, index > start {
                    stack[stack.count - 1].append(item(true, start..<index))
                    start = index
                    try openList()
                }
                isDigit = false
            }
        }
        if bytes.count > start {
            // A trailing word starts its own sub-list unless it leads the current one.
            if !isDigit, !stack[stack.count - 1].isEmpty { try openList() }
            stack[stack.count - 1].append(item(isDigit, start..<bytes.count))
        }
        // Close lists from the innermost out: normalize, then attach to the parent.
        while stack.count > 1 {
            var inner = stack.removeLast()
            Self.normalize(&inner)
            stack[stack.count - 1].append(.list(inner))
        }
        var top = stack.removeLast()
        Self.normalize(&top)
        items = top
    }

    /// Drops trailing null items, looking past trailing sub-lists (ComparableVersion.normalize).
    private static func normalize(_ list: inout [Item]) {
        var index = list.count - 1
        while index >= 0 {
            let item = list[index]
            if item.isNull {
                list.remove(at: index)
            } else if case .list = item {
                // keep looking before it
            } else {
                break
            }
            index -= 1
        }
    }
}
