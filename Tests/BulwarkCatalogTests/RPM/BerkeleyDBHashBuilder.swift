/// Writes small Berkeley DB hash files the way libdb lays them out, for tests.
struct BerkeleyDBHashBuilder {
    /// The page size (a power of two, 512…65536).
    var pageSize = 4096
    /// Whether numbers are written big-endian (a database from a big-endian machine).
    var bigEndian = false
    /// Key/value records, in order.
    var records: [(key: [UInt8], value: [UInt8])] = []
    /// Values up to this many bytes are stored inline (H_KEYDATA), longer ones off-page.
    var inlineLimit = 64

    /// The written file and where things ended up.
    struct Built {
        var bytes: [UInt8]
        var hashPages: [Int]
        /// The overflow pages of each off-page value, in record order.
        var overflowChains: [[Int]]
        var pageSize: Int
        var bigEndian: Bool

        /// The byte offset of page `page`.
        func offset(of page: Int) -> Int { page * pageSize }
    }

    /// Adds a record keyed by an rpm header instance number (4 bytes, host order as rpm writes it).
    mutating func add(instance: UInt32, value: [UInt8]) {
        var key = RPMTestBytes()
        key.u32(instance, bigEndian: bigEndian)
        records.append((key.bytes, value))
    }

    func build() -> Built {
        let usable = pageSize - 26
        // Pass 1: pack pairs into hash pages.
        var pagesOfRecords: [[Int]] = [[]]
        var free = usable
        for (number, record) in records.enumerated() {
            let valueItem = record.value.count <= inlineLimit ? 1 + record.value.count : 12
            let need = 4 + (1 + record.key.count) + valueItem
            if need > free {
                pagesOfRecords.append([])
                free = usable
            }
            pagesOfRecords[pagesOfRecords.count - 1].append(number)
            free -= need
        }
        let firstOverflow = 1 + pagesOfRecords.count
        // Pass 2: assign overflow pages.
        var nextPage = firstOverflow
        var chains: [Int: [Int]] = [:]
        for (number, record) in records.enumerated() where record.value.count > inlineLimit {
            let pages = (record.value.count + usable - 1) / usable
            chains[number] = Array(nextPage..<(nextPage + pages))
            nextPage += pages
        }
        let pageCount = nextPage
        var bytes = [UInt8](repeating: 0, count: pageCount * pageSize)

        // Metadata page.
        RPMTestBytes.put32(0x0006_1561, into: &bytes, at: 12, bigEndian: bigEndian)
        RPMTestBytes.put32(9, into: &bytes, at: 16, bigEndian: bigEndian)
        RPMTestBytes.put32(UInt32(pageSize), into: &bytes, at: 20, bigEndian: bigEndian)
        bytes[25] = 8
        RPMTestBytes.put32(UInt32(pageCount - 1), into: &bytes, at: 32, bigEndian: bigEndian)
        RPMTestBytes.put32(UInt32(records.count), into: &bytes, at: 88, bigEndian: bigEndian)

        // Hash pages.
        var hashPages: [Int] = []
        for (pageIndex, numbers) in pagesOfRecords.enumerated() {
            let page = 1 + pageIndex
            hashPages.append(page)
            let base = page * pageSize
            header(&bytes, page: page, type: 13)
            if pageIndex + 1 < pagesOfRecords.count {
                RPMTestBytes.put32(UInt32(page + 1), into: &bytes, at: base + 16, bigEndian: bigEndian)
            }
            var top = pageSize
            var slot = 0
            for number in numbers {
                let record = records[number]
                let keyOffset = top - (1 + record.key.count)
                bytes[base + keyOffset] = 1
                bytes.replaceSubrange((base + keyOffset + 1)..<(base + top), with: record.key)
                let valueOffset: Int
                if let chain = chains[number], let first = chain.first {
                    valueOffset = keyOffset - 12
                    bytes[base + valueOffset] = 3
                    RPMTestBytes.put32(UInt32(first), into: &bytes, at: base + valueOffset + 4, bigEndian: bigEndian)
                    RPMTestBytes.put32(
                        UInt32(record.value.count), into: &bytes, at: base + valueOffset + 8, bigEndian: bigEndian)
                } else {
                    valueOffset = keyOffset - 1 - record.value.count
                    bytes[base + valueOffset] = 1
                    bytes.replaceSubrange((base + valueOffset + 1)..<(base + keyOffset), with: record.value)
                }
                RPMTestBytes.put16(UInt16(keyOffset), into: &bytes, at: base + 26 + slot * 2, bigEndian: bigEndian)
                RPMTestBytes.put16(UInt16(valueOffset), into: &bytes, at: base + 28 + slot * 2, bigEndian: bigEndian)
                slot += 2
                top = valueOffset
            }
            RPMTestBytes.put16(UInt16(slot), into: &bytes, at: base + 20, bigEndian: bigEndian)
            RPMTestBytes.put16(UInt16(top), into: &bytes, at: base + 22, bigEndian: bigEndian)
        }

        // Overflow pages.
        var orderedChains: [[Int]] = []
        for number in records.indices {
            guard let chain = chains[number] else { continue }
            orderedChains.append(chain)
            let value = records[number].value
            for (position, page) in chain.enumerated() {
                let base = page * pageSize
                header(&bytes, page: page, type: 7)
                let start = position * usable
                let end = min(value.count, start + usable)
                bytes.replaceSubrange((base + 26)..<(base + 26 + end - start), with: value[start..<end])
                RPMTestBytes.put16(UInt16(end - start), into: &bytes, at: base + 22, bigEndian: bigEndian)
                if position > 0 {
                    RPMTestBytes.put32(UInt32(chain[position - 1]), into: &bytes, at: base + 12, bigEndian: bigEndian)
                }
                if position + 1 < chain.count {
                    RPMTestBytes.put32(UInt32(chain[position + 1]), into: &bytes, at: base + 16, bigEndian: bigEndian)
                }
            }
        }
        return Built(
            bytes: bytes, hashPages: hashPages, overflowChains: orderedChains, pageSize: pageSize, bigEndian: bigEndian)
    }

    private func header(_ bytes: inout [UInt8], page: Int, type: UInt8) {
        let base = page * pageSize
        RPMTestBytes.put32(UInt32(page), into: &bytes, at: base + 8, bigEndian: bigEndian)
        bytes[base + 25] = type
    }
}
