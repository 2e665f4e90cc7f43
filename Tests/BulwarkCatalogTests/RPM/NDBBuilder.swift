/// Writes small rpm NDB (`Packages.db`) files the way rpm's `rpmpkg.c` lays them out, for tests.
struct NDBBuilder {
    /// Header blobs; package indexes are 1, 2, 3… in this order.
    var blobs: [[UInt8]] = []

    /// The written file and where things ended up.
    struct Built {
        var bytes: [UInt8]
        /// Byte offset of each package's slot.
        var slotOffsets: [Int]
        /// Byte offset of each package's blob head.
        var blobOffsets: [Int]
    }

    func build() -> Built {
        // 256 slots per 4096-byte page; the file header takes the first two.
        let slotPages = (blobs.count + 2 + 255) / 256
        var bytes = [UInt8](repeating: 0, count: 4096 * slotPages)
        bytes.replaceSubrange(0..<4, with: Array("RpmP".utf8))
        RPMTestBytes.put32(0, into: &bytes, at: 4, bigEndian: false)
        RPMTestBytes.put32(UInt32(blobs.count + 1), into: &bytes, at: 8, bigEndian: false)
        RPMTestBytes.put32(UInt32(slotPages), into: &bytes, at: 12, bigEndian: false)
        RPMTestBytes.put32(UInt32(blobs.count + 1), into: &bytes, at: 16, bigEndian: false)
        for offset in stride(from: 32, to: 4096 * slotPages, by: 16) {
            bytes.replaceSubrange(offset..<(offset + 4), with: Array("Slot".utf8))
        }
        var slotOffsets: [Int] = []
        var blobOffsets: [Int] = []
        for (position, blob) in blobs.enumerated() {
            let packageIndex = UInt32(position + 1)
            let blockOffset = bytes.count / 16
            let blockCount = (16 + blob.count + 12 + 15) / 16
            var record = RPMTestBytes()
            record.bytes += Array("BlbS".utf8)
            record.u32(packageIndex, bigEndian: false)
            record.u32(1_700_000_000, bigEndian: false)
            record.u32(UInt32(blob.count), bigEndian: false)
            record.bytes += blob
            while record.bytes.count < blockCount * 16 - 12 { record.bytes.append(0) }
            record.u32(Self.adler32(record.bytes), bigEndian: false)
            record.u32(UInt32(blob.count), bigEndian: false)
            record.bytes += Array("BlbE".utf8)
            blobOffsets.append(bytes.count)
            bytes += record.bytes
            let slot = 32 + position * 16
            slotOffsets.append(slot)
            RPMTestBytes.put32(packageIndex, into: &bytes, at: slot + 4, bigEndian: false)
            RPMTestBytes.put32(UInt32(blockOffset), into: &bytes, at: slot + 8, bigEndian: false)
            RPMTestBytes.put32(UInt32(blockCount), into: &bytes, at: slot + 12, bigEndian: false)
        }
        return Built(bytes: bytes, slotOffsets: slotOffsets, blobOffsets: blobOffsets)
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var first: UInt32 = 1
        var second: UInt32 = 0
        for byte in bytes {
            first = (first + UInt32(byte)) % 65521
            second = (second + first) % 65521
        }
        return second << 16 | first
    }
}
