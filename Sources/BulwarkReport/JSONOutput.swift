import BulwarkCore
import Foundation

/// The JSON encoding every JSON writer shares: sorted keys, two-space indentation, unescaped slashes,
/// and a trailing newline, so equal values always give equal bytes.
enum JSONOutput {
    /// Encodes `value` deterministically.
    static func encode(_ value: some Encodable, format: String) throws(BulwarkError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var bytes = [UInt8](try encoder.encode(value))
            bytes.append(0x0A)
            return bytes
        } catch {
            throw BulwarkError(.invalidInput, "cannot encode the \(format) document: \(error)")
        }
    }
}
