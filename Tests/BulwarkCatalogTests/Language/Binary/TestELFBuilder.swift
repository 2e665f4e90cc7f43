/// Assembles small ELF files in tests: sections with names, one `PT_LOAD` per addressed section,
/// 32/64-bit, either endianness, optionally without section headers (as `sstrip` leaves them).
struct TestELFBuilder {
    struct Section {
        var name: String
        var type: UInt32 = 1
        var flags: UInt64 = 2
        var address: UInt64 = 0
        var contents: [UInt8]
    }

    var is64 = true
    var littleEndian = true
    var sections: [Section] = []
    var includeSectionHeaders = true

    mutating func add(_ name: String, _ contents: [UInt8], address: UInt64 = 0, type: UInt32 = 1) {
        sections.append(Section(name: name, type: type, address: address, contents: contents))
    }

    func integer(_ value: UInt64, width: Int) -> [UInt8] {
        var out: [UInt8] = []
        for index in 0..<width { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
        return littleEndian ? out : out.reversed()
    }

    func bytes() -> [UInt8] {
        let word = is64 ? 8 : 4
        let headerSize = is64 ? 64 : 52
        let programEntrySize = is64 ? 56 : 32
        let sectionEntrySize = is64 ? 64 : 40
        let loadable = sections.filter { $0.address != 0 }
        // Name table: "\0" then each name, then ".shstrtab".
        var names: [UInt8] = [0]
        var nameOffsets: [Int] = []
        for section in sections {
            nameOffsets.append(names.count)
            names += Array(section.name.utf8) + [0]
        }
        let tableNameOffset = names.count
        names += Array(".shstrtab".utf8) + [0]

        var body: [UInt8] = []
        let programOffset = headerSize
        let dataStart = programOffset + loadable.count * programEntrySize
        func pad(_ buffer: inout [UInt8]) { while (dataStart + buffer.count) % 16 != 0 { buffer.append(0) } }
        var offsets: [Int] = []
        pad(&body)
        for section in sections {
            offsets.append(dataStart + body.count)
            body += section.contents
            pad(&body)
        }
        let namesOffset = dataStart + body.count
        body += names
        pad(&body)
        let sectionOffset = dataStart + body.count

        var out: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, is64 ? 2 : 1, littleEndian ? 1 : 2, 1, 0] + [UInt8](repeating: 0, count: 8)
        out += integer(2, width: 2) + integer(62, width: 2) + integer(1, width: 4)
        out += integer(0x401000, width: word)  // entry
        out += integer(loadable.isEmpty ? 0 : UInt64(programOffset), width: word)
        out += integer(includeSectionHeaders ? UInt64(sectionOffset) : 0, width: word)
        out += integer(0, width: 4) + integer(UInt64(headerSize), width: 2)
        out += integer(UInt64(programEntrySize), width: 2) + integer(UInt64(loadable.count), width: 2)
        out += integer(UInt64(sectionEntrySize), width: 2)
        out += integer(includeSectionHeaders ? UInt64(sections.count + 2) : 0, width: 2)
        out += integer(includeSectionHeaders ? UInt64(sections.count + 1) : 0, width: 2)
        for (index, section) in sections.enumerated() where section.address != 0 {
            let size = UInt64(section.contents.count)
            if is64 {
                out += integer(1, width: 4) + integer(6, width: 4) + integer(UInt64(offsets[index]), width: 8)
                out += integer(section.address, width: 8) + integer(section.address, width: 8)
                out += integer(size, width: 8) + integer(size, width: 8) + integer(16, width: 8)
            } else {
                out += integer(1, width: 4) + integer(UInt64(offsets[index]), width: 4) + integer(section.address, width: 4)
                out += integer(section.address, width: 4) + integer(size, width: 4) + integer(size, width: 4)
                out += integer(6, width: 4) + integer(16, width: 4)
            }
        }
        out += body
        guard includeSectionHeaders else { return out }
        func header(name: Int, type: UInt32, flags: UInt64, address: UInt64, offset: Int, size: Int) -> [UInt8] {
            var entry = integer(UInt64(name), width: 4) + integer(UInt64(type), width: 4)
            entry += integer(flags, width: word) + integer(address, width: word)
            entry += integer(UInt64(offset), width: word) + integer(UInt64(size), width: word)
            entry += integer(0, width: 4) + integer(0, width: 4) + integer(1, width: word) + integer(0, width: word)
            return entry
        }
        out += [UInt8](repeating: 0, count: sectionEntrySize)
        for (index, section) in sections.enumerated() {
            out += header(name: nameOffsets[index], type: section.type, flags: section.flags, address: section.address,
                          offset: offsets[index], size: section.contents.count)
        }
        out += header(name: tableNameOffset, type: 3, flags: 0, address: 0, offset: namesOffset, size: names.count)
        return out
    }
}
