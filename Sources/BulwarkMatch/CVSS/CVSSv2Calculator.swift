import BulwarkCore

/// CVSS v2 base scores per the FIRST "Complete Guide to CVSS v2" base equations:
///
///     Impact         = 10.41 × (1 − (1 − C) × (1 − I) × (1 − A))
///     Exploitability = 20 × AV × AC × Au
///     f(Impact)      = 0 if Impact = 0, else 1.176
///     BaseScore      = round₁((0.6 × Impact + 0.4 × Exploitability − 1.5) × f(Impact))
///
/// Every weight has at most three decimals, so the equation is evaluated exactly in scaled
/// integers (scale 10¹⁵ at the end) and rounded half up: no binary floating-point drift.
enum CVSSv2Calculator {
    /// v2 metrics in the guide's order; base metrics first.
    static let schema = CVSSMetricSchema(prefix: "", [
        ("AV", ["L", "A", "N"], true),
        ("AC", ["H", "M", "L"], true),
        ("Au", ["M", "S", "N"], true),
        ("C", ["N", "P", "C"], true),
        ("I", ["N", "P", "C"], true),
        ("A", ["N", "P", "C"], true),
        ("E", ["ND", "U", "POC", "F", "H"], false),
        ("RL", ["ND", "OF", "TF", "W", "U"], false),
        ("RC", ["ND", "UC", "UR", "C"], false),
        ("CDP", ["ND", "N", "L", "LM", "MH", "H"], false),
        ("TD", ["ND", "N", "L", "M", "H"], false),
        ("CR", ["ND", "L", "M", "H"], false),
        ("IR", ["ND", "L", "M", "H"], false),
        ("AR", ["ND", "L", "M", "H"], false),
    ])

    /// Access Vector L/A/N in thousandths: 0.395, 0.646, 1.0.
    private static let accessVector: [Int64] = [395, 646, 1000]
    /// Access Complexity H/M/L in hundredths: 0.35, 0.61, 0.71.
    private static let accessComplexity: [Int64] = [35, 61, 71]
    /// Authentication M/S/N in thousandths: 0.45, 0.56, 0.704.
    private static let authentication: [Int64] = [450, 560, 704]
    /// Confidentiality / Integrity / Availability impact N/P/C in thousandths: 0, 0.275, 0.660.
    private static let impactWeight: [Int64] = [0, 275, 660]

    /// Scores the metric part of a v2 vector.
    static func score(_ body: Substring.UTF8View, vector: String) throws(BulwarkError) -> CVSSScore {
        let values = try CVSSVectorParser.parse(body, schema: schema, vector: vector)
        let baseScore = baseScore(values)
        return CVSSScore(
            version: .v2,
            baseScore: baseScore,
            severity: severity(baseScore),
            vector: schema.normalizedVector(values)
        )
    }

    /// The base score of parsed value indices (schema order).
    static func baseScore(_ values: [UInt8]) -> Double {
        let unaffected = (1000 - impactWeight[Int(values[3])])
            * (1000 - impactWeight[Int(values[4])])
            * (1000 - impactWeight[Int(values[5])])  // scale 10⁹
        let impact = 1041 * (1_000_000_000 - unaffected)  // 10.41 × …, scale 10¹¹
        guard impact > 0 else { return 0 }
        let exploitability = 20 * accessVector[Int(values[0])] * accessComplexity[Int(values[1])]
            * authentication[Int(values[2])]  // scale 10⁸
        let inner = 6 * impact + 4 * exploitability * 1000 - 1_500_000_000_000  // scale 10¹²
        let scaled = inner * 1176  // × f(Impact) = 1.176, scale 10¹⁵
        guard scaled > 0 else { return 0 }
        let tenths = (scaled + 50_000_000_000_000) / 100_000_000_000_000
        return Double(min(tenths, 100)) / 10
    }

    /// NVD's CVSS v2 bands: 0–3.9 low, 4.0–6.9 medium, 7.0–10 high.
    static func severity(_ score: Double) -> Severity {
        if score >= 7.0 { return .high }
        if score >= 4.0 { return .medium }
        return .low
    }
}
