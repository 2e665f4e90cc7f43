import BulwarkCore
import BulwarkTestSupport
import Testing
@testable import BulwarkCatalog

@Suite("cargo-auditable binaries")
struct CargoAuditableAnalyzerTests {
    /// zlib framing around a raw deflate stream: header, data, big-endian Adler-32.
    static func zlib(_ input: [UInt8]) -> [UInt8] {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in input {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = b << 16 | a
        return [0x78, 0x9C] + TestZipWriter.rawDeflate(input) + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adler >> UInt32($0)) }
    }

    static let json = """
        {"packages":[
          {"name":"myapp","version":"0.1.0","source":"local","root":true,"dependencies":[1,2,3]},
          {"name":"serde","version":"1.0.152","source":"crates.io","dependencies":[2]},
          {"name":"serde_derive","version":"1.0.152","source":"crates.io","kind":"build"},
          {"name":"itoa","version":"1.0.5","source":"crates.io","kind":"runtime","dependencies":[99,-1]}
        ]}
        """

    static func binary(section: [UInt8], is64: Bool = true) -> [UInt8] {
        var builder = TestELFBuilder()
        builder.is64 = is64
        builder.add(".text", [0xC3], address: 0x1000)
        builder.add(".dep-v0", section)
        return builder.bytes()
    }

    @Test("crates with purls and dependency purls; the root kept as main package; build deps skipped", arguments: [true, false])
    func readsDependencyList(is64: Bool) {
        let result = CargoAuditableAnalyzer().analyze(path: "/usr/local/bin/myapp", bytes: Self.binary(section: Self.zlib(Array(Self.json.utf8)), is64: is64))
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map(\.purl.description) == ["pkg:cargo/myapp@0.1.0", "pkg:cargo/serde@1.0.152", "pkg:cargo/itoa@1.0.5"])
        #expect(result.packages[0].dependencies == ["pkg:cargo/serde@1.0.152", "pkg:cargo/itoa@1.0.5"])
        #expect(result.packages[1].dependencies.isEmpty)
        #expect(result.packages.allSatisfy { $0.type == .cargo && $0.location == "/usr/local/bin/myapp" })
    }

    @Test("corrupt or oversized sections are warnings naming the file", arguments: [
        [UInt8](repeating: 0x41, count: 20), Array("not zlib".utf8), zlib(Array("{\"nope\":1}".utf8)), zlib([UInt8](repeating: 0x20, count: 9 << 20)),
    ])
    func corrupt(section: [UInt8]) {
        let result = CargoAuditableAnalyzer().analyze(path: "/bin/x", bytes: Self.binary(section: section))
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1 && result.warnings[0].hasPrefix("/bin/x"))
    }

    @Test("binaries without the section or not ELF yield nothing")
    func unrelated() {
        var builder = TestELFBuilder()
        builder.add(".text", [0xC3], address: 0x1000)
        #expect(CargoAuditableAnalyzer().analyze(path: "/bin/x", bytes: builder.bytes()).packages.isEmpty)
        #expect(CargoAuditableAnalyzer().analyze(path: "/bin/x", bytes: Array("MZ....".utf8)).warnings.isEmpty)
        #expect(CargoAuditableAnalyzer().wants(path: "/bin/x", mode: 0o755, size: 4096))
        #expect(!CargoAuditableAnalyzer().wants(path: "/etc/x", mode: 0o644, size: 4096))
    }
}
