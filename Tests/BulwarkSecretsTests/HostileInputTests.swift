import BulwarkSecrets
import Foundation
import Testing

/// Hostile content must finish quickly (generous bounds; the measured time is printed).
@Suite(.serialized) struct HostileInputTests {
    static let scanner = SecretScanner(configuration: { var c = SecretConfiguration.builtIn; c.maxFileSize = 64 << 20; return c }())

    static func timed(_ name: String, _ bytes: [UInt8]) -> (SecretFileResult, Double) {
        let clock = ContinuousClock()
        var result = SecretFileResult()
        let elapsed = clock.measure { result = scanner.scan(path: "/hostile/\(name)", bytes: bytes) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("hostile input \(name): \(bytes.count) bytes in \(String(format: "%.3f", seconds)) s, \(result.findings.count) findings, truncated=\(result.truncated)")
        return (result, seconds)
    }

    static func repeated(_ unit: String, toSize size: Int) -> [UInt8] {
        let bytes = Array(unit.utf8)
        var output = [UInt8]()
        output.reserveCapacity(size)
        while output.count < size { output += bytes }
        return output
    }

    static let cases: [(String, String, Int)] = [
        ("single-line-a", "a", 20 << 20),
        ("akia-prefixes", "AKIA", 5 << 20),
        ("password-assignments", "password=", 5 << 20),
        ("token-assignments", "token: ", 5 << 20),
        ("jwt-prefixes", "eyJ", 5 << 20),
        ("pem-headers", "-----BEGIN RSA PRIVATE KEY-----\n", 5 << 20),
        ("url-prefixes", "https://a:", 5 << 20),
        ("user-lines", "  user:\n", 5 << 20),
        ("machine-words", "machine ", 5 << 20),
        ("sk-proj", "sk-proj-", 5 << 20),
    ]

    @Test(arguments: cases)
    func repeatedPrefixesStayFast(name: String, unit: String, size: Int) {
        let (_, seconds) = Self.timed(name, Self.repeated(unit, toSize: size))
        #expect(seconds < 5)
    }

    @Test func invalidUTF8AndGarbageStayFast() {
        var t = TokenFactory(seed: 99)
        var garbage = [UInt8]()
        garbage.reserveCapacity(8 << 20)
        while garbage.count < 8 << 20 {
            let value = t.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                var byte = UInt8(truncatingIfNeeded: value >> UInt64(shift))
                if byte == 0 { byte = 0xFF }
                garbage.append(byte | 0x80)
            }
        }
        let (invalid, seconds) = Self.timed("invalid-utf8", garbage)
        #expect(seconds < 5)
        #expect(invalid.findings.isEmpty)
        // Binary garbage with NULs is skipped at once.
        var binary = garbage
        binary[100] = 0
        let (skipped, binarySeconds) = Self.timed("binary", binary)
        #expect(skipped.skippedBinary)
        #expect(binarySeconds < 1)
    }

    @Test func secretAfterHugeLineIsStillFound() throws {
        var t = TokenFactory(seed: 5)
        let token = "ghp_" + t.string(TokenFactory.alnum, 36)
        let bytes = Self.repeated("x", toSize: 3 << 20) + Array("\nGITHUB_TOKEN=\(token)\n".utf8)
        let (result, seconds) = Self.timed("huge-line-then-secret", bytes)
        #expect(seconds < 5)
        #expect(result.findings.map(\.ruleID) == ["github-pat"])
        #expect(result.findings.first?.line == 2)
    }
}
