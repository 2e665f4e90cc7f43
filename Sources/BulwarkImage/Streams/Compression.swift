import BulwarkCore

/// A layer or archive compression, detected from magic bytes rather than trusted from a media type.
public enum Compression: String, Sendable, CaseIterable {
    case none, gzip, zstd, bzip2, xz

    /// Detects the compression from the first bytes of a stream.
    public static func detect(_ prefix: [UInt8]) -> Compression {
        if prefix.starts(with: [0x1F, 0x8B]) { return .gzip }
        if prefix.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if prefix.starts(with: [0x42, 0x5A, 0x68]) { return .bzip2 }
        if prefix.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        return .none
    }

    /// Wraps `source` (whose first bytes were `prefix`, already replayed by `source`) in the matching decoder.
    public static func decoding(_ source: any ByteSource, label: String) throws(BulwarkError) -> any ByteSource {
        let peek = PeekingSource(source)
        return try decoder(for: detect(try peek.peek(6)), over: peek, label: label)
    }

    /// Wraps `source` in the decoder for an already detected compression.
    public static func decoder(for compression: Compression, over source: any ByteSource, label: String) throws(BulwarkError) -> any ByteSource {
        switch compression {
        case .none: return source
        case .gzip: return GzipSource(source, label: label)
        case .zstd: return try ZstdSource(source, label: label)
        case .bzip2, .xz:
            throw BulwarkError(.unsupported, "\(label): \(compression.rawValue) compression is not supported by OCI images")
        }
    }
}

/// Lets a reader look at the first bytes of a stream and then read them again.
public final class PeekingSource: ByteSource {
    private let upstream: any ByteSource
    private var pending: [UInt8] = []
    private var pendingOffset = 0

    /// Wraps `upstream`.
    public init(_ upstream: any ByteSource) { self.upstream = upstream }

    /// Returns up to `count` first bytes without consuming them.
    public func peek(_ count: Int) throws(BulwarkError) -> [UInt8] {
        while pending.count - pendingOffset < count {
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
            defer { chunk.deallocate() }
            let got = try upstream.read(into: chunk)
            if got == 0 { break }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<got]))
        }
        return Array(pending[pendingOffset..<min(pending.count, pendingOffset + count)])
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        if pendingOffset < pending.count {
            let count = min(buffer.count, pending.count - pendingOffset)
            pending.withUnsafeBytes { raw in
                buffer.baseAddress?.copyMemory(from: raw.baseAddress! + pendingOffset, byteCount: count)
            }
            pendingOffset += count
            if pendingOffset == pending.count { pending = []; pendingOffset = 0 }
            return count
        }
        return try upstream.read(into: buffer)
    }
}
