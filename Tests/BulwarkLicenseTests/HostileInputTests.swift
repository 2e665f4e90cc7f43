import Foundation
import Testing

@testable import BulwarkLicense

@Suite("Hostile license input")
struct HostileInputTests {
    @Test("100k nested parentheses, 10 MB strings and invalid UTF-8 finish quickly without crashing")
    func hostile() throws {
        let start = Date()
        let normalizer = LicenseNormalizer(textIdentifier: .bundled())
        let deep = String(repeating: "(", count: 100_000) + "MIT" + String(repeating: ")", count: 100_000)
        #expect(LicenseExpression(parsing: deep) == .unknown(deep))
        #expect(throws: (any Error).self) { try LicenseExpression(spdx: deep) }
        #expect(normalizer.normalize(deep)?.recognized == false)
        let nestedShort = String(repeating: "(", count: 200) + "MIT" + String(repeating: ")", count: 200)
        #expect(normalizer.normalize(nestedShort)?.recognized == false)
        let openOnly = String(repeating: "(", count: 400)
        #expect(normalizer.normalize(openOnly)?.recognized == false)

        let huge = String(repeating: "MIT AND ", count: 1_300_000)
        #expect(huge.utf8.count > 10_000_000)
        #expect(normalizer.normalize(huge)?.recognized == false)
        #expect(LicenseExpression(parsing: huge) != nil)
        #expect(throws: (any Error).self) { try LicenseExpression(spdx: huge) }
        let oneWord = String(repeating: "x", count: 10_000_000)
        #expect(normalizer.normalize(oneWord)?.recognized == false)
        #expect(LicenseNormalizer.resolveName(oneWord) == nil)

        var bytes: [UInt8] = Array("GPL-2.0+ AND ".utf8)
        bytes += [0xFF, 0xFE, 0xC3, 0x41, 0xE2, 0x82, 0x00, 0x80, 0xBF]
        bytes += Array(" OR MIT".utf8)
        let lossy = String(decoding: bytes, as: UTF8.self)
        let result = try #require(normalizer.normalize(lossy))
        #expect(!result.recognized)
        #expect(result.expression?.licenseIDs.contains("GPL-2.0-or-later") == true)
        #expect(LicenseTextIdentifier.bundled().identify(bytes: bytes) == nil)

        let many = (0..<600).map { "L\($0)" }.joined(separator: " OR ")
        _ = normalizer.normalize(many)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("random operator soup never crashes the parsers", arguments: 0..<4)
    func fuzz(seed: Int) throws {
        let pieces = ["MIT", "AND", "OR", "WITH", "(", ")", "and", "or", "with", "GPL-2+", "Classpath-exception-2.0", "+", ",", ", and", "Foo", "LicenseRef-x", "/", ";", "\"", "License ::", "http://", "  "]
        var generator = SeededGenerator(seed: UInt64(seed + 1))
        let normalizer = LicenseNormalizer()
        for _ in 0..<400 {
            let count = Int.random(in: 1...12, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined(separator: " ")
            _ = normalizer.normalize(text)
            _ = LicenseExpression(parsing: text)
            if let strict = try? LicenseExpression(spdx: text) {
                #expect(try LicenseExpression(spdx: strict.description) == strict, "\(text)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) so fuzz cases are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
