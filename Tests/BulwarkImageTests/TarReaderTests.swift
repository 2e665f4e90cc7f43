import BulwarkCore
import BulwarkTestSupport
@testable import BulwarkImage
import Testing

@Suite struct TarReaderTests {
    func entries(_ bytes: [UInt8]) throws -> [(TarEntry, [UInt8])] {
        let reader = TarReader(MemorySource(bytes), label: "test.tar", bufferSize: 4096)
        var out: [(TarEntry, [UInt8])] = []
        while let entry = try reader.next() {
            out.append((entry, entry.kind == .regular ? try reader.readData(limit: 1 << 20) : []))
        }
        return out
    }

    @Test func ustarPaxAndGNULongNamesLinksAndDirectories() throws {
        let longPath = "usr/" + String(repeating: "very-long-directory-name/", count: 8) + "file.txt"
        var writer = TarWriter()
        writer.directory("etc")
        writer.file("etc/hostname", "box\n")
        writer.file(longPath, "pax")
        writer.gnuLongNameFile("opt/" + String(repeating: "gnu-long-name-", count: 10) + "end", "gnu")
        writer.symlink("etc/localtime", target: "/usr/share/zoneinfo/UTC")
        writer.hardlink("etc/hostname-copy", target: "etc/hostname")
        writer.file("big.bin", [UInt8](repeating: 7, count: 10_000))
        let result = try entries(writer.finished())
        #expect(result.map(\.0.name) == ["etc/", "etc/hostname", longPath, "opt/" + String(repeating: "gnu-long-name-", count: 10) + "end", "etc/localtime", "etc/hostname-copy", "big.bin"])
        #expect(result[0].0.kind == .directory)
        #expect(result[1].1 == Array("box\n".utf8))
        #expect(result[2].1 == Array("pax".utf8))
        #expect(result[3].1 == Array("gnu".utf8))
        #expect(result[4].0.kind == .symlink && result[4].0.linkName == "/usr/share/zoneinfo/UTC")
        #expect(result[5].0.kind == .hardlink && result[5].0.linkName == "etc/hostname")
        #expect(result[6].1.count == 10_000 && result[6].0.size == 10_000)
    }

    @Test func skippedDataIsNotRead() throws {
        var writer = TarWriter()
        writer.file("a", [UInt8](repeating: 1, count: 100_000))
        writer.file("b", "second")
        let reader = TarReader(MemorySource(writer.finished()), label: "t", bufferSize: 4096)
        #expect(try reader.next()?.name == "a")
        #expect(try reader.next()?.name == "b")
        #expect(try reader.readData(limit: 100) == Array("second".utf8))
        #expect(try reader.next() == nil)
    }

    @Test func paxSizeOverridesHeaderAndLinkpath() throws {
        var writer = TarWriter()
        let records = "30 linkpath=/a/really/far/dir\n"
        writer.rawHeader(name: "PaxHeaders/x", type: "x", size: Int64(records.utf8.count))
        writer.raw(Array(records.utf8) + [UInt8](repeating: 0, count: 512 - records.utf8.count))
        writer.rawHeader(name: "lnk", type: "2", size: 0)
        writer.finish()
        let result = try entries(writer.bytes)
        #expect(result.first?.0.linkName == "/a/really/far/dir")
    }

    // MARK: - Hostile input

    @Test func truncatedAndGarbageArchivesThrow() throws {
        var writer = TarWriter()
        writer.file("a", [UInt8](repeating: 1, count: 5000))
        let full = writer.finished()
        #expect(throws: BulwarkError.self) { _ = try entries(Array(full.prefix(2000))) }
        #expect(throws: BulwarkError.self) { _ = try entries(Array(full.prefix(300))) }
        #expect(throws: BulwarkError.self) { _ = try entries([UInt8](repeating: 0x33, count: 1024)) }
        var huge = TarWriter()
        huge.rawHeader(name: "x", type: "x", size: 50 << 20)
        #expect(throws: BulwarkError.self) { _ = try entries(huge.bytes) }
        var badPax = TarWriter()
        badPax.rawHeader(name: "x", type: "x", size: 12)
        badPax.raw(Array("999 path=abc".utf8) + [UInt8](repeating: 0, count: 500))
        badPax.rawHeader(name: "y", type: "0", size: 0)
        #expect(throws: BulwarkError.self) { _ = try entries(badPax.bytes) }
        var badSize = TarWriter()
        badSize.rawHeader(name: "z", type: "0", size: 0, sizeField: Array("12345678zzz".utf8))
        #expect(throws: BulwarkError.self) { _ = try entries(badSize.bytes) }
    }

