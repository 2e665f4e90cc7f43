import BulwarkCore
import Testing
@testable import BulwarkCatalog

@Suite("ELF reader")
struct ELFFileTests {
    @Test("reads sections, names and segments of ELF32/64 in both byte orders", arguments: [(true, true), (true, false), (false, true), (false, false)])
    func readsLayouts(is64: Bool, littleEndian: Bool) throws {
        var builder = TestELFBuilder()
        builder.is64 = is64
        builder.littleEndian = littleEndian
        builder.add(".text", [0x90, 0x90, 0xC3], address: 0x1000)
        builder.add(".note.custom", Array("hello".utf8))
        builder.add(".bss", [], address: 0x9000, type: ELFSection.typeNoBits)
        let elf = try ELFFile(bytes: builder.bytes(), label: "/bin/x")
        #expect(elf.is64Bit == is64)
        #expect(elf.isLittleEndian == littleEndian)
        #expect(elf.machine == 62)
        #expect(elf.sections.map(\.name) == ["", ".text", ".note.custom", ".bss", ".shstrtab"])
        #expect(elf.section(named: ".note.custom").flatMap(elf.contents(of:)).map(Array.init) == Array("hello".utf8))
        #expect(elf.section(named: ".bss").flatMap(elf.contents(of:)) == nil)
        #expect(elf.read(virtualAddress: 0x1001, count: 2).map(Array.init) == [0x90, 0xC3])
        #expect(elf.read(virtualAddress: 0x1002, count: 2) == nil)
        #expect(elf.problems.isEmpty)
    }

    @Test("non-ELF input is rejected by the magic check and the parser")
    func rejectsNonELF() {
        #expect(!ELFFile.hasMagic(Array("#!/bin/sh\necho hi\n".utf8)))
        #expect(!ELFFile.hasMagic([0x7F, 0x45]))
        #expect(throws: BulwarkError.self) { try ELFFile(bytes: Array("#!/bin/sh\n".utf8) + [UInt8](repeating: 0, count: 80), label: "x") }
        var header = TestELFBuilder().bytes()
        header[4] = 7
        #expect(throws: BulwarkError.self) { try ELFFile(bytes: header, label: "x") }
    }

    @Test("every truncation of a valid file parses or fails cleanly")
    func truncations() throws {
        var builder = TestELFBuilder()
        builder.add(".go.buildinfo", [UInt8](repeating: 0xAB, count: 40), address: 0x2000)
        builder.add(".dep-v0", [1, 2, 3])
        let bytes = builder.bytes()
        var parsed = 0, withSections = 0
        for length in 0..<bytes.count {
            let prefix = Array(bytes.prefix(length))
            if let elf = try? ELFFile(bytes: prefix, label: "t") {
                parsed += 1
                if !elf.sections.isEmpty { withSections += 1 }
                for section in elf.sections { _ = elf.contents(of: section) }
                _ = elf.read(virtualAddress: 0x2000, count: 40)
            }
        }
        // Every prefix holding the header parses; only the complete file has its section table.
        #expect(parsed == bytes.count - 64)
        #expect(withSections == 0)
        #expect(try ELFFile(bytes: bytes, label: "t").sections.count == 4)
    }

    @Test("hostile tables: huge counts, tables and sections past the end, bad name offsets")
    func hostileTables() throws {
        var builder = TestELFBuilder()
        builder.add(".data", [1, 2, 3, 4], address: 0x3000)
        let good = builder.bytes()
        // e_shnum = 0xFFFF with a table that cannot fit.
        var manyHeaders = good
        manyHeaders[60] = 0xFF
        manyHeaders[61] = 0xFF
        let many = try ELFFile(bytes: manyHeaders, label: "many")
        #expect(many.sections.isEmpty)
        #expect(many.problems.contains { $0.contains("past the end") })
        // Section header offset beyond the file.
        var farTable = good
        for index in 40..<48 { farTable[index] = 0xFF }
        let far = try ELFFile(bytes: farTable, label: "far")
        #expect(far.sections.isEmpty && !far.problems.isEmpty)
        // A section whose size runs past the end: listed, but without contents.
        let elf = try ELFFile(bytes: good, label: "ok")
        let dataIndex = try #require(elf.sections.firstIndex { $0.name == ".data" })
        var oversized = good
        let sectionTable = Int(try #require(elf.unsigned(atFileOffset: 40, width: 8)))
        let sizeField = sectionTable + dataIndex * 64 + 32
        for index in sizeField..<(sizeField + 8) { oversized[index] = 0x7F }
        let big = try ELFFile(bytes: oversized, label: "big")
        let data = try #require(big.section(named: ".data"))
        #expect(big.contents(of: data) == nil)
        // Name offsets outside the name table give empty names, not crashes.
        var badNames = good
        let nameField = sectionTable + dataIndex * 64
        for index in nameField..<(nameField + 4) { badNames[index] = 0xEE }
        #expect(try ELFFile(bytes: badNames, label: "names").sections.map(\.name).contains(""))
        // Random bytes after a valid magic never crash.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var noise = (0..<Int.random(in: 52...400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            noise[0...3] = [0x7F, 0x45, 0x4C, 0x46]
            noise[4] = UInt8.random(in: 1...2, using: &generator)
            noise[5] = UInt8.random(in: 1...2, using: &generator)
            if let elf = try? ELFFile(bytes: noise, label: "noise") {
                for section in elf.sections { _ = elf.contents(of: section) }
                _ = elf.read(virtualAddress: 0x1000, count: 8)
            }
        }
    }
}
