/// A content digest such as `sha256:9f86d0…`, as used by OCI descriptors and diffIDs.
public struct Digest: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The algorithm, e.g. `sha256`.
    public let algorithm: String
    /// The lower-case hex encoding of the digest.
    public let encoded: String

    /// Parses `algorithm:hex`; only well-formed sha256 and sha512 digests are accepted.
    public init(parsing text: String) throws(BulwarkError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw BulwarkError(.invalidInput, "malformed digest '\(text.prefix(80))'")
        }
        let algorithm = String(text[..<colon])
        let encoded = String(text[text.index(after: colon)...])
        let expectedLength: Int
        switch algorithm {
        case "sha256": expectedLength = 64
        case "sha512": expectedLength = 128
        default: throw BulwarkError(.unsupported, "unsupported digest algorithm '\(algorithm.prefix(20))'")
        }
        guard encoded.utf8.count == expectedLength,
            encoded.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else {
            throw BulwarkError(.invalidInput, "malformed \(algorithm) digest '\(text.prefix(80))'")
        }
        self.algorithm = algorithm
        self.encoded = encoded
    }

    /// Creates a sha256 digest from an already validated hex string.
    public init(sha256Hex: String) {
        self.algorithm = "sha256"
        self.encoded = sha256Hex
    }

    public var description: String { "\(algorithm):\(encoded)" }

    /// The first 12 hex characters, for tables.
    public var short: String { String(encoded.prefix(12)) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try Digest(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: Digest, rhs: Digest) -> Bool { lhs.description < rhs.description }
}
