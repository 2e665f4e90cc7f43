import BulwarkCore

/// A parsed ELF file (32/64-bit, little/big endian): header, section headers with names, and
/// loadable segments. Every offset, size and count is checked against the file: a table past the
/// end is dropped with a note in ``problems``; a bad header is an error. Nothing traps on hostile input.
public struct ELFFile: Sendable {
    /// The whole file.
    public let bytes: [UInt8]
    /// Whether this is ELFCLASS64 (else ELFCLASS32).
    public let is64Bit: Bool
    /// Whether integers are little-endian (ELFDATA2LSB).
    public let isLittleEndian: Bool
    /// `e_type` (2 = executable, 3 = shared object / PIE).
    public let fileType: UInt16
    /// `e_machine` (62 = x86-64, 183 = AArch64…).
    public let machine: UInt16
    /// The section headers, names resolved; empty when stripped of them.
    public let sections: [ELFSection]
    /// The `PT_LOAD` program headers.
    public let segments: [ELFSegment]
    /// Non-fatal structural problems found while parsing (tables past the end, bad names…).
    public let problems: [String]

    /// The most section or program headers accepted (real binaries have well under 100).
    public static let maximumTableEntries = 65_536

    /// Whether `bytes` starts with the ELF magic `\x7fELF` — the cheap first check.
    public static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x7F && bytes[1] == 0x45 && bytes[2] == 0x4C && bytes[3] == 0x46
    }

    /// Parses `bytes`; `label` names the file in errors. Throws `.invalidInput` when it is not an
    /// ELF file or its header is unusable.
    public init(bytes: [UInt8], label: String) throws(BulwarkError) {
        guard Self.hasMagic(bytes), bytes.count >= 52 else { throw BulwarkError.invalid(label, "not an ELF file") }
        let elfClass = bytes[4], data = bytes[5]
        guard elfClass == 1 || elfClass == 2 else { throw BulwarkError.invalid(label, "unknown ELF class \(elfClass)") }
        guard data == 1 || data == 2 else { throw BulwarkError.invalid(label, "unknown ELF data encoding \(data)") }
        let is64 = elfClass == 2
        let reader = ELFByteReader(bytes: bytes, isLittleEndian: data == 1)
        let word = is64 ? 8 : 4
        let headerSize = is64 ? 64 : 52
        guard bytes.count >= headerSize,
            let fileType = reader.u16(at: 16), let machine = reader.u16(at: 18),
            let programOffset = reader.unsigned(at: 24 + word, width: word),
            let sectionOffset = reader.unsigned(at: 24 + 2 * word, width: word),
            let programEntrySize = reader.u16(at: headerSize - 10), let programCount = reader.u16(at: headerSize - 8),
            let sectionEntrySize = reader.u16(at: headerSize - 6), let sectionCount = reader.u16(at: headerSize - 4),
            let nameTableIndex = reader.u16(at: headerSize - 2)
        else { throw BulwarkError.invalid(label, "truncated ELF header") }

        var problems: [String] = []
        let segments = Self.readSegments(
            reader, is64: is64, offset: programOffset, entrySize: Int(programEntrySize), count: Int(programCount),
            label: label, problems: &problems)
        let sections = Self.readSections(
            reader, is64: is64, offset: sectionOffset, entrySize: Int(sectionEntrySize), declaredCount: Int(sectionCount),
            nameTableIndex: Int(nameTableIndex), label: label, problems: &problems)

        self.bytes = bytes
        self.is64Bit = is64
        self.isLittleEndian = data == 1
        self.fileType = fileType
        self.machine = machine
        self.sections = sections
        self.segments = segments
        self.problems = problems
    }

    /// Reads the table of `count` entries of `entrySize` bytes at `offset`, or nil (with a note) when it is out of bounds.
    private static func tableRange(
        offset: UInt64, entrySize: Int, count: Int, minimumEntrySize: Int, fileSize: Int, what: String, label: String,
        problems: inout [String]
    ) -> (start: Int, entrySize: Int, count: Int)? {
        guard count > 0, offset != 0 else { return nil }
        guard entrySize >= minimumEntrySize else {
            problems.append("\(label): \(what) entry size \(entrySize) is too small")
            return nil
        }
        guard count <= maximumTableEntries else {
            problems.append("\(label): \(what) count \(count) is above the \(maximumTableEntries) limit")
            return nil
        }
        guard offset < UInt64(fileSize), UInt64(count) * UInt64(entrySize) <= UInt64(fileSize) - offset else {
            problems.append("\(label): \(what) table lies past the end of the file")
            return nil
        }
        return (Int(offset), entrySize, count)
    }

    private static func readSegments(
        _ reader: ELFByteReader, is64: Bool, offset: UInt64, entrySize: Int, count: Int, label: String, problems: inout [String]
    ) -> [ELFSegment] {
        guard let table = tableRange(
            offset: offset, entrySize: entrySize, count: count, minimumEntrySize: is64 ? 56 : 32, fileSize: reader.bytes.count,
            what: "program header", label: label, problems: &problems)
        else { return [] }
        var segments: [ELFSegment] = []
        for index in 0..<table.count {
            let base = table.start + index * table.entrySize
            let segment: ELFSegment?
            if is64 {
                segment = reader.u32(at: base).flatMap { type in
                    guard let flags = reader.u32(at: base + 4), let fileOffset = reader.u64(at: base + 8),
                        let address = reader.u64(at: base + 16), let fileSize = reader.u64(at: base + 32),
                        let memorySize = reader.u64(at: base + 40)
                    else { return nil }
                    return ELFSegment(type: type, flags: flags, offset: fileOffset, virtualAddress: address, fileSize: fileSize, memorySize: memorySize)
                }
            } else {
                segment = reader.u32(at: base).flatMap { type in
                    guard let fileOffset = reader.u32(at: base + 4), let address = reader.u32(at: base + 8),
                        let fileSize = reader.u32(at: base + 16), let memorySize = reader.u32(at: base + 20),
                        let flags = reader.u32(at: base + 24)
                    else { return nil }
                    return ELFSegment(
                        type: type, flags: flags, offset: UInt64(fileOffset), virtualAddress: UInt64(address),
                        fileSize: UInt64(fileSize), memorySize: UInt64(memorySize))
                }
            }
            if let segment, segment.type == ELFSegment.typeLoad { segments.append(segment) }
        }
        return segments
    }

    private static func readSections(
        _ reader: ELFByteReader, is64: Bool, offset: UInt64, entrySize: Int, declaredCount: Int, nameTableIndex: Int,
        label: String, problems: inout [String]
    ) -> [ELFSection] {
        let minimumEntrySize = is64 ? 64 : 40
        var count = declaredCount
        var nameIndex = nameTableIndex
        // Extended numbering: a zero count or SHN_XINDEX name index live in section 0.
        if offset != 0, count == 0 || nameIndex == 0xFFFF, entrySize >= minimumEntrySize, offset < UInt64(reader.bytes.count) {
            let base = Int(offset)
            if count == 0, let size = reader.unsigned(at: base + (is64 ? 32 : 20), width: is64 ? 8 : 4) {
                count = size > UInt64(maximumTableEntries) ? maximumTableEntries + 1 : Int(size)
            }
            if nameIndex == 0xFFFF, let link = reader.u32(at: base + (is64 ? 40 : 24)) { nameIndex = Int(link) }
        }
        guard let table = tableRange(
            offset: offset, entrySize: entrySize, count: count, minimumEntrySize: minimumEntrySize, fileSize: reader.bytes.count,
            what: "section header", label: label, problems: &problems)
        else { return [] }
        var raw: [(nameOffset: UInt32, section: ELFSection)] = []
        raw.reserveCapacity(table.count)
        for index in 0..<table.count {
            let base = table.start + index * table.entrySize
            let word = is64 ? 8 : 4
            guard let nameOffset = reader.u32(at: base), let type = reader.u32(at: base + 4),
                let flags = reader.unsigned(at: base + 8, width: word),
                let address = reader.unsigned(at: base + 8 + word, width: word),
                let fileOffset = reader.unsigned(at: base + 8 + 2 * word, width: word),
                let size = reader.unsigned(at: base + 8 + 3 * word, width: word)
            else { continue }
            raw.append((nameOffset, ELFSection(name: "", type: type, flags: flags, address: address, offset: fileOffset, size: size)))
        }
        // Names come from the section-name string table.
        var names: ArraySlice<UInt8> = []
        if nameIndex > 0, nameIndex < raw.count {
            let table = raw[nameIndex].section
            if let slice = Self.slice(reader.bytes, offset: table.offset, size: table.size) {
                names = slice
            } else {
                problems.append("\(label): section-name table lies past the end of the file")
            }
        }
        return raw.map { entry in
            var section = entry.section
            section.name = Self.cString(in: names, at: Int(entry.nameOffset))
            return section
        }
    }

    /// The NUL-terminated string at `offset` of `table` (capped at 4 KiB), or "" when out of bounds.
    private static func cString(in table: ArraySlice<UInt8>, at offset: Int) -> String {
        guard offset >= 0, offset < table.count else { return "" }
        let start = table.startIndex + offset
        let limit = min(table.endIndex, start + 4096)
        var end = start
        while end < limit, table[end] != 0 { end += 1 }
        return String(decoding: table[start..<end], as: UTF8.self)
    }

    /// `bytes[offset..<offset+size]` when it lies wholly inside the array.
    static func slice(_ bytes: [UInt8], offset: UInt64, size: UInt64) -> ArraySlice<UInt8>? {
        guard offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset else { return nil }
        return bytes[Int(offset)..<Int(offset + size)]
    }

    /// The first section called `name`.
    public func section(named name: String) -> ELFSection? { sections.first { $0.name == name } }

    /// The file bytes of `section`; nil for NOBITS sections or ones reaching past the end of the file.
    public func contents(of section: ELFSection) -> ArraySlice<UInt8>? {
        guard !section.hasNoFileContents else { return nil }
        return Self.slice(bytes, offset: section.offset, size: section.size)
    }

    /// The file offset holding virtual address `address`, through the loadable segments, then the
    /// allocated sections; nil when no mapping covers it with file bytes.
    public func fileOffset(ofVirtualAddress address: UInt64) -> Int? { mapping(of: address)?.offset }

    /// The file offset of `address` and how many file bytes its mapping holds from there on.
    private func mapping(of address: UInt64) -> (offset: Int, available: UInt64)? {
        for segment in segments where address >= segment.virtualAddress && address - segment.virtualAddress < segment.fileSize {
            let delta = address - segment.virtualAddress
            let offset = segment.offset.addingReportingOverflow(delta)
            if !offset.overflow, offset.partialValue < UInt64(bytes.count) {
                return (Int(offset.partialValue), segment.fileSize - delta)
            }
        }
        for section in sections
        where section.flags & 2 != 0 && !section.hasNoFileContents && section.address != 0
            && address >= section.address && address - section.address < section.size
        {
            let delta = address - section.address
            let offset = section.offset.addingReportingOverflow(delta)
            if !offset.overflow, offset.partialValue < UInt64(bytes.count) {
                return (Int(offset.partialValue), section.size - delta)
            }
        }
        return nil
    }

    /// `count` bytes at virtual address `address`, when one mapping holds them all in the file.
    public func read(virtualAddress address: UInt64, count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, let (offset, available) = mapping(of: address), UInt64(count) <= available else { return nil }
        return Self.slice(bytes, offset: UInt64(offset), size: UInt64(count))
    }

    /// An unsigned integer of the file's endianness, `width` bytes at file offset `offset`.
    public func unsigned(atFileOffset offset: Int, width: Int) -> UInt64? {
        ELFByteReader(bytes: bytes, isLittleEndian: isLittleEndian).unsigned(at: offset, width: width)
    }
}
