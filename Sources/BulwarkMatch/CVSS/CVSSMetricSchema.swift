/// The metrics one CVSS version allows in a vector: their names, allowed values and whether each
/// is required, in the specification's canonical order.
///
/// Names and values are packed into a `UInt64` (up to 8 ASCII letters, first letter in the low
/// byte) so that parsing compares integers and allocates nothing per field.
struct CVSSMetricSchema: Sendable {
    /// One metric: its abbreviation, allowed values (the not-defined value first when it has one).
    struct Metric: Sendable {
        let name: String
        let values: [String]
        let isRequired: Bool
        let nameKey: UInt64
        let valueKeys: [UInt64]
    }

    /// The value index stored for a metric that the vector does not mention.
    static let absent: UInt8 = .max

    let metrics: [Metric]
    /// The `CVSS:x.y/` prefix written before normalized vectors ("" for v2).
    let prefix: String

    /// Builds a schema; `required` metrics must appear, the others default to "not defined".
    init(prefix: String, _ definitions: [(name: String, values: [String], required: Bool)]) {
        self.prefix = prefix
        self.metrics = definitions.map { definition in
            Metric(
                name: definition.name,
                values: definition.values,
                isRequired: definition.required,
                nameKey: Self.pack(definition.name),
                valueKeys: definition.values.map(Self.pack)
            )
        }
    }

    /// Packs a short ASCII token into an integer, first byte lowest (schema strings are ≤ 8 letters).
    static func pack(_ token: String) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in token.utf8.prefix(8) {
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    /// Turns a packed token back into text, for error messages.
    static func unpack(_ key: UInt64) -> String {
        var bytes: [UInt8] = []
        var rest = key
        while rest != 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The position of the metric whose packed name is `key`, if the version has it.
    func metricIndex(forKey key: UInt64) -> Int? {
        for index in metrics.indices where metrics[index].nameKey == key { return index }
        return nil
    }

    /// The canonical vector for parsed value indices: prefix, schema order, not-defined values left out.
    func normalizedVector(_ valueIndices: [UInt8]) -> String {
        var result = prefix
        var first = true
        for (metric, valueIndex) in zip(metrics, valueIndices) where valueIndex != Self.absent {
            let value = metric.values[Int(valueIndex)]
            if value == "X" || value == "ND" { continue }
            if !first { result += "/" }
            first = false
            result += metric.name
            result += ":"
            result += value
        }
        return result
    }
}
