import BulwarkCore
import CZlib
import Foundation

/// A read-only zip file: the central directory is read at open (ZIP64 sizes and offsets
/// understood), entries are read on demand (with `pread` from a file, or sliced from bytes held in
/// memory), stored or deflated, CRC-32 checked. Reading entries from several threads at once is safe.
public final class ZipArchive: @unchecked Sendable {
    /// The zip file path (or the label of an in-memory zip), for messages.
    public let path: String
    /// The entries, in central-directory order.
    public let entries: [ZipEntry]
    /// The limits applied.
    public let limits: ZipLimits
    private let backing: ZipBacking
    private let fileSize: Int

    /// Reads a zip held in memory (a jar inside an image layer, a jar inside a jar); `label`
    /// names it in messages (e.g. `/app/x.war!/WEB-INF/lib/y.jar`).
    public init(bytes: [UInt8], label: String, limits: ZipLimits = .standard) throws(BulwarkError) {
        path = label
        self.limits = limits
        let memory = ZipBacking.memory(bytes)
        backing = memory
        fileSize = bytes.count
        entries = try Self.readCentralDirectory(backing: memory, fileSize: bytes.count, path: label, limits: limits)
    }

    /// Opens `path` and reads its central directory.
    public init(path: String, limits: ZipLimits = .standard) throws(BulwarkError) {
        self.path = path
        self.limits = limits
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code: BulwarkError.Code = errno == ENOENT ? .notFound : .io
            throw BulwarkError(code, "\(path): cannot open the zip: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw BulwarkError(.io, "\(path): cannot stat the zip")
        }
        let file = ZipBacking.file(descriptor)
        backing = file
        fileSize = Int(status.st_size)
        do {
            entries = try Self.readCentralDirectory(backing: file, fileSize: Int(status.st_size), path: path, limits: limits)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit {
        if case .file(let descriptor) = backing { close(descriptor) }
    }

    /// Reads exactly `count` bytes at `offset` from the file or the in-memory bytes.
    private static func read(_ backing: ZipBacking, at offset: Int, count: Int, fileSize: Int, path: String) throws(BulwarkError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= fileSize, count <= fileSize - offset else {
            throw BulwarkError.invalid(path, "zip structure points outside the file (truncated zip?)")
        }
        let descriptor: Int32
        switch backing {
        case .memory(let bytes): return Array(bytes[offset..<(offset + count)])
        case .file(let fileDescriptor): descriptor = fileDescriptor
        }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw BulwarkError.invalid(path, "zip is truncated") }
            filled += got
        }
        return buffer
    }

