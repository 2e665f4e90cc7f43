import BulwarkCore

/// The JSON encoding every JSON writer shares: sorted keys, two-space indentation, unescaped slashes,
/// and a trailing newline, so equal values always give equal bytes.
enum JSONOutput {
    /// Encodes `value` deterministically.
    static func encode(_ value: some Encodable, format: String) throws(BulwarkError) -> [UInt8] {
        do {
            var bytes = try CanonicalJSONEncoder().encode(value)
            bytes.append(0x0A)
            return bytes
        } catch {
            throw BulwarkError(.invalidInput, "cannot encode the \(format) document: \(error)")
        }
    }
}
