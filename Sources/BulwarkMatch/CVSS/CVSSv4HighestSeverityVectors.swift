/// The highest-severity vectors of each CVSS v4.0 macro vector level ("max composed" in the
/// specification's reference calculator), split per equivalence set, and the severity distance
/// of a vector from them.
enum CVSSv4HighestSeverityVectors {
    /// Severity distances (in 0.1 steps) summed per equivalence set.
    struct Distances: Sendable, Hashable {
        var eq1 = 0, eq2 = 0, eq3eq6 = 0, eq4 = 0
    }

    /// EQ1 candidates as (AV, PR, UI) levels, per EQ1 level.
    private static let eq1: [[[Int]]] = [
        [[0, 0, 0]],
        [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
        [[3, 0, 0], [1, 1, 1]],
    ]
    /// EQ2 candidates as (AC, AT) levels, per EQ2 level.
    private static let eq2: [[[Int]]] = [
        [[0, 0]],
        [[1, 0], [0, 1]],
    ]
    /// EQ3+EQ6 candidates as (VC, VI, VA, CR, IR, AR) levels, per EQ3 level then EQ6 level.
    private static let eq3eq6: [[[[Int]]]] = [
        [[[0, 0, 0, 0, 0, 0]], [[0, 0, 1, 1, 1, 0], [0, 0, 0, 1, 1, 1]]],
        [
            [[1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0]],
            [[1, 0, 1, 0, 1, 0], [1, 0, 0, 0, 1, 1], [0, 1, 0, 1, 0, 1], [0, 1, 1, 1, 0, 0], [1, 1, 0, 0, 0, 1]],
        ],
        [[], [[1, 1, 1, 0, 0, 0]]],
    ]
    /// EQ4 candidates as (SC, SI, SA) levels, per EQ4 level.
    private static let eq4: [[[Int]]] = [
        [[1, 0, 0]],
        [[1, 1, 1]],
        [[2, 2, 2]],
    ]

    /// The distances of `levels` from the first highest-severity vector of `macro` that is at least
    /// as severe in every metric, trying candidates in the reference calculator's order; when none
    /// is, from the last candidate (as the reference calculator does).
    static func distances(of levels: CVSSv4EffectiveLevels, in macro: CVSSv4MacroVector) -> Distances {
        let parts: [(metrics: [Int], candidates: [[Int]])] = [
            ([levels.av, levels.pr, levels.ui], eq1[macro.eq1]),
            ([levels.ac, levels.at], eq2[macro.eq2]),
            ([levels.vc, levels.vi, levels.va, levels.cr, levels.ir, levels.ar], eq3eq6[macro.eq3][macro.eq6]),
            ([levels.sc, levels.si, levels.sa], eq4[macro.eq4]),
        ]
        // Every metric belongs to exactly one part, so the first combination (in nested-loop order)
        // that dominates the vector is made of each part's first dominating candidate.
        var chosen: [[Int]] = []
        for part in parts {
            let dominating = part.candidates.first { candidate in
                zip(part.metrics, candidate).allSatisfy { metric, highest in metric >= highest }
            }
            guard let dominating else {
                chosen = parts.compactMap(\.candidates.last)
                break
            }
            chosen.append(dominating)
        }
        var sums = [0, 0, 0, 0]
        for (index, part) in parts.enumerated() where index < chosen.count {
            sums[index] = zip(part.metrics, chosen[index]).reduce(0) { $0 + $1.0 - $1.1 }
        }
        return Distances(eq1: sums[0], eq2: sums[1], eq3eq6: sums[2], eq4: sums[3])
    }
}
