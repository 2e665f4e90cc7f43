import Foundation

/// A license text identified by ``LicenseTextIdentifier``.
public struct LicenseTextMatch: Hashable, Sendable {
    /// The SPDX id of the reference text that matched best.
    public var id: String
    /// Dice similarity of the word 3-gram sets of the input and the reference, 0…1.
    public var score: Double
    /// The share of the reference's 3-grams found in the input, 0…1 (high when the input is the
    /// license plus extra text, such as Apache-2.0 followed by a NOTICE).
    public var coverage: Double
    /// Where the reference text came from: `"bundled"` or a file path.
    public var source: String

    /// Creates a match.
    public init(id: String, score: Double, coverage: Double, source: String) {
        self.id = id
        self.score = score
        self.coverage = coverage
        self.source = source
    }
}

/// Identifies a license file (LICENSE, COPYING, NOTICE…) by text similarity against reference texts.
///
/// Texts are normalized (lower-case ASCII words; copyright lines, punctuation and layout dropped), cut
/// into word 3-grams (hashed), and compared with every reference: the best reference by Dice similarity
/// wins when its Dice score reaches ``threshold`` or it is covered almost entirely (``coverageThreshold``),
/// so a license with an appended notice still matches. Among near-identical references (BSD-2 inside
/// BSD-3, 0BSD inside ISC) the higher Dice score decides. Only the first ``maxInputBytes`` are read.
public struct LicenseTextIdentifier: Sendable {
    /// One reference text, pre-processed.
    public struct Reference: Sendable {
        /// The SPDX id the text stands for.
        public var id: String
        /// `"bundled"` or the file it was read from.
        public var source: String
        let shingles: Set<UInt64>
    }

    /// The most bytes of an input that are read.
    public static let maxInputBytes = 256 * 1024
    /// The Debian folder of common license texts.
    public static let debianCommonLicenses = "/usr/share/common-licenses"
    /// Debian's file names in ``debianCommonLicenses`` → SPDX ids (unversioned symlinks are skipped).
    public static let debianFileIDs: [String: String] = [
        "Apache-2.0": "Apache-2.0", "Artistic": "Artistic-1.0-Perl", "BSD": "BSD-3-Clause", "CC0-1.0": "CC0-1.0",
        "GFDL-1.2": "GFDL-1.2-only", "GFDL-1.3": "GFDL-1.3-only", "GPL-1": "GPL-1.0-only", "GPL-2": "GPL-2.0-only",
        "GPL-3": "GPL-3.0-only", "LGPL-2": "LGPL-2.0-only", "LGPL-2.1": "LGPL-2.1-only", "LGPL-3": "LGPL-3.0-only",
        "MPL-1.1": "MPL-1.1", "MPL-2.0": "MPL-2.0",
    ]

    /// The references compared against.
    public let references: [Reference]
    /// The Dice similarity at or above which the best reference is accepted.
    public var threshold: Double
    /// The reference coverage at or above which the best reference is accepted whatever its Dice score.
    public var coverageThreshold: Double

    /// Creates an identifier over `texts` (SPDX id, text, source).
    public init(texts: [(id: String, text: String, source: String)], threshold: Double = 0.75, coverageThreshold: Double = 0.9) {
        self.references = texts.compactMap { entry in
            let shingles = Self.shingles(Array(entry.text.utf8.prefix(Self.maxInputBytes)))
            return shingles.isEmpty ? nil : Reference(id: entry.id, source: entry.source, shingles: shingles)
        }
        self.threshold = threshold
        self.coverageThreshold = coverageThreshold
    }

    /// An identifier over the bundled texts only (MIT, ISC, BSD-2/3, Zlib, Unlicense, 0BSD, BSL-1.0,
    /// X11, PostgreSQL, MIT-0, Apache-2.0).
    public static func bundled() -> LicenseTextIdentifier {
        LicenseTextIdentifier(texts: BundledLicenseTexts.all.map { ($0.id, $0.text, "bundled") })
    }

    /// The bundled texts plus the texts of `commonLicensesDirectory` that exist (Debian's GPL, LGPL,
    /// MPL, GFDL, Artistic, CC0…). Missing or unreadable files are skipped.
    public static func standard(commonLicensesDirectory: String = debianCommonLicenses) -> LicenseTextIdentifier {
        var texts = BundledLicenseTexts.all.map { (id: $0.id, text: $0.text, source: "bundled") }
        for (file, id) in debianFileIDs.sorted(by: { $0.key < $1.key }) {
            let path = commonLicensesDirectory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            texts.append((id, String(decoding: data.prefix(maxInputBytes), as: UTF8.self), path))
        }
        return LicenseTextIdentifier(texts: texts)
    }