    private static func readCentralDirectory(backing: ZipBacking, fileSize: Int, path: String, limits: ZipLimits) throws(BulwarkError) -> [ZipEntry] {
        // The end-of-central-directory record is within the last 22 + 65535 bytes.
        let tailLength = min(fileSize, 22 + 65_535)
        guard tailLength >= 22 else { throw BulwarkError.invalid(path, "not a zip file (too short)") }
        let tail = try read(backing, at: fileSize - tailLength, count: tailLength, fileSize: fileSize, path: path)
        var recordIndex: Int?
        var index = tail.count - 22
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4b, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                recordIndex = index
                break
            }
            index -= 1
        }
        guard let recordIndex else { throw BulwarkError.invalid(path, "not a zip file or truncated (no end of central directory)") }
        var record = ByteCursor(tail, at: recordIndex + 4)
        let diskNumber = record.u16(), directoryDisk = record.u16()
        _ = record.u16()
        var entryCount = Int(record.u16())
        var directorySize = Int(record.u32())
        var directoryOffset = Int(record.u32())
        guard diskNumber == 0 || diskNumber == 0xFFFF, directoryDisk == 0 || directoryDisk == 0xFFFF else {
            throw BulwarkError(.unsupported, "\(path): multi-disk zips are not supported")
        }
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator 20 bytes before the record points at the ZIP64 end record.
            let locatorStart = fileSize - tailLength + recordIndex - 20
            let locator = try read(backing, at: locatorStart, count: 20, fileSize: fileSize, path: path)
            var cursor = ByteCursor(locator, at: 0)
            guard cursor.u32() == 0x0706_4b50 else { throw BulwarkError.invalid(path, "ZIP64 locator missing") }
            _ = cursor.u32()
            let zip64Offset = cursor.u64()
            guard zip64Offset < UInt64(fileSize) else { throw BulwarkError.invalid(path, "ZIP64 record outside the file") }
            let zip64 = try read(backing, at: Int(zip64Offset), count: 56, fileSize: fileSize, path: path)
            var fields = ByteCursor(zip64, at: 0)
            guard fields.u32() == 0x0606_4b50 else { throw BulwarkError.invalid(path, "ZIP64 end record missing") }
            fields.skip(20)
            let count = fields.u64()
            fields.skip(8)
            let size = fields.u64(), offset = fields.u64()
            guard count <= UInt64(limits.maximumEntries), size <= UInt64(fileSize), offset <= UInt64(fileSize) else {
                throw BulwarkError(.limitExceeded, "\(path): ZIP64 directory claims \(count) entries / \(size) bytes")
            }
            entryCount = Int(count)
            directorySize = Int(size)
            directoryOffset = Int(offset)
        }
        guard entryCount <= limits.maximumEntries else {
            throw BulwarkError(.limitExceeded, "\(path): zip lists \(entryCount) entries, more than the \(limits.maximumEntries) allowed")
        }
        guard directorySize >= entryCount * 46 else { throw BulwarkError.invalid(path, "central directory is too small for its entries") }
        let directory = try read(backing, at: directoryOffset, count: directorySize, fileSize: fileSize, path: path)
        var cursor = ByteCursor(directory, at: 0)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(entryCount)
        var total = 0
        for number in 0..<entryCount {
            guard cursor.remaining >= 46, cursor.u32() == 0x0201_4b50 else {
                throw BulwarkError.invalid(path, "central directory entry \(number) is corrupt")
            }
            cursor.skip(4)
            let flags = cursor.u16(), method = cursor.u16()
            cursor.skip(4)
            let crc = cursor.u32()
            var compressed = UInt64(cursor.u32()), uncompressed = UInt64(cursor.u32())
            let nameLength = Int(cursor.u16()), extraLength = Int(cursor.u16()), commentLength = Int(cursor.u16())
            cursor.skip(8)
            var localOffset = UInt64(cursor.u32())
            guard cursor.remaining >= nameLength + extraLength + commentLength else {
                throw BulwarkError.invalid(path, "central directory entry \(number) is truncated")
            }
            let name = cursor.string(nameLength)
            var extra = ByteCursor(cursor.bytes(extraLength), at: 0)
            cursor.skip(commentLength)
            while extra.remaining >= 4 {
                let tag = extra.u16(), size = Int(extra.u16())
                guard extra.remaining >= size else { break }
                if tag == 0x0001 {
                    var field = ByteCursor(extra.bytes(size), at: 0)
                    if uncompressed == 0xFFFF_FFFF, field.remaining >= 8 { uncompressed = field.u64() }
                    if compressed == 0xFFFF_FFFF, field.remaining >= 8 { compressed = field.u64() }
                    if localOffset == 0xFFFF_FFFF, field.remaining >= 8 { localOffset = field.u64() }
                } else {
                    extra.skip(size)
                }
            }
            guard compressed <= UInt64(fileSize), localOffset < UInt64(fileSize) else {
                throw BulwarkError.invalid(path, "entry \(name) points outside the file (truncated zip?)")
            }
            guard uncompressed <= UInt64(limits.maximumEntrySize) else {
                throw BulwarkError(.limitExceeded, "\(path): entry \(name) is \(uncompressed) bytes uncompressed, more than the \(limits.maximumEntrySize)-byte limit")
            }
            total += Int(uncompressed)
            guard total <= limits.maximumTotalSize else {
                throw BulwarkError(.limitExceeded, "\(path): entries total more than the \(limits.maximumTotalSize)-byte limit")
            }
            entries.append(ZipEntry(name: name, method: method, flags: flags, crc32: crc, compressedSize: Int(compressed),
                                    uncompressedSize: Int(uncompressed), localHeaderOffset: Int(localOffset)))
        }
        return entries
    }

    /// Reads and checks one entry's bytes: size limits, compression ratio, inflate, CRC-32.
    public func read(_ entry: ZipEntry) throws(BulwarkError) -> [UInt8] {
        let label = "\(path): \(entry.name)"
        guard entry.flags & 1 == 0 else { throw BulwarkError(.unsupported, "\(label): encrypted entries are not supported") }
        guard entry.uncompressedSize <= limits.maximumEntrySize else {
            throw BulwarkError(.limitExceeded, "\(label): \(entry.uncompressedSize) bytes uncompressed, more than the \(limits.maximumEntrySize)-byte limit")
        }
        if entry.uncompressedSize >= limits.ratioCheckThreshold,
           entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maximumCompressionRatio {
            throw BulwarkError(.limitExceeded, "\(label): compression ratio above \(limits.maximumCompressionRatio):1 (zip bomb?)")
        }
        let header = try Self.read(backing, at: entry.localHeaderOffset, count: 30, fileSize: fileSize, path: label)
        var cursor = ByteCursor(header, at: 0)
        guard cursor.u32() == 0x0403_4b50 else { throw BulwarkError.invalid(label, "local header is corrupt") }
        cursor.skip(22)
        let dataStart = entry.localHeaderOffset + 30 + Int(cursor.u16()) + Int(cursor.u16())
        let compressed = try Self.read(backing, at: dataStart, count: entry.compressedSize, fileSize: fileSize, path: label)
        let content: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw BulwarkError.invalid(label, "stored entry sizes disagree") }
            content = compressed
        case 8:
            content = try RawInflater.inflate(compressed, expectedSize: entry.uncompressedSize, label: label)
        default:
            throw BulwarkError(.unsupported, "\(label): compression method \(entry.method) is not supported (only stored and deflate)")
        }
        let actual = content.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard actual == entry.crc32 else {
            throw BulwarkError(.integrity, "\(label): CRC-32 mismatch (expected \(String(entry.crc32, radix: 16)), got \(String(actual, radix: 16)))")
        }
        return content
    }
}

