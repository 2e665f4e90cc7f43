import BulwarkCore

/// Splits the metric part of a CVSS vector (`AV:N/AC:L/…`, after any prefix) into value indices
/// of a `CVSSMetricSchema`, rejecting empty fields, unknown or duplicate metrics, bad values and
/// missing required metrics. Scans bytes without regex or per-field allocation.
enum CVSSVectorParser {
    /// Parses `body` against `schema`; the result holds, per schema metric, the index of its value
    /// or `CVSSMetricSchema.absent`. `vector` is the whole input, named in error messages.
    static func parse(
        _ body: Substring.UTF8View,
        schema: CVSSMetricSchema,
        vector: String
    ) throws(BulwarkError) -> [UInt8] {
        /// The vector as error messages name it (built only when failing).
        var vectorName: String { CVSS.describe(vector) }
        var valueIndices = [UInt8](repeating: CVSSMetricSchema.absent, count: schema.metrics.count)
        var nameKey: UInt64 = 0
        var token: UInt64 = 0
        var tokenShift: UInt64 = 0
        var sawColon = false

        func finishField() throws(BulwarkError) {
            guard sawColon, nameKey != 0 else {
                throw .invalid(vectorName, "malformed field (expected METRIC:VALUE between '/')")
            }
            guard token != 0 else {
                throw .invalid(vectorName, "metric \(CVSSMetricSchema.unpack(nameKey)) has an empty value")
            }
            guard let metricIndex = schema.metricIndex(forKey: nameKey) else {
                throw .invalid(vectorName, "unknown metric \(CVSSMetricSchema.unpack(nameKey))")
            }
            let metric = schema.metrics[metricIndex]
            guard valueIndices[metricIndex] == CVSSMetricSchema.absent else {
                throw .invalid(vectorName, "duplicate metric \(metric.name)")
            }
            guard let valueIndex = metric.valueKeys.firstIndex(of: token) else {
                throw .invalid(
                    vectorName,
                    "invalid value \(CVSSMetricSchema.unpack(token)) for metric \(metric.name) "
                        + "(allowed: \(metric.values.joined(separator: ", ")))"
                )
            }
            valueIndices[metricIndex] = UInt8(valueIndex)
            nameKey = 0
            token = 0
            tokenShift = 0
            sawColon = false
        }

        for byte in body {
            switch byte {
            case UInt8(ascii: "/"):
                try finishField()
            case UInt8(ascii: ":"):
                guard !sawColon, token != 0 else {
                    throw .invalid(vectorName, "malformed field (expected METRIC:VALUE between '/')")
                }
                nameKey = token
                token = 0
                tokenShift = 0
                sawColon = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard tokenShift < 64 else {
                    throw .invalid(vectorName, "metric name or value longer than 8 letters")
                }
                token |= UInt64(byte) << tokenShift
                tokenShift += 8
            default:
                throw .invalid(vectorName, "unexpected character \(Self.describe(byte)) in vector")
            }
        }
        try finishField()

        let missing = zip(schema.metrics, valueIndices)
            .filter { metric, valueIndex in metric.isRequired && valueIndex == CVSSMetricSchema.absent }
            .map(\.0.name)
        if !missing.isEmpty {
            throw .invalid(vectorName, "missing required metric(s) \(missing.joined(separator: ", "))")
        }
        return valueIndices
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "0x" + String(byte, radix: 16, uppercase: true)
    }
}
