import BulwarkCatalog
import BulwarkCore
import Testing

/// The Berkeley DB hash reader on databases written in code: layouts, byte orders and hostile files.
@Suite("Berkeley DB hash reader")
struct BerkeleyDBHashReaderTests {
    static let path = "/var/lib/rpm/Packages"

    /// Three package headers (two large enough to need multi-page overflow chains) and rpm's key-0 record.
    static func sampleBuilder(pageSize: Int = 512, bigEndian: Bool = false, extra: Int = 0) -> BerkeleyDBHashBuilder {
        var builder = BerkeleyDBHashBuilder(pageSize: pageSize, bigEndian: bigEndian)
        builder.add(instance: 0, value: [0, 0, 0, 4])
        builder.add(
            instance: 1,
            value: RPMHeaderBlobBuilder.package(name: "bash", files: (0..<30).map { "/usr/share/doc/bash/f\($0)" }).build())
        builder.add(instance: 2, value: RPMHeaderBlobBuilder.package(name: "zlib", epoch: 2).build())
        builder.add(
            instance: 3,
            value: RPMHeaderBlobBuilder.package(name: "glibc", files: (0..<80).map { "/usr/lib64/gconv/m\($0).so" })
                .build())
        for number in 0..<extra {
            var small = RPMHeaderBlobBuilder()
            small.add(.name, .string("p\(number)"))
            small.add(.version, .string("1"))
            builder.add(instance: UInt32(4 + number), value: small.build())
        }
        return builder
    }

