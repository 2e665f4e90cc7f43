import BulwarkCore
import Foundation

/// File-system steps for replacing a file safely: temporary names beside the destination, fsync of
/// files and directories, and whole-file reads with a size cap.
enum DurableFiles {
    /// `<destination>.tmp-<pid>-<random>`, in the destination's directory so rename is atomic.
    static func temporaryPath(for destination: String) -> String {
        "\(destination).tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }

    /// The directory holding `path` (`.` for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// Flushes a file's data to stable storage.
    static func sync(_ path: String) throws(BulwarkError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BulwarkError(.io, "\(path): cannot open for fsync: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BulwarkError(.io, "\(path): fsync failed: \(String(cString: strerror(errno)))") }
    }

    /// Renames `temporary` over `destination` atomically, then syncs the directory so the rename
    /// survives a crash.
    static func replace(_ destination: String, with temporary: String) throws(BulwarkError) {
        try sync(temporary)
        guard rename(temporary, destination) == 0 else {
            throw BulwarkError(.io, "\(destination): cannot replace the file: \(String(cString: strerror(errno)))")
        }
        let directoryPath = directory(of: destination)
        let descriptor = open(directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            close(descriptor)
        }
    }

    /// Removes a file, ignoring a missing one.
    static func remove(_ path: String) { _ = unlink(path) }

    /// Reads a whole regular file, refusing one larger than `limit` bytes.
    static func read(_ path: String, limit: Int) throws(BulwarkError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code: BulwarkError.Code = errno == ENOENT ? .notFound : .io
            throw BulwarkError(code, "\(path): cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw BulwarkError.invalid(path, "not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= limit else {
            throw BulwarkError(.limitExceeded, "\(path): file is \(size) bytes, more than the \(limit)-byte limit")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, size - filled, off_t(filled))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw BulwarkError(.io, "\(path): read failed after \(filled) bytes") }
            filled += count
        }
        return bytes
    }

    /// The current time as RFC 3339 UTC with second precision.
    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
