import BulwarkCore

/// A pull-based source of bytes: the building block of Bulwark's streaming pipeline
/// (file slice → digest check → decompression → digest check → tar reader).
///
/// Sources are used by one task at a time and are not `Sendable`.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 only at the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int
}

extension ByteSource {
    /// Reads until `buffer` is full or the stream ends; returns the number of bytes read.
    public func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        var total = 0
        while total < buffer.count {
            guard let base = buffer.baseAddress else { return 0 }
            let slice = UnsafeMutableRawBufferPointer(start: base + total, count: buffer.count - total)
            let count = try read(into: slice)
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Reads the whole remaining stream, failing once more than `limit` bytes arrive.
    public func readAll(limit: Int, label: String) throws(BulwarkError) -> [UInt8] {
        var out: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try read(into: chunk)
            if count == 0 { return out }
            if out.count + count > limit {
                throw BulwarkError(.limitExceeded, "\(label): larger than the \(max(1, limit / 1_048_576)) MiB limit")
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    /// Reads and discards the rest of the stream, returning how many bytes were skipped.
    @discardableResult
    public func drain() throws(BulwarkError) -> Int64 {
        var total: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try read(into: buffer)
            if count == 0 { return total }
            total += Int64(count)
        }
    }
}

/// A source over bytes already in memory.
public final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    /// Creates a source over `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { raw in
            buffer.baseAddress?.copyMemory(from: raw.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}
