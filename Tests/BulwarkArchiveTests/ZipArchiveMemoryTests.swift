import BulwarkCore
import BulwarkTestSupport
import Foundation
import Testing
@testable import BulwarkArchive

@Suite("Zip reader in memory, zlib streams")
struct ZipArchiveMemoryTests {
    @Test("reads the same entries from bytes as from a file")
    func readsFromMemory() throws {
        var zip = TestZipWriter()
        let text = String(repeating: "manifest line ", count: 300)
        zip.add("META-INF/MANIFEST.MF", text: text)
        zip.add("stored.txt", text: "stored", deflate: false)
        zip.add("lib/", [], deflate: false)
        let archive = try ZipArchive(bytes: zip.bytes(), label: "/app.war!/WEB-INF/lib/x.jar")
        #expect(archive.path == "/app.war!/WEB-INF/lib/x.jar")
        #expect(archive.entries.map(\.name) == ["META-INF/MANIFEST.MF", "stored.txt", "lib/"])
        #expect(try archive.read(archive.entries[0]) == Array(text.utf8))
        #expect(try archive.read(archive.entries[1]) == Array("stored".utf8))
    }

    @Test("truncations, bad CRCs, bombs and limits fail with errors naming the label", arguments: [5, 30, 60, 120])
    func hostile(keep: Int) throws {
        var zip = TestZipWriter()
        zip.add("x.json", Array(String(repeating: "abc", count: 100).utf8))
        let bytes = zip.bytes()
        #expect(throws: BulwarkError.self) {
            let archive = try ZipArchive(bytes: Array(bytes.prefix(min(keep, bytes.count - 1))), label: "mem")
            for entry in archive.entries { _ = try archive.read(entry) }
        }
    }

    @Test("bombs, CRC and limits in memory")
    func limits() throws {
        var bomb = TestZipWriter()
        bomb.add("bomb", [UInt8](repeating: 0, count: 32 << 20))
        let archive = try ZipArchive(bytes: bomb.bytes(), label: "bomb.jar")
        #expect { try archive.read(archive.entries[0]) } throws: { error in
            (error as? BulwarkError)?.code == .limitExceeded && (error as? BulwarkError)?.message.hasPrefix("bomb.jar: bomb") == true
        }
        var crc = TestZipWriter()
        crc.add("x", Array("hello".utf8), crcOverride: 1)
        let bad = try ZipArchive(bytes: crc.bytes(), label: "crc")
        #expect { try bad.read(bad.entries[0]) } throws: { ($0 as? BulwarkError)?.code == .integrity }
        var many = TestZipWriter()
        for index in 0..<5 { many.add("f\(index)", text: "x") }
        #expect { try ZipArchive(bytes: many.bytes(), label: "m", limits: ZipLimits(maximumEntries: 4)) } throws: {
            ($0 as? BulwarkError)?.code == .limitExceeded
        }
    }

    static func zlib(_ input: [UInt8]) -> [UInt8] {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in input {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = b << 16 | a
        return [0x78, 0x9C] + TestZipWriter.rawDeflate(input) + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adler >> UInt32($0)) }
    }

    @Test("zlib streams inflate; corrupt, truncated and oversized ones are errors")
    func zlibStreams() throws {
        let text = Array(String(repeating: "{\"packages\":[]} ", count: 10_000).utf8)
        let compressed = Self.zlib(text)
        #expect(try ZlibDecompressor.inflate(compressed, maximumSize: 1 << 20, label: "x") == text)
        #expect(try ZlibDecompressor.inflate(Self.zlib([]), maximumSize: 10, label: "x") == [])
        #expect { try ZlibDecompressor.inflate(compressed, maximumSize: 1000, label: "x") } throws: { ($0 as? BulwarkError)?.code == .limitExceeded }
        #expect { try ZlibDecompressor.inflate(Array(compressed.prefix(20)), maximumSize: 1 << 20, label: "x") } throws: { ($0 as? BulwarkError)?.code == .invalidInput }
        #expect { try ZlibDecompressor.inflate(Array("garbage!".utf8), maximumSize: 1 << 20, label: "x") } throws: { ($0 as? BulwarkError)?.code == .invalidInput }
    }
}
