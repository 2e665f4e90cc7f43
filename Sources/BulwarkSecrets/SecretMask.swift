/// Renders a secret for reports without ever revealing it: a few leading characters, then stars.
public enum SecretMask {
    /// The masked form of `secret`: the first 4 characters of a secret of 16 or more bytes (2 for 8
    /// to 15, none below), then one `*` per hidden byte (at least 4, at most 24).
    public static func mask<C: Collection>(_ secret: C) -> String where C.Element == UInt8 {
        let count = secret.count
        let kept = count >= 16 ? 4 : (count >= 8 ? 2 : 0)
        var output = [UInt8]()
        output.reserveCapacity(kept + 24)
        var index = secret.startIndex
        for _ in 0..<kept {
            let byte = secret[index]
            // Keep only printable ASCII in the visible prefix.
            output.append(byte >= 0x21 && byte < 0x7F ? byte : 0x2A)
            index = secret.index(after: index)
        }
        let stars = min(max(count - kept, 4), 24)
        output.append(contentsOf: repeatElement(0x2A, count: stars))
        return String(decoding: output, as: UTF8.self)
    }
}
