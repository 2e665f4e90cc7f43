/// Shell-style glob matching for ignore-file `path` and `image` patterns.
///
/// `?` matches one character and `*` any run of characters; in path patterns `*` stops at `/`
/// while `**` crosses it (`/usr/lib/**` covers everything below `/usr/lib`). A pattern without
/// wildcards must equal the text. Matching works on UTF-8 bytes with the classic backtracking
/// algorithm, linear in practice and never recursive, so hostile patterns cannot blow the stack.
public struct SuppressionGlob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    /// Whether a single `*` may match `/` too (image references) or not (paths).
    public let starCrossesSlash: Bool
    private let bytes: [UInt8]

    /// Creates a glob; `starCrossesSlash` makes `*` behave like `**`.
    public init(_ pattern: String, starCrossesSlash: Bool = false) {
        self.pattern = pattern
        self.starCrossesSlash = starCrossesSlash
        self.bytes = Array(pattern.utf8)
    }

    public var description: String { pattern }

    /// Whether the pattern has any wildcard.
    public var hasWildcards: Bool { bytes.contains(0x2A) || bytes.contains(0x3F) }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        if !hasWildcards { return text == pattern }
        let subject = Array(text.utf8)
        let slash: UInt8 = 0x2F
        let star: UInt8 = 0x2A
        let question: UInt8 = 0x3F
        var p = 0
        var s = 0
        // The most recent star: where the pattern resumes after it, whether it crosses `/`, and where its match ends so far.
        var resume = -1
        var starCrosses = false
        var starSubject = 0
        while s < subject.count {
            if p < bytes.count, bytes[p] == star {
                var crosses = starCrossesSlash
                var next = p + 1
                if next < bytes.count, bytes[next] == star {
                    crosses = true
                    while next < bytes.count, bytes[next] == star { next += 1 }
                    // `**/` also matches zero directories: try skipping the slash first.
                    if next < bytes.count, bytes[next] == slash, s == 0 || subject[s - 1] == slash {
                        resume = next
                        starCrosses = true
                        starSubject = s
                        p = next + 1
                        if p <= bytes.count { continue }
                    }
                }
                resume = next
                starCrosses = crosses
                starSubject = s
                p = next
                continue
            }
            if p < bytes.count, bytes[p] == question ? (subject[s] != slash || starCrossesSlash) : bytes[p] == subject[s] {
                p += 1
                s += 1
                continue
            }
            // Backtrack: let the last star swallow one more character, unless that is a `/` it may not cross.
            guard resume >= 0, starSubject < subject.count, starCrosses || subject[starSubject] != slash else { return false }
            starSubject += 1
            s = starSubject
            p = resume
        }
        while p < bytes.count, bytes[p] == star { p += 1 }
        return p == bytes.count
    }
}
