import BulwarkCore
import struct Crypto.SHA256

/// Passes bytes through while computing their SHA-256, and at the end checks the digest
/// (and optionally the length) against what a descriptor or config claims.
public final class DigestingSource: ByteSource {
    private let upstream: any ByteSource
    private var hasher = SHA256()
    private let expected: [BulwarkCore.Digest]
    private let hashing: Bool
    private let expectedSize: Int64?
    private let label: String
    private var finished = false
    /// Bytes seen so far.
    public private(set) var byteCount: Int64 = 0
    /// The digest, available once the stream has ended.
    public private(set) var computed: BulwarkCore.Digest?

    /// Wraps `upstream`; `label` names the blob in errors (e.g. `layer 2 (sha256:ab12…)`).
    /// `expected` may hold several digests the same bytes must have (an uncompressed layer's blob
    /// digest and diffID are one hash). With no expected digest and `alwaysHash` false, bytes are only counted.
    public init(_ upstream: any ByteSource, expected: [BulwarkCore.Digest?], expectedSize: Int64? = nil, label: String, alwaysHash: Bool = false) {
        self.upstream = upstream
        self.expected = Array(Set(expected.compactMap { $0 }.filter { $0.algorithm == "sha256" })).sorted()
        self.hashing = alwaysHash || !self.expected.isEmpty
        self.expectedSize = expectedSize
        self.label = label
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        if finished { return 0 }
        let count = try upstream.read(into: buffer)
        if count > 0 {
            if hashing { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count])) }
            byteCount += Int64(count)
            if let expectedSize, byteCount > expectedSize {
                throw BulwarkError(.integrity, "\(label): longer than the \(expectedSize) bytes its descriptor declares")
            }
            return count
        }
        finished = true
        if let expectedSize, byteCount != expectedSize {
            throw BulwarkError(.integrity, "\(label): size \(byteCount) does not match the descriptor's \(expectedSize)")
        }
        guard hashing else { return 0 }
        let digest = BulwarkCore.Digest(sha256Hex: hasher.finalize().map { byteHex($0) }.joined())
        computed = digest
        for wanted in expected where wanted != digest {
            throw BulwarkError(.integrity, "\(label): content digest \(digest) does not match \(wanted)")
        }
        return 0
    }
}

private let hexTable: [String] = (0..<256).map { value in
    let digits = Array("0123456789abcdef")
    return String([digits[value >> 4], digits[value & 0xF]])
}

@inline(__always) func byteHex(_ byte: UInt8) -> String { hexTable[Int(byte)] }

/// SHA-256 of in-memory bytes as a `Digest`.
public func sha256Digest(of bytes: [UInt8]) -> BulwarkCore.Digest {
    BulwarkCore.Digest(sha256Hex: SHA256.hash(data: bytes).map { byteHex($0) }.joined())
}
