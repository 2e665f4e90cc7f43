import BulwarkCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open, read-only file shared by the sources that read slices of it with `pread`.
public final class OpenFile: @unchecked Sendable {
    /// The file descriptor (closed on deinit).
    public let descriptor: Int32
    /// The path, for messages.
    public let path: String
    /// The size when opened.
    public let size: Int64

    /// Opens `path` for reading.
    public init(path: String) throws(BulwarkError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw BulwarkError(errno == ENOENT ? .notFound : .io, "\(path): cannot open (\(reason))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw BulwarkError(.io, "\(path): cannot stat")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw BulwarkError(.invalidInput, "\(path): is a directory")
        }
        self.descriptor = fd
        self.path = path
        self.size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads exactly `count` bytes at `offset`; throws when the file is shorter.
    public func read(at offset: Int64, count: Int) throws(BulwarkError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = out.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw BulwarkError(.io, "\(path): read failed (\(String(cString: strerror(errno))))")
            }
            if got == 0 { throw BulwarkError(.invalidInput, "\(path): truncated (expected \(count) bytes at offset \(offset))") }
            done += got
        }
        return out
    }
}

/// Streams a byte range of a file with `pread`, so many slices of one file can be read in parallel.
public final class FileSliceSource: ByteSource {
    private let file: OpenFile
    private var offset: Int64
    private let end: Int64

    /// Streams `length` bytes of `file` starting at `offset`.
    public init(file: OpenFile, offset: Int64, length: Int64) {
        self.file = file
        self.offset = offset
        self.end = offset + length
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        let want = Int(min(Int64(buffer.count), end - offset))
        guard want > 0, let base = buffer.baseAddress else { return 0 }
        while true {
            let got = pread(file.descriptor, base, want, off_t(offset))
            if got < 0 {
                if errno == EINTR { continue }
                throw BulwarkError(.io, "\(file.path): read failed (\(String(cString: strerror(errno))))")
            }
            if got == 0 {
                throw BulwarkError(.invalidInput, "\(file.path): truncated (ends at \(offset), expected \(end) bytes)")
            }
            offset += Int64(got)
            return got
        }
    }
}
