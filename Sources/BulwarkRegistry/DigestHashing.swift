import BulwarkCore
import Crypto

// swift-crypto also declares a `Digest`, hence the module-qualified name.
extension BulwarkCore.Digest {
    /// The sha256 digest of `bytes`.
    static func sha256(of bytes: [UInt8]) -> BulwarkCore.Digest {
        BulwarkCore.Digest(sha256: Array(SHA256.hash(data: bytes)))
    }

    /// The sha256 digest whose raw value is `raw` (32 bytes).
    init(sha256 raw: [UInt8]) {
        self.init(sha256Hex: raw.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined())
    }
}
