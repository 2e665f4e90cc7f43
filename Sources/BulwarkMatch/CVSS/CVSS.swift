import BulwarkCore

/// Scores CVSS vectors of every supported version (v2, v3.0, v3.1, v4.0).
public enum CVSS {
    /// The longest vector accepted; a complete v4.0 vector with every metric is under 200 bytes.
    static let maximumVectorLength = 512

    /// Parses a CVSS vector and computes its score.
    ///
    /// Accepted forms: v2 `AV:N/AC:L/Au:N/C:P/I:P/A:P` (optionally in parentheses), `CVSS:3.0/…`,
    /// `CVSS:3.1/…` and `CVSS:4.0/…`. Metrics may come in any order; surrounding whitespace is ignored.
    ///
    /// - v2: the base score of the FIRST CVSS v2 guide's base equations (computed in exact decimal
    ///   arithmetic, rounded half up to one decimal). Temporal and environmental metrics are
    ///   validated but do not change the result. Severity uses NVD's v2 bands.
    /// - v3.0 / v3.1: the base score of the FIRST specification (v3.0 rounds up with `ceil`,
    ///   v3.1 with the specification's float-safe `Roundup`). Temporal and environmental metrics
    ///   are validated but the BASE score is returned.
    /// - v4.0: the FIRST v4.0 score (macro vector lookup plus severity-distance interpolation, as
    ///   the official calculator computes it). v4.0 has one scoring formula for all metric groups,
    ///   so threat and environmental metrics present in the vector DO take part (the result is what
    ///   the specification calls CVSS-B, -BT, -BE or -BTE depending on which groups are given);
    ///   missing optional metrics default to `X`.
    ///
    /// - Throws: `BulwarkError` with code `.invalidInput` naming the vector when it is empty, too
    ///   long, has an unknown prefix, an unknown, duplicate or missing required metric, or a bad value.
    public static func score(_ vector: String) throws(BulwarkError) -> CVSSScore {
        guard vector.utf8.count <= maximumVectorLength else {
            throw .invalid(describe(vector), "too long for a CVSS vector (\(vector.utf8.count) bytes)")
        }
        let trimmed = trimmingASCIIWhitespace(Substring(vector))
        guard !trimmed.isEmpty else { throw .invalid(describe(vector), "empty CVSS vector") }

        if trimmed.utf8.starts(with: "CVSS:".utf8) {
            let afterLabel = trimmed.utf8.dropFirst(5)
            guard let slash = afterLabel.firstIndex(of: UInt8(ascii: "/")) else {
                throw .invalid(describe(vector), "CVSS prefix without metrics")
            }
            let versionText = Substring(afterLabel[afterLabel.startIndex..<slash])
            let body = Substring(afterLabel[afterLabel.index(after: slash)...])
            switch versionText {
            case "3.0": return try CVSSv3Calculator.score(body.utf8, minorVersion: .v3_0, vector: vector)
            case "3.1": return try CVSSv3Calculator.score(body.utf8, minorVersion: .v3_1, vector: vector)
            case "4.0": return try CVSSv4Calculator.score(body.utf8, vector: vector)
            default:
                throw .invalid(describe(vector), "unsupported CVSS version prefix CVSS:\(versionText.prefix(16))")
            }
        }

        var body = trimmed
        if body.first == "(" || body.last == ")" {
            guard body.first == "(", body.last == ")", body.count >= 2 else {
                throw .invalid(describe(vector), "unbalanced parentheses around v2 vector")
            }
            body = body.dropFirst().dropLast()
        }
        return try CVSSv2Calculator.score(body.utf8, vector: vector)
    }

    /// Names a vector in error messages, shortened so hostile input cannot flood logs.
    static func describe(_ vector: String) -> String {
        let limit = 80
        if vector.utf8.count <= limit { return "CVSS vector \"\(vector)\"" }
        return "CVSS vector \"\(vector.prefix(limit))…\""
    }

    private static func trimmingASCIIWhitespace(_ text: Substring) -> Substring {
        func isSpace(_ character: Character) -> Bool {
            character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n"
        }
        var slice = text
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }
}
