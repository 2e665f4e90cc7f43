import Foundation

/// Shannon entropy, in bits per byte, of a short byte string (a candidate secret).
enum ShannonEntropy {
    /// The entropy of `bytes`; 0 for an empty input.
    static func of<C: Collection>(_ bytes: C) -> Double where C.Element == UInt8 {
        let total = bytes.count
        guard total > 0 else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        var entropy = 0.0
        let length = Double(total)
        for count in counts where count > 0 {
            let probability = Double(count) / length
            entropy -= probability * log2(probability)
        }
        return entropy
    }
}
