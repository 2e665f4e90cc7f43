import BulwarkCore

/// CVSS v4.0 scores per the FIRST v4.0 specification and its official calculator:
///
/// 1. The effective value of each metric is its modified (`M…`) value when given, else the base
///    value; `E:X` counts as `E:A` and `CR/IR/AR:X` as `H` (the worst case).
/// 2. The six equivalence sets EQ1–EQ6 give the macro vector, scored by `CVSSv4MacroVectorTable`.
/// 3. Within the macro vector, the score is lowered by the mean, over the EQs that have a next
///    lower macro vector, of (score gap to that macro vector) × (severity distance of the vector
///    from the macro vector's highest-severity vector ÷ the macro vector's depth).
/// 4. The result is clamped to 0–10 and rounded half up to one decimal (after adding 10⁻⁶, as the
///    official calculator does). A vector with no impact on any system scores 0.
enum CVSSv4Calculator {
    /// The v4.0 metrics in the specification's order; the 11 base metrics first.
    enum Metric: Int, CaseIterable {
        case av, ac, at, pr, ui, vc, vi, va, sc, si, sa
        case e
        case cr, ir, ar, mav, mac, mat, mpr, mui, mvc, mvi, mva, msc, msi, msa
        case s, au, r, v, re, u
    }

    static let schema = CVSSMetricSchema(prefix: "CVSS:4.0/", [
        ("AV", ["N", "A", "L", "P"], true),
        ("AC", ["L", "H"], true),
        ("AT", ["N", "P"], true),
        ("PR", ["N", "L", "H"], true),
        ("UI", ["N", "P", "A"], true),
        ("VC", ["H", "L", "N"], true),
        ("VI", ["H", "L", "N"], true),
        ("VA", ["H", "L", "N"], true),
        ("SC", ["H", "L", "N"], true),
        ("SI", ["H", "L", "N"], true),
        ("SA", ["H", "L", "N"], true),
        ("E", ["X", "A", "P", "U"], false),
        ("CR", ["X", "H", "M", "L"], false),
        ("IR", ["X", "H", "M", "L"], false),
        ("AR", ["X", "H", "M", "L"], false),
        ("MAV", ["X", "N", "A", "L", "P"], false),
        ("MAC", ["X", "L", "H"], false),
        ("MAT", ["X", "N", "P"], false),
        ("MPR", ["X", "N", "L", "H"], false),
        ("MUI", ["X", "N", "P", "A"], false),
        ("MVC", ["X", "H", "L", "N"], false),
        ("MVI", ["X", "H", "L", "N"], false),
        ("MVA", ["X", "H", "L", "N"], false),
        ("MSC", ["X", "H", "L", "N"], false),
        ("MSI", ["X", "S", "H", "L", "N"], false),
        ("MSA", ["X", "S", "H", "L", "N"], false),
        ("S", ["X", "N", "P"], false),
        ("AU", ["X", "N", "Y"], false),
        ("R", ["X", "A", "U", "I"], false),
        ("V", ["X", "D", "C"], false),
        ("RE", ["X", "L", "M", "H"], false),
        ("U", ["X", "Clear", "Green", "Amber", "Red"], false),
    ])

    /// Scores the metric part of a v4.0 vector.
    static func score(_ body: Substring.UTF8View, vector: String) throws(BulwarkError) -> CVSSScore {
        let values = try CVSSVectorParser.parse(body, schema: schema, vector: vector)
        let score = score(CVSSv4EffectiveLevels(values))
        return CVSSScore(
            version: .v4_0,
            baseScore: score,
            severity: Severity(cvssScore: score),
            vector: schema.normalizedVector(values)
        )
    }

    /// Depth (maximal severity distance + 1, in 0.1 steps) of each EQ level; EQ3 and EQ6 together.
    private static let depthEQ1 = [1, 4, 5]
    private static let depthEQ2 = [1, 2]
    private static let depthEQ3EQ6 = [[7, 6], [8, 8], [0, 10]]
    private static let depthEQ4 = [6, 5, 4]

    /// The score of effective metric levels.
    static func score(_ levels: CVSSv4EffectiveLevels) -> Double {
        if levels.hasNoImpact { return 0 }
        let macro = levels.macroVector
        let (eq1, eq2, eq3, eq4, eq5, eq6) = (macro.eq1, macro.eq2, macro.eq3, macro.eq4, macro.eq5, macro.eq6)
        guard let value = CVSSv4MacroVectorTable.score(eq1, eq2, eq3, eq4, eq5, eq6) else { return 0 }

        let lowerEQ1 = CVSSv4MacroVectorTable.score(eq1 + 1, eq2, eq3, eq4, eq5, eq6)
        let lowerEQ2 = CVSSv4MacroVectorTable.score(eq1, eq2 + 1, eq3, eq4, eq5, eq6)
        let lowerEQ3EQ6: Double?
        switch (eq3, eq6) {
        case (0, 0):
            // Two next lower macro vectors (00 → 01 and 00 → 10): take the higher score.
            let viaEQ6 = CVSSv4MacroVectorTable.score(eq1, eq2, eq3, eq4, eq5, eq6 + 1)
            let viaEQ3 = CVSSv4MacroVectorTable.score(eq1, eq2, eq3 + 1, eq4, eq5, eq6)
            if let viaEQ6, let viaEQ3 { lowerEQ3EQ6 = max(viaEQ6, viaEQ3) } else { lowerEQ3EQ6 = nil }
        case (1, 0):
            lowerEQ3EQ6 = CVSSv4MacroVectorTable.score(eq1, eq2, eq3, eq4, eq5, eq6 + 1)
        case (0, 1), (1, 1):
            lowerEQ3EQ6 = CVSSv4MacroVectorTable.score(eq1, eq2, eq3 + 1, eq4, eq5, eq6)
        default:
            lowerEQ3EQ6 = nil  // 21 has no lower macro vector
        }
        let lowerEQ4 = CVSSv4MacroVectorTable.score(eq1, eq2, eq3, eq4 + 1, eq5, eq6)
        let lowerEQ5 = CVSSv4MacroVectorTable.score(eq1, eq2, eq3, eq4, eq5 + 1, eq6)

        let distance = CVSSv4HighestSeverityVectors.distances(of: levels, in: macro)

        var lowerCount = 0
        var total = 0.0
        func add(_ lowerScore: Double?, distance: Int, depth: Int) {
            guard let lowerScore else { return }
            lowerCount += 1
            total += (value - lowerScore) * (Double(distance) / Double(depth))
        }
        add(lowerEQ1, distance: distance.eq1, depth: depthEQ1[eq1])
        add(lowerEQ2, distance: distance.eq2, depth: depthEQ2[eq2])
        add(lowerEQ3EQ6, distance: distance.eq3eq6, depth: depthEQ3EQ6[eq3][eq6])
        add(lowerEQ4, distance: distance.eq4, depth: depthEQ4[eq4])
        add(lowerEQ5, distance: 0, depth: 1)  // EQ5's proportion is always 0, but it counts

        let meanDistance = lowerCount == 0 ? 0 : total / Double(lowerCount)
        let clamped = min(10, max(0, value - meanDistance))
        return ((clamped + 0.000_001) * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}