    static func expectInvalid(
        _ bytes: [UInt8], mentioning problem: String, code: BulwarkError.Code = .invalidInput,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: BulwarkError.self, sourceLocation: sourceLocation) {
            _ = try BerkeleyDBHashReader.values(in: bytes, path: path)
        }
        #expect(error?.code == code, sourceLocation: sourceLocation)
        #expect(error?.message.hasPrefix(path + ": ") == true, sourceLocation: sourceLocation)
        #expect(
            error?.message.contains(problem) == true, "message was: \(error?.message ?? "none")",
            sourceLocation: sourceLocation)
    }

    @Test("values come back byte-exact, key 0 skipped", arguments: [512, 4096])
    func roundTrip(pageSize: Int) throws {
        let builder = Self.sampleBuilder(pageSize: pageSize, extra: 40)
        let built = builder.build()
        #expect(BerkeleyDBHashReader.isHashDatabase(built.bytes))
        #expect(RPMDatabaseFormat(detecting: built.bytes) == .berkeleyDB)
        let values = try BerkeleyDBHashReader.values(in: built.bytes, path: Self.path)
        #expect(values == builder.records.dropFirst().map(\.value))
        let records = try BerkeleyDBHashReader.records(in: built.bytes, path: Self.path)
        #expect(records.count == 44)
        #expect(records.first?.key == [0, 0, 0, 0])
        let names = try RPMDatabase.packages(from: built.bytes, path: Self.path).map(\.name)
        #expect(names == ["bash", "zlib", "glibc"] + (0..<40).map { "p\($0)" })
        if pageSize == 512 {
            #expect(built.overflowChains.contains { $0.count > 2 })
            #expect(built.hashPages.count > 1)
        }
    }

    @Test("a database written on a big-endian machine reads the same")
    func bigEndian() throws {
        let little = Self.sampleBuilder(bigEndian: false).build()
        let big = Self.sampleBuilder(bigEndian: true).build()
        #expect(little.bytes != big.bytes)
        #expect(BerkeleyDBHashReader.isHashDatabase(big.bytes))
        #expect(
            try BerkeleyDBHashReader.values(in: big.bytes, path: Self.path)
                == BerkeleyDBHashReader.values(in: little.bytes, path: Self.path))
    }

    @Test("an overflow chain that loops is detected")
    func overflowLoop() throws {
        var built = Self.sampleBuilder().build()
        let chain = try #require(built.overflowChains.first { $0.count >= 3 })
        // Point the last page back at the first one and claim a longer item so the reader keeps going.
        let last = try #require(chain.last)
        RPMTestBytes.put32(UInt32(chain[0]), into: &built.bytes, at: built.offset(of: last) + 16, bigEndian: false)
        let hashPage = built.hashPages[0]
        let base = built.offset(of: hashPage)
        // Find the off-page item that starts this chain and inflate its total length.
        var found = false
        for offset in stride(from: base + 26, to: base + built.pageSize - 12, by: 1)
        where built.bytes[offset] == 3
            && built.bytes[offset + 4] == UInt8(chain[0] & 0xFF) && built.bytes[offset + 5] == UInt8(chain[0] >> 8)
        {
            RPMTestBytes.put32(UInt32(built.bytes.count), into: &built.bytes, at: offset + 8, bigEndian: false)
            found = true
            break
        }
        #expect(found)
        Self.expectInvalid(built.bytes, mentioning: "reached twice")
    }

    @Test("a page shared by two chains is detected")
    func sharedChain() throws {
        var built = Self.sampleBuilder().build()
        let first = try #require(built.overflowChains.first)
        let second = try #require(built.overflowChains.last)
        // Make the second chain's first page continue into the first chain.
        RPMTestBytes.put32(UInt32(first[0]), into: &built.bytes, at: built.offset(of: second[0]) + 16, bigEndian: false)
        Self.expectInvalid(built.bytes, mentioning: "reached twice")
    }

    @Test("chains leaving the file or entering non-overflow pages are rejected")
    func badChainTargets() throws {
        let clean = Self.sampleBuilder().build()
        let chain = try #require(clean.overflowChains.first)
        var outside = clean
        RPMTestBytes.put32(99_999, into: &outside.bytes, at: outside.offset(of: chain[0]) + 16, bigEndian: false)
        Self.expectInvalid(outside.bytes, mentioning: "outside the file")
        var intoHash = clean
        RPMTestBytes.put32(
            UInt32(clean.hashPages[0]), into: &intoHash.bytes, at: intoHash.offset(of: chain[0]) + 16, bigEndian: false)
        Self.expectInvalid(intoHash.bytes, mentioning: "is not an overflow page")
        var overfull = clean
        RPMTestBytes.put16(60_000, into: &overfull.bytes, at: overfull.offset(of: chain[0]) + 22, bigEndian: false)
        Self.expectInvalid(overfull.bytes, mentioning: "inconsistent with the item length")
        var empty = clean
        RPMTestBytes.put16(0, into: &empty.bytes, at: empty.offset(of: chain[0]) + 22, bigEndian: false)
        Self.expectInvalid(empty.bytes, mentioning: "holds 0 bytes")
        // A truncated file: the chain runs into pages that are no longer there.
        let truncated = Array(clean.bytes.prefix(clean.bytes.count - clean.pageSize * 3))
        #expect(throws: BulwarkError.self) { try BerkeleyDBHashReader.values(in: truncated, path: Self.path) }
    }

    @Test("hash pages with impossible entry counts or item offsets are rejected")
    func badHashPages() {
        let clean = Self.sampleBuilder().build()
        let base = clean.offset(of: clean.hashPages[0])
        var tooMany = clean
        RPMTestBytes.put16(60_000, into: &tooMany.bytes, at: base + 20, bigEndian: false)
        Self.expectInvalid(tooMany.bytes, mentioning: "more than fit in a page")
        var reversed = clean
        RPMTestBytes.put16(20, into: &reversed.bytes, at: base + 26, bigEndian: false)
        Self.expectInvalid(reversed.bytes, mentioning: "out of order")
        var unknownKind = clean
        let valueOffset = Int(clean.bytes[base + 28]) | Int(clean.bytes[base + 29]) << 8
        unknownKind.bytes[base + valueOffset] = 9
        Self.expectInvalid(unknownKind.bytes, mentioning: "unknown kind 9")
        var duplicate = clean
        duplicate.bytes[base + valueOffset] = 2
        Self.expectInvalid(duplicate.bytes, mentioning: "duplicate", code: .unsupported)
        var wrongNumber = clean
        RPMTestBytes.put32(77, into: &wrongNumber.bytes, at: base + 8, bigEndian: false)
        Self.expectInvalid(wrongNumber.bytes, mentioning: "records page number 77")
        var hugeLength = clean
        // The first pair of the first page is key 0 (inline); the second pair is off-page.
        let secondValue = Int(clean.bytes[base + 32]) | Int(clean.bytes[base + 33]) << 8
        #expect(clean.bytes[base + secondValue] == 3)
        RPMTestBytes.put32(0xFFFF_FFFF, into: &hugeLength.bytes, at: base + secondValue + 8, bigEndian: false)
        Self.expectInvalid(hugeLength.bytes, mentioning: "impossible length")
    }

    @Test("bad metadata pages are rejected")
    func badMetadata() {
        let clean = Self.sampleBuilder().build()
        Self.expectInvalid(Array("bogus".utf8), mentioning: "not a Berkeley DB hash database")
        var pageSize = clean
        RPMTestBytes.put32(1000, into: &pageSize.bytes, at: 20, bigEndian: false)
        Self.expectInvalid(pageSize.bytes, mentioning: "page size 1000")
        var version = clean
        RPMTestBytes.put32(3, into: &version.bytes, at: 16, bigEndian: false)
        Self.expectInvalid(version.bytes, mentioning: "version 3", code: .unsupported)
        var encrypted = clean
        encrypted.bytes[24] = 1
        Self.expectInvalid(encrypted.bytes, mentioning: "encrypted", code: .unsupported)
        var btree = clean
        btree.bytes[25] = 9
        Self.expectInvalid(btree.bytes, mentioning: "expected 8")
        Self.expectInvalid(Array(clean.bytes.prefix(100)), mentioning: "shorter than one")
    }

    @Test("random corruption never crashes or hangs")
    func fuzz() {
        let original = Self.sampleBuilder().build().bytes
        var random = RPMTestRandom(seed: 0x0DB0_0DB0)
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            }
            if Bool.random(using: &random) {
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            }
            do {
                _ = try RPMDatabase.packages(from: bytes, path: Self.path)
            } catch {
                #expect(error.code == .invalidInput || error.code == .unsupported)
            }
        }
    }
}