    /// The best matching reference for `text`, or nil when none is similar enough.
    public func identify(_ text: String) -> LicenseTextMatch? {
        identify(bytes: Array(text.utf8.prefix(Self.maxInputBytes)))
    }

    /// The best matching reference for raw file bytes (only the first ``maxInputBytes`` are read; invalid
    /// UTF-8 is harmless: only ASCII letters and digits form words), or nil.
    public func identify(bytes: [UInt8]) -> LicenseTextMatch? {
        guard let best = rank(bytes: bytes).first else { return nil }
        return best.score >= threshold || best.coverage >= coverageThreshold ? best : nil
    }

    /// Every reference scored against `bytes`, best (highest Dice) first; references sharing no 3-gram
    /// are left out.
    public func rank(bytes: [UInt8]) -> [LicenseTextMatch] {
        let input = Self.shingles(bytes.count > Self.maxInputBytes ? Array(bytes.prefix(Self.maxInputBytes)) : bytes)
        guard !input.isEmpty else { return [] }
        var matches: [LicenseTextMatch] = []
        for reference in references {
            let (small, large) = input.count < reference.shingles.count ? (input, reference.shingles) : (reference.shingles, input)
            var common = 0
            for shingle in small where large.contains(shingle) { common += 1 }
            guard common > 0 else { continue }
            let dice = 2 * Double(common) / Double(input.count + reference.shingles.count)
            let coverage = Double(common) / Double(reference.shingles.count)
            matches.append(LicenseTextMatch(id: reference.id, score: dice, coverage: coverage, source: reference.source))
        }
        return matches.sorted { $0.score != $1.score ? $0.score > $1.score : $0.coverage > $1.coverage }
    }

    /// The hashed word 3-grams of a text after normalization: copyright lines (starting with
    /// `Copyright`, `(c)` or `©`) are dropped; words are runs of ASCII letters and digits, lower-cased.
    static func shingles(_ bytes: [UInt8]) -> Set<UInt64> {
        var words: [UInt64] = []
        words.reserveCapacity(bytes.count / 5)
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if !isCopyrightLine(bytes, lineStart, lineEnd) { appendWords(bytes, lineStart, lineEnd, to: &words) }
            lineStart = lineEnd + 1
        }
        var shingles = Set<UInt64>(minimumCapacity: words.count)
        if words.count < 3 {
            if !words.isEmpty { shingles.insert(words.reduce(0x9E37_79B9_7F4A_7C15) { $0 &* 31 &+ $1 }) }
            return shingles
        }
        for index in 0..<(words.count - 2) {
            var hash = words[index] &* 0x9E37_79B9_7F4A_7C15
            hash = (hash ^ words[index + 1]) &* 0xBF58_476D_1CE4_E5B9
            hash = (hash ^ words[index + 2]) &* 0x94D0_49BB_1331_11EB
            shingles.insert(hash)
        }
        return shingles
    }

    private static func appendWords(_ bytes: [UInt8], _ start: Int, _ end: Int, to words: inout [UInt64]) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var length = 0
        for index in start..<end {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                length += 1
            } else if byte == 0x27 {  // apostrophes join words: `don't`
                continue
            } else if length > 0 {
                words.append(hash)
                hash = 0xCBF2_9CE4_8422_2325
                length = 0
            }
        }
        if length > 0 { words.append(hash) }
    }

    /// Whether `byte` is indentation or a comment marker (` `, tab, `#`, `*`, `/`, `-`, `;`, `%`, `"`, CR).
    private static func isLeadingMarker(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x23, 0x2A, 0x2F, 0x2D, 0x3B, 0x25, 0x22, 0x0D: return true
        default: return false
        }
    }

    /// Whether the line starts (after indentation and comment markers) with `copyright`, `(c)` or `©`.
    private static func isCopyrightLine(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end, isLeadingMarker(bytes[index]) { index += 1 }
        if index + 1 < end, bytes[index] == 0xC2, bytes[index + 1] == 0xA9 { return true }
        if index + 2 < end, bytes[index] == 0x28, bytes[index + 1] | 0x20 == 0x63, bytes[index + 2] == 0x29 { return true }
        let needle: [UInt8] = Array("copyright".utf8)
        guard index + needle.count <= end else { return false }
        for offset in 0..<needle.count where bytes[index + offset] | 0x20 != needle[offset] { return false }
        return true
    }
}
