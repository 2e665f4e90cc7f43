import BulwarkCore
import CZlib
import Foundation

/// A database packed into one file for air-gapped machines: a 56-byte header, then the SQLite
/// file as one gzip stream.
///
/// Header: magic `BULWKDB\u{1}` (8 bytes), schema version (u32 big-endian), reserved (u32 zero),
/// uncompressed size (u64 big-endian), SHA-256 of the uncompressed database (32 bytes).
/// `importBundle` checks magic, schema, size and digest before installing atomically.
public enum DatabaseBundle {
    static let magic: [UInt8] = Array("BULWKDB".utf8) + [1]
    static let headerSize = 56
    /// Largest database a bundle may claim to hold.
    static let maximumDatabaseSize: UInt64 = 64 << 30
    private static let chunkSize = 1 << 20

    /// Writes a bundle of the database at `databasePath` to `file` (atomically).
    public static func export(databasePath: String, to file: String) throws(BulwarkError) {
        let schema = try AdvisoryDatabase(path: databasePath).metadata().schemaVersion
        guard let input = FileHandle(forReadingAtPath: databasePath) else { throw BulwarkError(.io, "\(databasePath): cannot open") }
        defer { try? input.close() }
        let temporary = DurableFiles.temporaryPath(for: file)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let output = FileHandle(forWritingAtPath: temporary) else {
            throw BulwarkError(.io, "\(file): cannot create the bundle")
        }
        var succeeded = false
        defer {
            try? output.close()
            if !succeeded { DurableFiles.remove(temporary) }
        }
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw BulwarkError(.io, "\(file): cannot initialize zlib")
        }
        defer { deflateEnd(&stream) }
        var hasher = SHA256Hasher()
        var size: UInt64 = 0
        try write([UInt8](repeating: 0, count: headerSize), to: output, file: file)
        var compressed = [UInt8](repeating: 0, count: chunkSize)
        var finished = false
        while !finished {
            let chunk: [UInt8]
            do { chunk = [UInt8](try input.read(upToCount: chunkSize) ?? Data()) } catch {
                throw BulwarkError(.io, "\(databasePath): read failed: \(error.localizedDescription)")
            }
            finished = chunk.isEmpty
            hasher.update(chunk)
            size += UInt64(chunk.count)
            var status: Int32 = Z_OK
            try chunk.withUnsafeBufferPointer { (source) throws(BulwarkError) in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                repeat {
                    let produced = compressed.withUnsafeMutableBufferPointer { target -> Int in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        status = deflate(&stream, finished ? Z_FINISH : Z_NO_FLUSH)
                        return target.count - Int(stream.avail_out)
                    }
                    guard status != Z_STREAM_ERROR else { throw BulwarkError(.io, "\(file): compression failed") }
                    try write(Array(compressed[0..<produced]), to: output, file: file)
                } while stream.avail_out == 0 || (finished && status != Z_STREAM_END)
            }
        }
        var header = magic
        appendBigEndian(UInt64(schema), bytes: 4, to: &header)
        appendBigEndian(0, bytes: 4, to: &header)
        appendBigEndian(size, bytes: 8, to: &header)
        header += hasher.finalize()
        do {
            try output.seek(toOffset: 0)
            try output.write(contentsOf: Data(header))
            try output.synchronize()
        } catch {
            throw BulwarkError(.io, "\(file): write failed: \(error.localizedDescription)")
        }
        try DurableFiles.replace(file, with: temporary)
        succeeded = true
    }

    /// Verifies the bundle `file` and installs its database at `destination` atomically; the
    /// existing destination is untouched if anything is wrong.
    /// Whether `path` is a file that starts with the bundle magic.
    public static func isBundle(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: magic.count) else { return false }
        return [UInt8](data) == magic
    }

    public static func importBundle(_ file: String, destination: String) throws(BulwarkError) {
        guard let input = FileHandle(forReadingAtPath: file) else {
            throw BulwarkError(.notFound, "\(file): cannot open the database bundle")
        }
        defer { try? input.close() }
        let header = [UInt8]((try? input.read(upToCount: headerSize)) ?? Data())
        guard header.count == headerSize, Array(header[0..<8]) == magic else {
            throw BulwarkError.invalid(file, "not a Bulwark database bundle")
        }
        let schema = Int(readBigEndian(header, at: 8, bytes: 4))
        let size = readBigEndian(header, at: 16, bytes: 8)
        let expectedDigest = Array(header[24..<56])
        if schema > AdvisoryDatabase.schemaVersion {
            throw BulwarkError(.unsupported, "\(file): bundle holds schema \(schema), newer than this bulwark reads (\(AdvisoryDatabase.schemaVersion))", hint: "upgrade bulwark")
        }
        if schema < AdvisoryDatabase.schemaVersion {
            throw BulwarkError(.unsupported, "\(file): bundle holds old schema \(schema) (this bulwark reads \(AdvisoryDatabase.schemaVersion))", hint: "export a bundle with a matching bulwark, or run `bulwark db update`")
        }
        guard size <= maximumDatabaseSize else { throw BulwarkError(.limitExceeded, "\(file): bundle claims a \(size)-byte database") }
        let temporary = DurableFiles.temporaryPath(for: destination)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let output = FileHandle(forWritingAtPath: temporary) else {
            throw BulwarkError(.io, "\(destination): cannot create a temporary file beside it")
        }
        var installed = false
        defer {
            try? output.close()
            if !installed { DurableFiles.remove(temporary) }
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, 31, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw BulwarkError(.io, "\(file): cannot initialize zlib")
        }
        defer { inflateEnd(&stream) }
        var hasher = SHA256Hasher()
        var written: UInt64 = 0
        var inflated = [UInt8](repeating: 0, count: chunkSize)
        var status: Int32 = Z_OK
        while status != Z_STREAM_END {
            let chunk = [UInt8]((try? input.read(upToCount: chunkSize)) ?? Data())
            guard !chunk.isEmpty else { throw BulwarkError.invalid(file, "bundle is truncated") }
            try chunk.withUnsafeBufferPointer { (source) throws(BulwarkError) in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                while stream.avail_in > 0 && status != Z_STREAM_END {
                    let produced = inflated.withUnsafeMutableBufferPointer { target -> Int in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        status = inflate(&stream, Z_NO_FLUSH)
                        return target.count - Int(stream.avail_out)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced > 0) else {
                        throw BulwarkError.invalid(file, "bundle data is corrupt")
                    }
                    written += UInt64(produced)
                    guard written <= size else { throw BulwarkError(.integrity, "\(file): bundle holds more than its declared \(size) bytes") }
                    let piece = Array(inflated[0..<produced])
                    hasher.update(piece)
                    try write(piece, to: output, file: destination)
                }
            }
        }
        guard written == size else { throw BulwarkError(.integrity, "\(file): bundle holds \(written) bytes, its header declares \(size)") }
        guard hasher.finalize() == expectedDigest else { throw BulwarkError(.integrity, "\(file): SHA-256 of the bundled database does not match its header") }
        do { try output.synchronize() } catch { throw BulwarkError(.io, "\(destination): fsync failed") }
        _ = try AdvisoryDatabase(path: temporary).metadata()
        try DurableFiles.replace(destination, with: temporary)
        installed = true
    }

    private static func write(_ bytes: [UInt8], to handle: FileHandle, file: String) throws(BulwarkError) {
        guard !bytes.isEmpty else { return }
        do { try handle.write(contentsOf: Data(bytes)) } catch {
            throw BulwarkError(.io, "\(file): write failed: \(error.localizedDescription)")
        }
    }

    private static func appendBigEndian(_ value: UInt64, bytes: Int, to output: inout [UInt8]) {
        for index in stride(from: bytes - 1, through: 0, by: -1) { output.append(UInt8(truncatingIfNeeded: value >> UInt64(index * 8))) }
    }

    private static func readBigEndian(_ bytes: [UInt8], at offset: Int, bytes count: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in offset..<offset + count { value = value << 8 | UInt64(bytes[index]) }
        return value
    }
}
