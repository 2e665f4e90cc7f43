import BulwarkCore

/// Reads the package blobs of rpm's NDB database (`Packages.db`, SUSE), without rpm.
///
/// Layout (all numbers little-endian), from rpm's `lib/backend/ndb/rpmpkg.c`:
/// - A 32-byte file header: magic `RpmP`, version 0, generation, number of 4096-byte slot
///   pages, next package index.
/// - Slot pages follow the header (the header takes the first two 16-byte slots of page 0).
///   Each slot is magic `Slot`, package index, block offset and block count, where blocks are
///   16 bytes. A slot with block offset 0 is free.
/// - A blob at `blkoff * 16`: 16-byte head (magic `BlbS`, package index, timestamp, blob
///   length), the blob (an rpm header), padding, and a 12-byte tail (adler32, blob length,
///   magic `BlbE`), `blkcnt * 16` bytes in all.
///
/// Blobs are returned ordered by block offset, as rpm lists them.
public enum NDBReader {
    /// The file magic, `RpmP`.
    public static let magic: [UInt8] = Array("RpmP".utf8)
    static let slotMagic: [UInt8] = Array("Slot".utf8)
    static let blobHeadMagic: [UInt8] = Array("BlbS".utf8)
    static let blobTailMagic: [UInt8] = Array("BlbE".utf8)
    static let slotPageSize = 4096
    static let blockSize = 16
    static let headerSize = 32
    static let blobHeadSize = 16
    static let blobTailSize = 12

    /// Whether `bytes` starts with the NDB magic.
    public static func isNDBDatabase(_ bytes: [UInt8]) -> Bool {
        RPMBinary.matches(bytes, at: 0, magic)
    }

    /// One occupied slot: which package, where its blob is.
    struct Slot {
        var packageIndex: UInt32
        var blockOffset: Int
        var blockCount: Int
    }

    /// The header blobs of all packages, ordered by their position in the file.
    public static func blobs(in bytes: [UInt8], path: String) throws(BulwarkError) -> [[UInt8]] {
        try packages(in: bytes, path: path).map(\.blob)
    }

    /// The package index and header blob of every package, ordered by position in the file.
    public static func packages(in bytes: [UInt8], path: String) throws(BulwarkError) -> [(index: UInt32, blob: [UInt8])] {
        let slots = try readSlots(bytes, path: path)
        var result: [(index: UInt32, blob: [UInt8])] = []
        result.reserveCapacity(slots.count)
        for slot in slots {
            result.append((slot.packageIndex, try readBlob(bytes, slot: slot, path: path)))
        }
        return result
    }

    static func readSlots(_ bytes: [UInt8], path: String) throws(BulwarkError) -> [Slot] {
        guard isNDBDatabase(bytes), bytes.count >= headerSize else {
            throw .invalid(path, "not an rpm NDB database (no RpmP magic)")
        }
        let version = RPMBinary.uint32(bytes, at: 4, bigEndian: false) ?? 0
        guard version == 0 else {
            throw BulwarkError(.unsupported, "\(path): NDB database version \(version) is not supported (0 is)")
        }
        let slotPages = Int(RPMBinary.uint32(bytes, at: 12, bigEndian: false) ?? 0)
        guard slotPages >= 1, slotPages <= bytes.count / slotPageSize else {
            throw .invalid(
                path, "NDB header claims \(slotPages) slot pages, the \(bytes.count)-byte file holds \(bytes.count / slotPageSize)")
        }
        let fileBlocks = bytes.count / blockSize
        let firstDataBlock = slotPages * (slotPageSize / blockSize)
        var slots: [Slot] = []
        var offset = headerSize
        let slotAreaEnd = slotPages * slotPageSize
        while offset < slotAreaEnd {
            defer { offset += 16 }
            guard RPMBinary.matches(bytes, at: offset, slotMagic) else {
                throw .invalid(path, "NDB slot at byte \(offset) has no Slot magic")
            }
            let blockOffset = Int(RPMBinary.uint32(bytes, at: offset + 8, bigEndian: false) ?? 0)
            if blockOffset == 0 { continue }  // free slot
            let packageIndex = RPMBinary.uint32(bytes, at: offset + 4, bigEndian: false) ?? 0
            let blockCount = Int(RPMBinary.uint32(bytes, at: offset + 12, bigEndian: false) ?? 0)
            guard packageIndex != 0, blockCount != 0, blockOffset >= firstDataBlock,
                RPMBinary.fits(offset: blockOffset, length: blockCount, in: fileBlocks)
            else {
                throw .invalid(
                    path,
                    "NDB slot at byte \(offset) (package \(packageIndex)) points to blocks \(blockOffset)+\(blockCount), "
                        + "outside the data area of \(fileBlocks) blocks")
            }
            slots.append(Slot(packageIndex: packageIndex, blockOffset: blockOffset, blockCount: blockCount))
        }
        slots.sort { $0.blockOffset < $1.blockOffset }
        return slots
    }

    static func readBlob(_ bytes: [UInt8], slot: Slot, path: String) throws(BulwarkError) -> [UInt8] {
        let start = slot.blockOffset * blockSize
        let available = slot.blockCount * blockSize
        guard RPMBinary.matches(bytes, at: start, blobHeadMagic) else {
            throw .invalid(path, "NDB blob of package \(slot.packageIndex) at byte \(start) has no BlbS magic")
        }
        guard RPMBinary.uint32(bytes, at: start + 4, bigEndian: false) == slot.packageIndex else {
            throw .invalid(path, "NDB blob at byte \(start) belongs to another package than its slot (\(slot.packageIndex))")
        }
        let length = Int(RPMBinary.uint32(bytes, at: start + 12, bigEndian: false) ?? 0)
        let needed = (blobHeadSize + length + blobTailSize + blockSize - 1) / blockSize
        guard needed == slot.blockCount else {
            throw .invalid(
                path,
                "NDB blob of package \(slot.packageIndex) claims \(length) bytes, "
                    + "which does not match its slot of \(slot.blockCount) blocks")
        }
        // The tail closes the slot's last block; padding sits between blob and tail.
        let tail = start + available - blobTailSize
        guard RPMBinary.uint32(bytes, at: tail + 4, bigEndian: false) == UInt32(length),
            RPMBinary.matches(bytes, at: tail + 8, blobTailMagic)
        else {
            throw .invalid(path, "NDB blob of package \(slot.packageIndex) has a damaged tail (BlbE)")
        }
        return Array(bytes[(start + blobHeadSize)..<(start + blobHeadSize + length)])
    }
}
