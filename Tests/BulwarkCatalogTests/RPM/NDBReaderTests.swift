import BulwarkCatalog
import BulwarkCore
import Testing

/// The NDB reader on databases written in code, and on hostile ones.
@Suite("NDB reader")
struct NDBReaderTests {
    static let path = "/usr/lib/sysimage/rpm/Packages.db"

    static func sample() -> (builder: NDBBuilder, built: NDBBuilder.Built) {
        var builder = NDBBuilder()
        builder.blobs = [
            RPMHeaderBlobBuilder.package(name: "filesystem", arch: "x86_64", files: ["/etc", "/usr"]).build(),
            RPMHeaderBlobBuilder.package(name: "libzypp", epoch: 4).build(),
            RPMHeaderBlobBuilder.package(name: "zypper", files: ["/usr/bin/zypper"]).build(),
        ]
        return (builder, builder.build())
    }

    static func expectInvalid(
        _ bytes: [UInt8], mentioning problem: String, code: BulwarkError.Code = .invalidInput,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: BulwarkError.self, sourceLocation: sourceLocation) {
            _ = try NDBReader.blobs(in: bytes, path: path)
        }
        #expect(error?.code == code, sourceLocation: sourceLocation)
        #expect(error?.message.hasPrefix(path + ": ") == true, sourceLocation: sourceLocation)
        #expect(
            error?.message.contains(problem) == true, "message was: \(error?.message ?? "none")",
            sourceLocation: sourceLocation)
    }

    @Test("blobs come back byte-exact, in file order, free slots skipped")
    func roundTrip() throws {
        let (builder, built) = Self.sample()
        #expect(RPMDatabaseFormat(detecting: built.bytes) == .ndb)
        #expect(try NDBReader.blobs(in: built.bytes, path: Self.path) == builder.blobs)
        let indexes = try NDBReader.packages(in: built.bytes, path: Self.path).map(\.index)
        #expect(indexes == [1, 2, 3])
        // Free the middle slot (block offset 0): its package disappears.
        var freed = built.bytes
        RPMTestBytes.put32(0, into: &freed, at: built.slotOffsets[1] + 8, bigEndian: false)
        let names = try RPMDatabase.packages(from: freed, path: Self.path).map(\.name)
        #expect(names == ["filesystem", "zypper"])
        // Slots listed out of file order are returned in file order (as rpm lists them).
        var swapped = built.bytes
        let first = Array(built.bytes[built.slotOffsets[0]..<(built.slotOffsets[0] + 16)])
        let last = Array(built.bytes[built.slotOffsets[2]..<(built.slotOffsets[2] + 16)])
        swapped.replaceSubrange(built.slotOffsets[0]..<(built.slotOffsets[0] + 16), with: last)
        swapped.replaceSubrange(built.slotOffsets[2]..<(built.slotOffsets[2] + 16), with: first)
        #expect(try NDBReader.blobs(in: swapped, path: Self.path) == builder.blobs)
    }

    @Test("slots pointing outside the file or into the slot pages are rejected")
    func badSlotOffsets() {
        let built = Self.sample().built
        let slot = built.slotOffsets[0]
        var pastEnd = built.bytes
        RPMTestBytes.put32(0x0FFF_FFFF, into: &pastEnd, at: slot + 8, bigEndian: false)
        Self.expectInvalid(pastEnd, mentioning: "outside the data area")
        var hugeCount = built.bytes
        RPMTestBytes.put32(0xFFFF_FFFF, into: &hugeCount, at: slot + 12, bigEndian: false)
        Self.expectInvalid(hugeCount, mentioning: "outside the data area")
        var intoSlots = built.bytes
        RPMTestBytes.put32(2, into: &intoSlots, at: slot + 8, bigEndian: false)
        Self.expectInvalid(intoSlots, mentioning: "outside the data area")
        var noIndex = built.bytes
        RPMTestBytes.put32(0, into: &noIndex, at: slot + 4, bigEndian: false)
        Self.expectInvalid(noIndex, mentioning: "package 0")
        var noMagic = built.bytes
        noMagic[slot] = UInt8(ascii: "X")
        Self.expectInvalid(noMagic, mentioning: "no Slot magic")
    }

    @Test("damaged blobs are rejected")
    func badBlobs() {
        let built = Self.sample().built
        let blob = built.blobOffsets[1]
        var head = built.bytes
        head[blob] = 0
        Self.expectInvalid(head, mentioning: "no BlbS magic")
        var owner = built.bytes
        RPMTestBytes.put32(9, into: &owner, at: blob + 4, bigEndian: false)
        Self.expectInvalid(owner, mentioning: "belongs to another package")
        var length = built.bytes
        RPMTestBytes.put32(0xFFFF_FFF0, into: &length, at: blob + 12, bigEndian: false)
        Self.expectInvalid(length, mentioning: "does not match its slot")
        var tail = built.bytes
        let tailMagic = built.blobOffsets[2] - 4
        tail[tailMagic] = 0
        Self.expectInvalid(tail, mentioning: "damaged tail")
    }

    @Test("bad file headers are rejected")
    func badHeader() {
        let built = Self.sample().built
        var pages = built.bytes
        RPMTestBytes.put32(0xFFFF_FFFF, into: &pages, at: 12, bigEndian: false)
        Self.expectInvalid(pages, mentioning: "slot pages")
        var none = built.bytes
        RPMTestBytes.put32(0, into: &none, at: 12, bigEndian: false)
        Self.expectInvalid(none, mentioning: "claims 0 slot pages")
        var version = built.bytes
        RPMTestBytes.put32(1, into: &version, at: 4, bigEndian: false)
        Self.expectInvalid(version, mentioning: "version 1", code: .unsupported)
        Self.expectInvalid(Array("RpmP".utf8), mentioning: "not an rpm NDB database")
        Self.expectInvalid(Array(built.bytes.prefix(2000)), mentioning: "slot pages")
    }

    @Test("random corruption never crashes")
    func fuzz() {
        let original = Self.sample().built.bytes
        var random = RPMTestRandom(seed: 0x0000_0ADB)
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                // Bias towards the interesting first page and blob heads.
                let limit = Bool.random(using: &random) ? min(bytes.count, 256) : bytes.count
                bytes[Int.random(in: 0..<limit, using: &random)] = UInt8.random(in: 0...255, using: &random)
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
