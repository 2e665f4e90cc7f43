/// The keyword prefilter: finds, in one pass over raw bytes, every case-insensitive occurrence of
/// any rule keyword.
///
/// A 64 Ki-entry table indexed by the two lower-cased leading bytes tells in one load whether a
/// keyword can start at a position; an 8 KiB bit set of hashed three-byte prefixes rejects most
/// of the remaining common pairs (`re`, `se`, `pa`…) before any keyword is compared. Keyword-free
/// text costs a few table reads per byte and no allocation.
final class KeywordIndex: Sendable {
    /// Keywords, lower-cased bytes.
    let keywords: [[UInt8]]
    /// For each keyword, the indexes of the rules that listed it.
    let rulesByKeyword: [[Int]]
    /// For each lower-cased byte pair: 0, or 1 + the index of its first candidate in
    /// `candidateList`; bit 15 set when a two-byte keyword is among them.
    private let pairTable: [UInt16]
    /// Candidate keyword indexes grouped by pair, each group ended by -1.
    private let candidateList: [Int32]
    /// All keywords' bytes back to back, and where each starts and ends.
    private let keywordBytes: [UInt8]
    private let keywordBounds: [Int32]
    /// Hashed three-byte keyword prefixes.
    private let trigramBits: [UInt64]
    /// ASCII lower-casing table.
    let lower: [UInt8]

    private static let shortKeywordFlag: UInt16 = 0x8000

    @inline(__always)
    private static func trigramHash(_ a: Int, _ b: Int, _ c: Int) -> Int {
        ((a &* 0x9E37) ^ (b &* 0x85EB) ^ (c &* 0xC2B3)) & 0xFFFF
    }

    init(rules: [SecretRule]) {
        var keywordIDs: [[UInt8]: Int] = [:]
        var keywords: [[UInt8]] = []
        var rulesByKeyword: [[Int]] = []
        for (ruleIndex, rule) in rules.enumerated() {
            for keyword in rule.keywords {
                let bytes = Array(keyword.utf8)
                guard bytes.count >= 2 else { continue }
                if let existing = keywordIDs[bytes] {
                    if rulesByKeyword[existing].last != ruleIndex { rulesByKeyword[existing].append(ruleIndex) }
                } else {
                    keywordIDs[bytes] = keywords.count
                    keywords.append(bytes)
                    rulesByKeyword.append([ruleIndex])
                }
            }
        }
        var lower = [UInt8](repeating: 0, count: 256)
        for value in 0..<256 {
            lower[value] = (value >= 0x41 && value <= 0x5A) ? UInt8(value + 0x20) : UInt8(value)
        }
        var groups: [Int: [Int]] = [:]
        var trigramBits = [UInt64](repeating: 0, count: 1024)
        var keywordBytes: [UInt8] = []
        var keywordBounds: [Int32] = [0]
        for (index, keyword) in keywords.enumerated() {
            groups[Int(keyword[0]) << 8 | Int(keyword[1]), default: []].append(index)
            if keyword.count >= 3 {
                let hash = Self.trigramHash(Int(keyword[0]), Int(keyword[1]), Int(keyword[2]))
                trigramBits[hash >> 6] |= 1 << UInt64(hash & 63)
            }
            keywordBytes += keyword
            keywordBounds.append(Int32(keywordBytes.count))
        }
        var pairTable = [UInt16](repeating: 0, count: 65536)
        var candidateList: [Int32] = []
        for (pair, members) in groups.sorted(by: { $0.key < $1.key }) {
            var entry = UInt16(candidateList.count + 1)
            if members.contains(where: { keywords[$0].count == 2 }) { entry |= Self.shortKeywordFlag }
            pairTable[pair] = entry
            candidateList += members.map { Int32($0) }
            candidateList.append(-1)
        }
        self.keywords = keywords
        self.rulesByKeyword = rulesByKeyword
        self.pairTable = pairTable
        self.candidateList = candidateList
        self.keywordBytes = keywordBytes
        self.keywordBounds = keywordBounds
        self.trigramBits = trigramBits
        self.lower = lower
    }

    /// Calls `visit(keywordIndex, offset)` for every keyword occurrence in `bytes`, in order;
    /// stops early when `visit` returns false.
    func forEachOccurrence(in bytes: UnsafeBufferPointer<UInt8>, _ visit: (Int, Int) -> Bool) {
        let count = bytes.count
        guard count >= 2, let base = bytes.baseAddress else { return }
        pairTable.withUnsafeBufferPointer { table in
        lower.withUnsafeBufferPointer { lower in
        trigramBits.withUnsafeBufferPointer { trigrams in
        candidateList.withUnsafeBufferPointer { candidates in
        keywordBytes.withUnsafeBufferPointer { keywordBytes in
        keywordBounds.withUnsafeBufferPointer { bounds in
            var previous = Int(lower[Int(base[0])])
            var index = 1
            while index < count {
                let current = Int(lower[Int(base[index])])
                let slot = table[previous << 8 | current]
                if slot != 0 {
                    let start = index - 1
                    var worthChecking = slot & Self.shortKeywordFlag != 0
                    if !worthChecking && index + 1 < count {
                        let hash = Self.trigramHash(previous, current, Int(lower[Int(base[index + 1])]))
                        worthChecking = trigrams[hash >> 6] & (1 << UInt64(hash & 63)) != 0
                    }
                    if worthChecking {
                        var cursor = Int(slot & ~Self.shortKeywordFlag) - 1
                        while candidates[cursor] >= 0 {
                            let keywordIndex = Int(candidates[cursor])
                            cursor += 1
                            let keywordStart = Int(bounds[keywordIndex])
                            let length = Int(bounds[keywordIndex + 1]) - keywordStart
                            guard start + length <= count else { continue }
                            var offset = 2
                            while offset < length && lower[Int(base[start + offset])] == keywordBytes[keywordStart + offset] { offset += 1 }
                            if offset == length && !visit(keywordIndex, start) { return }
                        }
                    }
                }
                previous = current
                index += 1
            }
        }
        }
        }
        }
        }
        }
    }
}
