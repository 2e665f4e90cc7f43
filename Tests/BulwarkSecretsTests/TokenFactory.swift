import Foundation

/// Makes synthetic tokens of the right shape from a seeded generator, so the corpus is the same
/// on every run and no real credential is ever committed.
struct TokenFactory {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let lower = "abcdefghijklmnopqrstuvwxyz"
    static let digits = "0123456789"
    static let alnum = upper + lower + digits
    static let hex = "0123456789abcdef"
    static let base64 = alnum + "+/"
    static let base64URL = alnum + "_-"
    static let base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    static let bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    static let passwordSymbols = "!@#^&*_+-=.?"

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// `count` random characters of `alphabet`.
    mutating func string(_ alphabet: String, _ count: Int) -> String {
        let characters = Array(alphabet)
        var output = ""
        output.reserveCapacity(count)
        for _ in 0..<count { output.append(characters[Int(next() % UInt64(characters.count))]) }
        return output
    }

    /// A random number in `range`.
    mutating func number(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A strong random password mixing cases, digits and symbols (never a placeholder).
    mutating func password(_ count: Int = 16) -> String {
        string(Self.upper, 2) + string(Self.lower + Self.digits + Self.passwordSymbols + Self.upper, count - 4) + string(Self.digits, 2)
    }

    /// Lines of base64 of the given width, as in a PEM body.
    mutating func pemBody(lines: Int, first: String = "MII") -> String {
        var body: [String] = []
        for index in 0..<lines {
            body.append(index == 0 ? first + string(Self.base64, 64 - first.count) : string(Self.base64, 64))
        }
        body.append(string(Self.base64, 20) + "==")
        return body.joined(separator: "\n")
    }

    /// A random UUID-shaped string (lower-case hexadecimal).
    mutating func uuid() -> String {
        string(Self.hex, 8) + "-" + string(Self.hex, 4) + "-" + string(Self.hex, 4) + "-" + string(Self.hex, 4) + "-" + string(Self.hex, 12)
    }

    /// A JWT made of base64url JSON header and payload and a random signature.
    mutating func jwt() -> String {
        let header = Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8).base64URL
        let payload = Data(#"{"sub":"\#(string(Self.digits, 10))","name":"svc","iat":1700000000}"#.utf8).base64URL
        return header + "." + payload + "." + string(Self.base64URL, 43)
    }
}

extension Data {
    /// Unpadded base64url.
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
