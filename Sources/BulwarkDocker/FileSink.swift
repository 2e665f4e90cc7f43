import BulwarkCore
import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a streamed response body to a new file (mode 0600), removing it when the transfer fails.
final class FileSink {
    let path: String
    private var descriptor: Int32

    /// Creates (or truncates) `path`.
    init(path: String) throws(BulwarkError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw BulwarkError(.io, "\(path): cannot create (\(String(cString: strerror(errno))))", hint: "check the scratch directory (--cache-dir) is writable")
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends every readable byte of `buffer`.
    func write(_ buffer: ByteBuffer) throws(BulwarkError) {
        let failure: Int32 = buffer.withUnsafeReadableBytes { raw -> Int32 in
            guard var pointer = raw.baseAddress else { return 0 }
            var remaining = raw.count
            while remaining > 0 {
                let count = Glibc.write(descriptor, pointer, remaining)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                pointer += count
                remaining -= count
            }
            return 0
        }
        if failure != 0 {
            throw BulwarkError(.io, "\(path): write failed (\(String(cString: strerror(failure))))", hint: "check free space in the scratch directory (--cache-dir)")
        }
    }

    /// Closes the file.
    func finish() throws(BulwarkError) {
        let result = close(descriptor)
        descriptor = -1
        if result != 0 { throw BulwarkError(.io, "\(path): close failed") }
    }

    /// Closes and removes the partial file.
    func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(path)
    }
}

/// A file read as a lazy stream of 1 MiB buffers, for request bodies.
struct FileChunks: Sendable {
    let file: FileReadHandle
    var size: Int64 { file.size }

    init(path: String) throws(BulwarkError) {
        file = try FileReadHandle(path: path)
    }

    /// A pull-based stream: one chunk is read per request from the consumer.
    func stream() -> AsyncThrowingStream<ByteBuffer, any Error> {
        let file = self.file
        return AsyncThrowingStream(unfolding: { () async throws -> ByteBuffer? in try file.next() })
    }
}

/// A read-only file descriptor with a cursor; used serially by one stream.
final class FileReadHandle: @unchecked Sendable {
    let path: String
    let size: Int64
    private let descriptor: Int32
    private var offset: Int64 = 0
    private let lock = NSLock()

    init(path: String) throws(BulwarkError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BulwarkError(.notFound, "\(path): cannot open (\(String(cString: strerror(errno))))") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw BulwarkError(.io, "\(path): cannot stat")
        }
        size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    func next() throws -> ByteBuffer? {
        lock.lock()
        defer { lock.unlock() }
        guard offset < size else { return nil }
        let count = Int(min(Int64(1 << 20), size - offset))
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        let read = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { raw in
            max(0, pread(descriptor, raw.baseAddress, count, off_t(offset)))
        }
        guard read > 0 else { throw BulwarkError(.io, "\(path): read failed at offset \(offset)") }
        offset += Int64(read)
        return buffer
    }
}
