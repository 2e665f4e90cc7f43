import BulwarkCore
import Foundation

/// CVSS v3.0 and v3.1 base scores per the FIRST specification documents:
///
///     ISS            = 1 − (1 − C) × (1 − I) × (1 − A)
///     Impact         = 6.42 × ISS                                  (scope unchanged)
///                    = 7.52 × (ISS − 0.029) − 3.25 × (ISS − 0.02)¹⁵  (scope changed)
///     Exploitability = 8.22 × AV × AC × PR × UI
///     Base           = 0 if Impact ≤ 0, else Roundup(min(Impact + Exploitability, 10))
///                      (× 1.08 inside the min when scope changed)
///
/// v3.0's Roundup is `ceil(x × 10) / 10`; v3.1's is the specification's float-safe integer version.
/// Temporal and environmental metrics are validated, but only the base score is computed.
enum CVSSv3Calculator {
    /// v3 metrics in the specification's order; base metrics first.
    static func schema(_ version: CVSSVersion) -> CVSSMetricSchema {
        version == .v3_0 ? schema30 : schema31
    }

    private static let schema30 = CVSSMetricSchema(prefix: "CVSS:3.0/", metricDefinitions)
    private static let schema31 = CVSSMetricSchema(prefix: "CVSS:3.1/", metricDefinitions)

    private static let metricDefinitions: [(name: String, values: [String], required: Bool)] = [
        ("AV", ["N", "A", "L", "P"], true),
        ("AC", ["L", "H"], true),
        ("PR", ["N", "L", "H"], true),
        ("UI", ["N", "R"], true),
        ("S", ["U", "C"], true),
        ("C", ["H", "L", "N"], true),
        ("I", ["H", "L", "N"], true),
        ("A", ["H", "L", "N"], true),
        ("E", ["X", "U", "P", "F", "H"], false),
        ("RL", ["X", "O", "T", "W", "U"], false),
        ("RC", ["X", "U", "R", "C"], false),
        ("CR", ["X", "L", "M", "H"], false),
        ("IR", ["X", "L", "M", "H"], false),
        ("AR", ["X", "L", "M", "H"], false),
        ("MAV", ["X", "N", "A", "L", "P"], false),
        ("MAC", ["X", "L", "H"], false),
        ("MPR", ["X", "N", "L", "H"], false),
        ("MUI", ["X", "N", "R"], false),
        ("MS", ["X", "U", "C"], false),
        ("MC", ["X", "H", "L", "N"], false),
        ("MI", ["X", "H", "L", "N"], false),
        ("MA", ["X", "H", "L", "N"], false),
    ]

    private static let attackVector = [0.85, 0.62, 0.55, 0.2]  // N A L P
    private static let attackComplexity = [0.77, 0.44]  // L H
    private static let privilegesScopeUnchanged = [0.85, 0.62, 0.27]  // N L H
    private static let privilegesScopeChanged = [0.85, 0.68, 0.5]  // N L H
    private static let userInteraction = [0.85, 0.62]  // N R
    private static let impactWeight = [0.56, 0.22, 0.0]  // H L N

    /// Scores the metric part of a v3.0 or v3.1 vector.
    static func score(
        _ body: Substring.UTF8View,
        minorVersion version: CVSSVersion,
        vector: String
    ) throws(BulwarkError) -> CVSSScore {
        let schema = schema(version)
        let values = try CVSSVectorParser.parse(body, schema: schema, vector: vector)
        let baseScore = baseScore(values, version: version)
        return CVSSScore(
            version: version,
            baseScore: baseScore,
            severity: Severity(cvssScore: baseScore),
            vector: schema.normalizedVector(values)
        )
    }

    /// The base score of parsed value indices (schema order).
    static func baseScore(_ values: [UInt8], version: CVSSVersion) -> Double {
        let scopeChanged = values[4] == 1
        let iss = 1 - (1 - impactWeight[Int(values[5])]) * (1 - impactWeight[Int(values[6])])
            * (1 - impactWeight[Int(values[7])])
        let impact = scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss
        guard impact > 0 else { return 0 }
        let privileges = scopeChanged ? privilegesScopeChanged : privilegesScopeUnchanged
        let exploitability = 8.22 * attackVector[Int(values[0])] * attackComplexity[Int(values[1])]
            * privileges[Int(values[2])] * userInteraction[Int(values[3])]
        let raw = scopeChanged ? min(1.08 * (impact + exploitability), 10) : min(impact + exploitability, 10)
        return version == .v3_0 ? roundUp30(raw) : roundUp31(raw)
    }

    /// v3.0 Roundup: the smallest one-decimal number ≥ x, as `ceil(x × 10) / 10`.
    static func roundUp30(_ value: Double) -> Double {
        (value * 10).rounded(.up) / 10
    }

    /// v3.1 Roundup (specification Appendix A): rounds to 5 decimals in integers first so that
    /// binary noise such as 4.000000000000001 does not round up to 4.1.
    static func roundUp31(_ value: Double) -> Double {
        let hundredThousandths = Int((value * 100_000).rounded())
        if hundredThousandths % 10_000 == 0 { return Double(hundredThousandths) / 100_000 }
        return Double(hundredThousandths / 10_000 + 1) / 10
    }
}
