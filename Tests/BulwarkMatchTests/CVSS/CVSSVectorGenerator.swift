@testable import BulwarkMatch

/// Builds valid CVSS vectors for the comparison tests: every combination of base metrics, or
/// random vectors over all metric values with random subsets of the optional metrics, sometimes
/// shuffled out of canonical order.
enum CVSSVectorGenerator {
    /// Every combination of the required metrics of `schema`, in canonical order.
    static func allBaseVectors(_ schema: CVSSMetricSchema) -> [String] {
        let required = schema.metrics.filter(\.isRequired)
        var vectors = [""]
        for metric in required {
            vectors = vectors.flatMap { partial in
                metric.values.map { partial + (partial.isEmpty ? "" : "/") + metric.name + ":" + $0 }
            }
        }
        return vectors.map { schema.prefix + $0 }
    }

    /// `count` random valid vectors. `includeOptional` decides per optional metric whether it is
    /// written (its value, including the not-defined one, is then random).
    static func randomVectors(
        _ schema: CVSSMetricSchema,
        count: Int,
        generator: inout CVSSSplitMix64,
        includeOptional: (CVSSMetricSchema.Metric, inout CVSSSplitMix64) -> Bool
    ) -> [String] {
        (0..<count).map { _ in
            var fields: [String] = []
            for metric in schema.metrics where metric.isRequired || includeOptional(metric, &generator) {
                fields.append(metric.name + ":" + generator.pick(metric.values))
            }
            if generator.chance(1, in: 5) { fields.shuffle(using: &generator) }
            return schema.prefix + fields.joined(separator: "/")
        }
    }

    /// The CVSS v4.0 metric groups, for generating vectors with or without each group.
    static func v4Group(_ name: String) -> String {
        switch name {
        case "E": return "threat"
        case "S", "AU", "R", "V", "RE", "U": return "supplemental"
        default: return "environmental"
        }
    }
}
