import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

/// The fast encoder must write exactly what Foundation's `JSONEncoder` writes with the options
/// Bulwark's documents promise (sorted keys, pretty printing, unescaped slashes).
@Suite("Canonical JSON encoder")
struct CanonicalJSONEncoderTests {
    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func canonical(_ value: some Encodable) throws -> String {
        String(decoding: try CanonicalJSONEncoder().encode(value), as: UTF8.self)
    }

    @Test("SBOM documents are byte-identical to Foundation's", arguments: Samples.all)
    func sbomDocuments(sample: Sample) throws {
        let options = Samples.options()
        let json = JSONInventoryDocument(sample.inventory, options: options)
        #expect(try Self.canonical(json) == Self.foundation(json))
        let bom = try CycloneDXWriter(options: options).bom(for: sample.inventory)
        #expect(try Self.canonical(bom) == Self.foundation(bom))
        let spdx = try SPDXWriter(options: options).document(for: sample.inventory)
        #expect(try Self.canonical(spdx) == Self.foundation(spdx))
    }

    @Test("a scan report with a database summary is byte-identical")
    func scanReport() throws {
        let report = ScanReport(
            toolVersion: "1.0", createdAt: "2026-11-30T12:00:00Z", target: ScanTarget(kind: .rootfs, name: "/r"), image: nil,
            operatingSystem: nil, packageCount: 3,
            database: DatabaseSummary(path: "/db/x.db", builtAt: "2026-11-29T00:00:00Z", ageHours: 36.25, stale: false, sources: ["osv"]),
            findings: [], warnings: ["a \"quoted\"\twarning"])
        #expect(try Self.canonical(report) == Self.foundation(report))
    }

    /// A random JSON-shaped value: every container shape, empty ones, awkward keys and strings.
    indirect enum Value: Encodable {
        case string(String), int(Int), double(Double), bool(Bool), null
        case array([Value]), object([String: Value]), optionalInt(Int?)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .double(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            case .null: try container.encodeNil()
            case .array(let values): try container.encode(values)
            case .object(let members): try container.encode(members)
            case .optionalInt(let value): try container.encode(value)
            }
        }
    }

    static let awkwardStrings = [
        "", "plain", "a/b/c", "quote\"back\\slash", "tab\tnew\nline\rcr", "\u{0}\u{1}\u{1F}\u{7F}", "é ü 漢字 🎉", "\u{2028}\u{2029}",
        "\u{8}\u{C}", "Z", "_", "a10", "a9", "B",
    ]

    static func random(depth: Int, using generator: inout some RandomNumberGenerator) -> Value {
        let choice = depth > 3 ? Int.random(in: 0..<6, using: &generator) : Int.random(in: 0..<9, using: &generator)
        switch choice {
        case 0: return .string(awkwardStrings.randomElement(using: &generator) ?? "")
        case 1: return .int(Int.random(in: Int.min...Int.max, using: &generator))
        case 2:
            let candidates: [Double] = [0, -0.0, 1, 7.5, 0.1, 1e-5, 1e21, 123_456_789.123, -2.5e-300, Double.leastNonzeroMagnitude]
            return .double(Bool.random(using: &generator) ? candidates.randomElement(using: &generator) ?? 0 : Double.random(in: -1e6...1e6, using: &generator))
        case 3: return .bool(Bool.random(using: &generator))
        case 4: return .null
        case 5: return .optionalInt(Bool.random(using: &generator) ? nil : 42)
        case 6, 7:
            var members: [String: Value] = [:]
            for _ in 0..<Int.random(in: 0..<5, using: &generator) {
                members[awkwardStrings.randomElement(using: &generator) ?? "k"] = random(depth: depth + 1, using: &generator)
            }
            return .object(members)
        default:
            return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in random(depth: depth + 1, using: &generator) })
        }
    }

    @Test("random nested values are byte-identical")
    func randomValues() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let value = Self.random(depth: 0, using: &generator)
            let expected = try Self.foundation(value)
            let actual = try Self.canonical(value)
            #expect(actual == expected)
            if actual != expected { return }
        }
    }

    @Test("non-finite numbers are refused, as Foundation refuses them")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder().encode(["x": Double.infinity]) }
    }
}