/// Where a zip's bytes come from: an open file descriptor (owned, closed on deinit) or memory.
private enum ZipBacking {
    case file(Int32)
    case memory([UInt8])
}

/// Little-endian reads over a byte array; reads past the end yield zeros (callers check `remaining`).
struct ByteCursor {
    private let buffer: [UInt8]
    private var offset: Int

    init(_ buffer: [UInt8], at offset: Int) {
        self.buffer = buffer
        self.offset = offset
    }

    var remaining: Int { max(0, buffer.count - offset) }

    mutating func skip(_ count: Int) { offset += count }

    private mutating func byte() -> UInt64 {
        defer { offset += 1 }
        return offset < buffer.count ? UInt64(buffer[offset]) : 0
    }

    mutating func u16() -> UInt16 { UInt16(byte() | byte() << 8) }
    mutating func u32() -> UInt32 { UInt32(byte() | byte() << 8 | byte() << 16 | byte() << 24) }
    mutating func u64() -> UInt64 { UInt64(u32()) | UInt64(u32()) << 32 }

    mutating func bytes(_ count: Int) -> [UInt8] {
        let start = min(offset, buffer.count), end = min(offset + count, buffer.count)
        offset += count
        return Array(buffer[start..<end])
    }

    mutating func string(_ count: Int) -> String { String(decoding: bytes(count), as: UTF8.self) }
}
