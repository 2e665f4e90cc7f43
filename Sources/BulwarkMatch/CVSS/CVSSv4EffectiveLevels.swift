/// The effective severity level of each CVSS v4.0 metric that scoring uses, as small integers in
/// steps of 0.1 (0 = most severe), after applying modified metrics and worst-case defaults.
///
/// Levels follow the specification's severity-distance tables: AV N0 A1 L2 P3; PR N0 L1 H2;
/// UI N0 P1 A2; AC L0 H1; AT N0 P1; VC/VI/VA H0 L1 N2; SC H1 L2 N3; SI/SA S0 H1 L2 N3;
/// CR/IR/AR H0 M1 L2; E A0 P1 U2.
struct CVSSv4EffectiveLevels: Sendable {
    var av, pr, ui, ac, at: Int
    var vc, vi, va, sc, si, sa: Int
    var cr, ir, ar: Int
    var e: Int

    /// Derives levels from parsed value indices in `CVSSv4Calculator.schema` order.
    init(_ values: [UInt8]) {
        typealias Metric = CVSSv4Calculator.Metric
        /// Index of the metric's value, `0` (= `X`) for an absent optional metric.
        func index(_ metric: Metric) -> Int {
            let value = values[metric.rawValue]
            return value == CVSSMetricSchema.absent ? 0 : Int(value)
        }
        /// The base value's index, replaced by the modified metric's when that is not `X`
        /// (modified metrics list the same values as the base metric, after `X`).
        func effective(_ base: Metric, _ modified: Metric) -> Int {
            let modifiedIndex = index(modified)
            return modifiedIndex == 0 ? index(base) : modifiedIndex - 1
        }
        av = effective(.av, .mav)
        ac = effective(.ac, .mac)
        at = effective(.at, .mat)
        pr = effective(.pr, .mpr)
        ui = effective(.ui, .mui)
        vc = effective(.vc, .mvc)
        vi = effective(.vi, .mvi)
        va = effective(.va, .mva)
        sc = effective(.sc, .msc) + 1  // H L N → 1 2 3
        // MSI/MSA list X S H L N: S → 0, H L N → 1 2 3; SI/SA list H L N.
        si = index(.msi) == 0 ? index(.si) + 1 : index(.msi) - 1
        sa = index(.msa) == 0 ? index(.sa) + 1 : index(.msa) - 1
        // CR/IR/AR list X H M L; X counts as H.
        cr = max(index(.cr) - 1, 0)
        ir = max(index(.ir) - 1, 0)
        ar = max(index(.ar) - 1, 0)
        // E lists X A P U; X counts as A.
        e = max(index(.e) - 1, 0)
    }

    /// True when the vulnerable and subsequent systems all have no impact (score 0).
    var hasNoImpact: Bool {
        vc == 2 && vi == 2 && va == 2 && sc == 3 && si == 3 && sa == 3
    }

    /// The macro vector: the level of each equivalence set EQ1–EQ6.
    var macroVector: CVSSv4MacroVector {
        let eq1: Int
        if av == 0 && pr == 0 && ui == 0 {
            eq1 = 0
        } else if (av == 0 || pr == 0 || ui == 0) && av != 3 {
            eq1 = 1
        } else {
            eq1 = 2
        }
        let eq2 = ac == 0 && at == 0 ? 0 : 1
        let eq3: Int
        if vc == 0 && vi == 0 {
            eq3 = 0
        } else if vc == 0 || vi == 0 || va == 0 {
            eq3 = 1
        } else {
            eq3 = 2
        }
        let eq4: Int
        if si == 0 || sa == 0 {
            eq4 = 0
        } else if sc == 1 || si == 1 || sa == 1 {
            eq4 = 1
        } else {
            eq4 = 2
        }
        let eq6 = (cr == 0 && vc == 0) || (ir == 0 && vi == 0) || (ar == 0 && va == 0) ? 0 : 1
        return CVSSv4MacroVector(eq1: eq1, eq2: eq2, eq3: eq3, eq4: eq4, eq5: e, eq6: eq6)
    }
}

/// A CVSS v4.0 macro vector: the levels of the six equivalence sets.
struct CVSSv4MacroVector: Sendable, Hashable {
    var eq1, eq2, eq3, eq4, eq5, eq6: Int
}
