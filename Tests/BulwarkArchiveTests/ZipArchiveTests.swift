import BulwarkTestSupport
import BulwarkCore
import Foundation
import Testing
@testable import BulwarkArchive

@Suite("Zip reader")
struct ZipArchiveTests {
    @Test("reads stored and deflated entries with CRC checks")
    func readsEntries() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        var zip = TestZipWriter()
        let text = String(repeating: "{\"id\":\"GHSA-1\"} ", count: 200)
        zip.add("a/one.json", text: text)
        zip.add("two.json", text: "stored", deflate: false)
        zip.add("empty.json", [], deflate: true)
        zip.add("dir/", [], deflate: false)
        let path = directory.path + "/test.zip"
        try zip.write(to: path)
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.map(\.name) == ["a/one.json", "two.json", "empty.json", "dir/"])
        #expect(archive.entries[3].isDirectory)
        #expect(try archive.read(archive.entries[0]) == Array(text.utf8))
        #expect(try archive.read(archive.entries[1]) == Array("stored".utf8))
        #expect(try archive.read(archive.entries[2]) == [])
    }

    @Test("a bad CRC is an integrity error")
    func badCRC() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        var zip = TestZipWriter()
        zip.add("x.json", Array("hello world".utf8), crcOverride: 0xdeadbeef)
        let path = directory.path + "/crc.zip"
        try zip.write(to: path)
        let archive = try ZipArchive(path: path)
        #expect { try archive.read(archive.entries[0]) } throws: { ($0 as? BulwarkError)?.code == .integrity }
    }

    @Test("truncated zips are rejected at open or read, never crash", arguments: [10, 40, 100, 200])
    func truncated(keep: Int) throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        var zip = TestZipWriter()
        zip.add("x.json", Array(String(repeating: "abc", count: 100).utf8))
        let bytes = zip.bytes()
        let path = directory.path + "/t.zip"
        try Data(bytes.prefix(min(keep, bytes.count - 1))).write(to: URL(fileURLWithPath: path))
        #expect(throws: BulwarkError.self) {
            let archive = try ZipArchive(path: path)
            for entry in archive.entries { _ = try archive.read(entry) }
        }
    }

    @Test("a zip bomb is refused by the compression-ratio guard")
    func zipBomb() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        var zip = TestZipWriter()
        zip.add("bomb.json", [UInt8](repeating: 0, count: 32 << 20))
        let path = directory.path + "/bomb.zip"
        try zip.write(to: path)
        let archive = try ZipArchive(path: path)
        #expect { try archive.read(archive.entries[0]) } throws: { ($0 as? BulwarkError)?.code == .limitExceeded }
    }

    @Test("entry size, total size and entry count limits apply at open")
    func limits() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        var zip = TestZipWriter()
        for index in 0..<5 { zip.add("f\(index).json", [UInt8](repeating: 65, count: 1000)) }
        let path = directory.path + "/many.zip"
        try zip.write(to: path)
        let isLimit: @Sendable (any Error) -> Bool = { error in (error as? BulwarkError)?.code == .limitExceeded }
        #expect { try ZipArchive(path: path, limits: ZipLimits(maximumEntries: 4)) } throws: { isLimit($0) }
        #expect { try ZipArchive(path: path, limits: ZipLimits(maximumEntrySize: 999)) } throws: { isLimit($0) }
        #expect { try ZipArchive(path: path, limits: ZipLimits(maximumTotalSize: 4999)) } throws: { isLimit($0) }
        #expect(try ZipArchive(path: path, limits: ZipLimits(maximumEntries: 5, maximumEntrySize: 1000, maximumTotalSize: 5000)).entries.count == 5)
    }

    @Test("a file that is not a zip is invalid input")
    func notAZip() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/no.zip"
        try Data(repeating: 7, count: 5000).write(to: URL(fileURLWithPath: path))
        #expect { try ZipArchive(path: path) } throws: { ($0 as? BulwarkError)?.code == .invalidInput }
    }

    @Test("corrupt deflate data is an error, not a crash")
    func corruptDeflate() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        var zip = TestZipWriter()
        zip.add("x.json", Array(String(repeating: "abcdefgh", count: 500).utf8))
        var bytes = zip.bytes()
        for index in 40..<60 { bytes[index] ^= 0x5a }
        let path = directory.path + "/c.zip"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let archive = try ZipArchive(path: path)
        #expect(throws: BulwarkError.self) { try archive.read(archive.entries[0]) }
    }
}