    @Test func endWithoutZeroBlocksIsAccepted() throws {
        var writer = TarWriter()
        writer.file("only", "x")
        #expect(try entries(writer.bytes).count == 1)
    }
}

@Suite struct CompressionTests {
    let payload: [UInt8] = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ ($0 >> 7)) }

    func decode(_ bytes: [UInt8], engine: InflateEngine? = nil) throws -> [UInt8] {
        let source: any ByteSource
        if let engine {
            source = GzipSource(MemorySource(bytes), label: "blob", engine: engine)
        } else {
            source = try Compression.decoding(MemorySource(bytes), label: "blob")
        }
        return try source.readAll(limit: 10 << 20, label: "blob")
    }

    @Test(arguments: [InflateEngine.isal, .zlib])
    func gzipSingleAndMultiMember(engine: InflateEngine) throws {
        #expect(try decode(Compressors.gzip(payload), engine: engine) == payload)
        let twoMembers = Compressors.gzip(Array(payload.prefix(1000))) + Compressors.gzip(Array(payload.dropFirst(1000)))
        #expect(try decode(twoMembers, engine: engine) == payload)
        #expect(try decode(Compressors.gzip([]), engine: engine) == [])
    }

    @Test(arguments: [InflateEngine.isal, .zlib])
    func corruptAndTruncatedGzipThrow(engine: InflateEngine) throws {
        let good = Compressors.gzip(payload)
        #expect(throws: BulwarkError.self) { _ = try decode(Array(good.prefix(good.count / 2)), engine: engine) }
        var flipped = good
        for index in stride(from: 30, to: flipped.count - 10, by: 97) { flipped[index] ^= 0xA5 }
        #expect(throws: BulwarkError.self) { _ = try decode(flipped, engine: engine) }
        var badCRC = good
        badCRC[badCRC.count - 6] ^= 0xFF
        #expect(throws: BulwarkError.self) { _ = try decode(badCRC, engine: engine) }
    }

    @Test func zstdAndDetection() throws {
        #expect(try decode(Compressors.zstd(payload)) == payload)
        #expect(try decode(Compressors.zstd(payload) + Compressors.zstd([1, 2, 3])) == payload + [1, 2, 3])
        #expect(try decode(payload) == payload)
        let good = Compressors.zstd(payload)
        #expect(throws: BulwarkError.self) { _ = try decode(Array(good.prefix(good.count - 20))) }
        var flipped = good
        for index in stride(from: 12, to: flipped.count, by: 13) { flipped[index] ^= 0x5A }
        #expect(throws: BulwarkError.self) { _ = try decode(flipped) }
        #expect(throws: BulwarkError.self) { _ = try decode([0x42, 0x5A, 0x68, 0x39, 0, 0]) }
    }

    @Test func digestingSourceChecksSizeAndDigest() throws {
        let digest = try Digest(parsing: TestDigest.sha256(payload))
        let ok = DigestingSource(MemorySource(payload), expected: [digest], expectedSize: Int64(payload.count), label: "blob")
        #expect(try ok.drain() == Int64(payload.count))
        let wrongSize = DigestingSource(MemorySource(payload), expected: [digest], expectedSize: 10, label: "blob")
        #expect(throws: BulwarkError.self) { try wrongSize.drain() }
        let wrongDigest = DigestingSource(MemorySource(payload + [0]), expected: [digest], label: "blob")
        #expect(throws: BulwarkError.self) { try wrongDigest.drain() }
    }

    @Test func pipelinePassesBytesAndErrorsThrough() throws {
        let piped = PipelinedSource(MemorySource(payload), bufferSize: 4096, depth: 3)
        #expect(try piped.readAll(limit: 1 << 20, label: "p") == payload)
        let failing = PipelinedSource(GzipSource(MemorySource(Array(Compressors.gzip(payload).prefix(500))), label: "blob"), bufferSize: 4096)
        #expect(throws: BulwarkError.self) { _ = try failing.readAll(limit: 1 << 20, label: "p") }
        // Abandoning a pipeline half-way must not hang or leak its thread.
        let abandoned = PipelinedSource(MemorySource(payload), bufferSize: 1024, depth: 2)
        var small = [UInt8](repeating: 0, count: 10)
        _ = try small.withUnsafeMutableBytes { try abandoned.read(into: $0) }
    }
}
