import BulwarkCatalog
import BulwarkCore
import Testing

/// Parsing rpm header blobs: well-formed headers, rpm's region and dribble rules, and hostile input.
@Suite("RPM header blobs")
struct RPMHeaderTests {
    static let source = "/var/lib/rpm/Packages (record 1)"

    /// Expects parsing (header and package fields) to throw an invalid-input error naming the source.
    static func expectInvalid(_ blob: [UInt8], mentioning problem: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: BulwarkError.self, sourceLocation: sourceLocation) {
            _ = try RPMPackageInfo(header: RPMHeader(blob: blob, source: source))
        }
        #expect(error?.code == .invalidInput, sourceLocation: sourceLocation)
        #expect(error?.message.hasPrefix(source + ": ") == true, sourceLocation: sourceLocation)
        #expect(
            error?.message.contains(problem) == true, "message was: \(error?.message ?? "none")",
            sourceLocation: sourceLocation)
    }

    @Test("reads every field Bulwark uses")
    func readsFields() throws {
        var builder = RPMHeaderBlobBuilder.package(
            name: "openssl-libs", version: "3.0.7", release: "27.el9", epoch: 1, arch: "x86_64",
            sourceRPM: "openssl-3.0.7-27.el9.src.rpm", license: "ASL 2.0", vendor: "Red Hat, Inc.",
            files: ["/usr/lib64/libssl.so.3", "/usr/lib64/libcrypto.so.3", "/etc/pki/tls/openssl.cnf"])
        builder.add(.packager, .string("Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>"))
        builder.add(.modularityLabel, .string("nodejs:18:9020020230417:rhel9"))
        let header = try RPMHeader(blob: builder.build(), source: Self.source)
        #expect(header.regionTag == .headerImmutable)
        #expect(!header.contains(.headerImmutable))
        let info = try RPMPackageInfo(header: header)
        #expect(info.name == "openssl-libs")
        #expect(info.version == "3.0.7")
        #expect(info.release == "27.el9")
        #expect(info.epoch == 1)
        #expect(info.architecture == "x86_64")
        #expect(info.sourceRPM == "openssl-3.0.7-27.el9.src.rpm")
        #expect(info.license == "ASL 2.0")
        #expect(info.vendor == "Red Hat, Inc.")
        #expect(info.packager == "Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>")
        #expect(info.modularityLabel == "nodejs:18:9020020230417:rhel9")
        #expect(info.summary == "Summary of openssl-libs")
        #expect(info.size == 4096)
        #expect(info.files == ["/usr/lib64/libssl.so.3", "/usr/lib64/libcrypto.so.3", "/etc/pki/tls/openssl.cnf"])
        #expect(info.fullVersion == "1:3.0.7-27.el9")
        #expect(info.source == RPMSourceRPM(fileName: "openssl-3.0.7-27.el9.src.rpm"))
        #expect(info.source?.name == "openssl")
        #expect(info.source?.version == "3.0.7")
        #expect(info.source?.release == "27.el9")
    }

    @Test("a header without a region (rpm v3 style) is read too")
    func legacyHeaderWithoutRegion() throws {
        var builder = RPMHeaderBlobBuilder.package(name: "legacy", epoch: 0)
        builder.immutableRegion = false
        let header = try RPMHeader(blob: builder.build(), source: Self.source)
        #expect(header.regionTag == nil)
        let info = try RPMPackageInfo(header: header)
        #expect(info.name == "legacy")
        #expect(info.epoch == 0)
        #expect(info.fullVersion == "0:1.0-1.el9")
    }

    @Test("entries after the region (dribbles) replace region entries with the same tag")
    func dribblesReplaceRegionEntries() throws {
        let region = RPMHeaderBlobBuilder.package(name: "pkg", vendor: "Old Vendor").build()
        // Rebuild with a dribble: copy the region header's index and data, then append one more
        // entry after the region (outside the trailer's count), as rpm does for added tags.
        let indexCount = Int(region[3]) | Int(region[2]) << 8
        let dataLength = Int(region[7]) | Int(region[6]) << 8
        var index: [(tag: Int32, type: UInt32, offset: Int32, count: UInt32)] = []
        for entry in 0..<indexCount {
            let base = 8 + entry * 16
            func word(_ at: Int) -> UInt32 {
                UInt32(region[at]) << 24 | UInt32(region[at + 1]) << 16 | UInt32(region[at + 2]) << 8
                    | UInt32(region[at + 3])
            }
            index.append((Int32(bitPattern: word(base)), word(base + 4), Int32(bitPattern: word(base + 8)), word(base + 12)))
        }
        var data = Array(region[(8 + indexCount * 16)..<(8 + indexCount * 16 + dataLength)])
        index.append((RPMHeaderTag.vendor.rawValue, 6, Int32(data.count), 1))
        data += Array("New Vendor".utf8) + [0]
        let header = try RPMHeader(blob: RPMHeaderBlobBuilder.raw(index: index, data: data), source: Self.source)
        #expect(try header.string(.vendor) == "New Vendor")
        #expect(try header.string(.name) == "pkg")
    }

    @Test("OLDFILENAMES is the file list of headers without BASENAMES")
    func oldFileNames() throws {
        var builder = RPMHeaderBlobBuilder.package(name: "old")
        builder.add(.oldFileNames, .stringArray(["/bin/old", "/etc/old.conf"]))
        let info = try RPMPackageInfo(header: RPMHeader(blob: builder.build(), source: Self.source))
        #expect(info.files == ["/bin/old", "/etc/old.conf"])
    }

    @Test("integer, binary and i18n accessors")
    func accessors() throws {
        var builder = RPMHeaderBlobBuilder()
        builder.add(.name, .string("x"))
        builder.add(RPMHeaderTag(1030), .int16([0o100644, 0o040755]))
        builder.add(.longSize, .int64([5_000_000_000]))
        builder.add(.sigMD5, .binary([0xde, 0xad, 0xbe, 0xef]))
        builder.add(.summary, .i18nString(["English", "Deutsch"]))
        let header = try RPMHeader(blob: builder.build(), source: Self.source)
        #expect(try header.integers(RPMHeaderTag(1030)) == [0o100644, 0o040755])
        #expect(try header.integer(.longSize) == 5_000_000_000)
        #expect(try header.binary(.sigMD5) == [0xde, 0xad, 0xbe, 0xef])
        #expect(try header.string(.summary) == "English")
        #expect(try header.strings(.summary) == ["English", "Deutsch"])
        #expect(try header.string(.vendor) == nil)
        #expect(header.tags == [.summary, .name, RPMHeaderTag(1030), .longSize, .sigMD5].sorted())
        // Type confusion is an error, not a crash or a silent reinterpretation.
        #expect(throws: BulwarkError.self) { try header.integers(.name) }
        #expect(throws: BulwarkError.self) { try header.string(.longSize) }
    }

    @Test("source rpm names split like Trivy's splitFileName")
    func sourceRPMNames() {
        let glibc = RPMSourceRPM(fileName: "glibc-2.34-60.el9.src.rpm")
        #expect(glibc?.name == "glibc")
        #expect(glibc?.version == "2.34")
        #expect(glibc?.release == "60.el9")
        let dashed = RPMSourceRPM(fileName: "python-setuptools-wheel-53.0.0-12.el9.nosrc.rpm")
        #expect(dashed?.name == "python-setuptools-wheel")
        #expect(dashed?.version == "53.0.0")
        #expect(dashed?.release == "12.el9")
        #expect(RPMSourceRPM(fileName: "(none)") == nil)
        #expect(RPMSourceRPM(fileName: "noversion.src.rpm") == nil)
        #expect(RPMSourceRPM(fileName: "a-b.src.rpm") == nil)
        #expect(RPMSourceRPM(fileName: "-1-2.src.rpm") == nil)
    }

    // MARK: - Hostile input

    @Test("blobs shorter than the preamble or truncated inside the data are rejected")
    func truncated() {
        let blob = RPMHeaderBlobBuilder.package(name: "bash", files: ["/bin/bash"]).build()
        Self.expectInvalid([], mentioning: "preamble")
        Self.expectInvalid([0, 0, 0, 1], mentioning: "preamble")
        for cut in [9, 8 + 16, blob.count / 2, blob.count - 1] {
            Self.expectInvalid(Array(blob.prefix(cut)), mentioning: "truncated")
        }
    }

    @Test("absurd index counts and data lengths are rejected before allocating")
    func hugeCounts() {
        Self.expectInvalid(RPMHeaderBlobBuilder.raw(index: [], data: []), mentioning: "index count 0")
        var huge = RPMTestBytes()
        huge.u32(0xFFFF_FFFF, bigEndian: true)
        huge.u32(16, bigEndian: true)
        Self.expectInvalid(huge.bytes + [UInt8](repeating: 0, count: 64), mentioning: "index count")
        var manyTags = RPMTestBytes()
        manyTags.u32(0x0001_0000, bigEndian: true)
        manyTags.u32(0, bigEndian: true)
        Self.expectInvalid(manyTags.bytes, mentioning: "index count")
        var bigData = RPMTestBytes()
        bigData.u32(1, bigEndian: true)
        bigData.u32(0x7FFF_FFFF, bigEndian: true)
        Self.expectInvalid(bigData.bytes + [UInt8](repeating: 0, count: 16), mentioning: "data length")
        // A claimed size that would fit rpm's limits but not the blob.
        var claimed = RPMTestBytes()
        claimed.u32(1000, bigEndian: true)
        claimed.u32(1_000_000, bigEndian: true)
        Self.expectInvalid(claimed.bytes + [UInt8](repeating: 0, count: 100), mentioning: "truncated")
    }

    @Test("index entries pointing outside the data area are rejected")
    func entryOutsideData() {
        let data = Array("bash\u{0}".utf8)
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(1000, 6, 64, 1)], data: data), mentioning: "outside the 5-byte data area")
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(1000, 6, -4, 1)], data: data), mentioning: "outside")
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(1000, 6, Int32.min, 1)], data: data), mentioning: "outside")
    }

    @Test("element counts past the data area are rejected")
    func countsPastData() {
        let data = [UInt8](repeating: 0, count: 16)
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(1116, 4, 0, 0xFFFF_FFFF)], data: data), mentioning: "claims 4294967295 elements")
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(1116, 4, 8, 3)], data: data), mentioning: "claims 3 elements")
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(1117, 8, 0, 0x7FFF_FFFF)], data: data), mentioning: "strings")
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(1000, 7, 0, 17)], data: data), mentioning: "claims 17 elements")
    }

    @Test("misaligned integers and unknown types are rejected")
    func typeAndAlignment() {
        let data = [UInt8](repeating: 0, count: 16)
        Self.expectInvalid(RPMHeaderBlobBuilder.raw(index: [(1003, 4, 2, 1)], data: data), mentioning: "misaligned")
        Self.expectInvalid(RPMHeaderBlobBuilder.raw(index: [(1003, 5, 4, 1)], data: data), mentioning: "misaligned")
        Self.expectInvalid(RPMHeaderBlobBuilder.raw(index: [(1000, 42, 0, 1)], data: data), mentioning: "unknown type 42")
    }

    @Test("a string that runs off the end of the data is rejected")
    func unterminatedString() {
        let blob = RPMHeaderBlobBuilder.raw(index: [(1000, 6, 0, 1)], data: Array("bash".utf8))
        Self.expectInvalid(blob, mentioning: "runs past the end")
        // The last of several strings unterminated.
        let array = RPMHeaderBlobBuilder.raw(
            index: [(1000, 6, 0, 1), (1001, 6, 2, 1), (1117, 8, 4, 2)], data: Array("a\u{0}1\u{0}x\u{0}yz".utf8))
        Self.expectInvalid(array, mentioning: "tag 1117 has a string that runs past the end")
    }

    @Test("damaged region tags and trailers are rejected")
    func damagedRegion() {
        var trailer = RPMTestBytes()
        trailer.u32(63, bigEndian: true)
        trailer.u32(7, bigEndian: true)
        trailer.u32(UInt32(bitPattern: -32), bigEndian: true)
        trailer.u32(16, bigEndian: true)
        let name = Array("n\u{0}".utf8)
        let good = RPMHeaderBlobBuilder.raw(index: [(63, 7, 2, 16), (1000, 6, 0, 1)], data: name + trailer.bytes)
        #expect(throws: Never.self) { try RPMHeader(blob: good, source: Self.source) }
        // Region entry with the wrong type/count.
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(63, 4, 2, 16), (1000, 6, 0, 1)], data: name + trailer.bytes),
            mentioning: "region tag")
        // Trailer outside the data area.
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(63, 7, 8, 16), (1000, 6, 0, 1)], data: name + trailer.bytes),
            mentioning: "region trailer offset")
        // Trailer with a wrong tag.
        var wrong = trailer.bytes
        wrong[3] = 99
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(63, 7, 2, 16), (1000, 6, 0, 1)], data: name + wrong),
            mentioning: "region trailer is damaged")
        // Trailer claiming more entries than the header has.
        var oversized = RPMTestBytes()
        oversized.u32(63, bigEndian: true)
        oversized.u32(7, bigEndian: true)
        oversized.u32(UInt32(bitPattern: -16 * 1000), bigEndian: true)
        oversized.u32(16, bigEndian: true)
        Self.expectInvalid(
            RPMHeaderBlobBuilder.raw(index: [(63, 7, 2, 16), (1000, 6, 0, 1)], data: name + oversized.bytes),
            mentioning: "region size")
    }

    @Test("inconsistent file lists are rejected")
    func badFileLists() {
        var outOfRange = RPMHeaderBlobBuilder.package(name: "x")
        outOfRange.add(.dirIndexes, .int32([0, 5]))
        outOfRange.add(.baseNames, .stringArray(["a", "b"]))
        outOfRange.add(.dirNames, .stringArray(["/usr/"]))
        Self.expectInvalid(outOfRange.build(), mentioning: "DIRINDEXES value 5")
        var mismatch = RPMHeaderBlobBuilder.package(name: "x")
        mismatch.add(.dirIndexes, .int32([0]))
        mismatch.add(.baseNames, .stringArray(["a", "b"]))
        mismatch.add(.dirNames, .stringArray(["/usr/"]))
        Self.expectInvalid(mismatch.build(), mentioning: "2 BASENAMES but 1 DIRINDEXES")
        var missing = RPMHeaderBlobBuilder.package(name: "x")
        missing.add(.baseNames, .stringArray(["a"]))
        Self.expectInvalid(missing.build(), mentioning: "BASENAMES without DIRNAMES")
    }

    @Test("headers without NAME or with a huge EPOCH are rejected")
    func missingName() {
        var builder = RPMHeaderBlobBuilder()
        builder.add(.version, .string("1"))
        Self.expectInvalid(builder.build(), mentioning: "no NAME")
        var epoch = RPMHeaderBlobBuilder.package(name: "x")
        epoch.entries.removeAll { $0.tag == RPMHeaderTag.epoch.rawValue }
        epoch.add(.epoch, .int64([UInt64.max]))
        Self.expectInvalid(epoch.build(), mentioning: "EPOCH")
    }

    @Test("random corruption never crashes: every mutated blob parses or throws BulwarkError")
    func fuzz() {
        let original = RPMHeaderBlobBuilder.package(
            name: "fuzz", epoch: 3, files: (0..<40).map { "/usr/share/fuzz/dir\($0 % 7)/file\($0)" }
        ).build()
        var random = RPMTestRandom(seed: 0xB01D_FACE)
        var thrown = 0
        for _ in 0..<3000 {
            var blob = original
            let mutations = Int.random(in: 1...6, using: &random)
            for _ in 0..<mutations {
                let position = Int.random(in: 0..<blob.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: blob[position] = UInt8.random(in: 0...255, using: &random)
                case 1: blob[position] ^= 0x80
                case 2: blob[position] = 0xFF
                default: blob = Array(blob.prefix(position))
                }
                if blob.isEmpty { break }
            }
            do {
                let header = try RPMHeader(blob: blob, source: Self.source)
                _ = try RPMPackageInfo(header: header)
                for tag in header.tags {
                    _ = try? header.strings(tag)
                    _ = try? header.integers(tag)
                    _ = try? header.binary(tag)
                }
            } catch {
                thrown += 1
                #expect(error.code == .invalidInput)
            }
        }
        #expect(thrown > 0)
    }
}
