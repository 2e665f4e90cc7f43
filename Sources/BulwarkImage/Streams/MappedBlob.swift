import BulwarkCore
import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only memory mapping of a byte range of a file: lets an uncompressed layer be hashed on
/// one core while its tar entries are walked on another, both straight from the page cache.
public final class MappedRegion: @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    private let mappedLength: Int
    /// The mapped bytes of the requested range.
    public let bytes: UnsafeRawBufferPointer

    /// Maps `length` bytes of `file` from `offset`; nil when mapping is not possible.
    init?(file: OpenFile, offset: Int64, length: Int64) {
        guard length > 0, length < Int64(Int.max / 2) else { return nil }
        let page = Int64(sysconf(Int32(_SC_PAGESIZE)))
        let alignedOffset = offset - offset % page
        let delta = Int(offset - alignedOffset)
        let total = Int(length) + delta
        guard let pointer = mmap(nil, total, PROT_READ, MAP_PRIVATE, file.descriptor, off_t(alignedOffset)), pointer != MAP_FAILED else {
            return nil
        }
        madvise(pointer, total, MADV_SEQUENTIAL)
        base = pointer
        mappedLength = total
        bytes = UnsafeRawBufferPointer(start: pointer + delta, count: Int(length))
    }

    deinit { munmap(base, mappedLength) }

    /// SHA-256 of the whole region. Pages already hashed are dropped from this process's resident
    /// set as it goes (they stay in the page cache), so hashing a large layer costs no memory.
    func sha256() -> BulwarkCore.Digest {
        var hasher = SHA256()
        let chunk = 4 << 20
        var offset = 0
        let delta = mappedLength - bytes.count
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
            // Release [mapping start, page-aligned end of what has been hashed).
            let hashedThrough = (delta + end) - (delta + end) % Int(sysconf(Int32(_SC_PAGESIZE)))
            if hashedThrough > 0 { madvise(base, hashedThrough, MADV_DONTNEED) }
            offset = end
        }
        return BulwarkCore.Digest(sha256Hex: hasher.finalize().map { byteHex($0) }.joined())
    }
}

/// Reads a mapped region as a stream.
final class MappedSource: ByteSource {
    private let region: MappedRegion
    private var position = 0

    init(_ region: MappedRegion) { self.region = region }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        let count = min(buffer.count, region.bytes.count - position)
        guard count > 0, let target = buffer.baseAddress, let source = region.bytes.baseAddress else { return 0 }
        target.copyMemory(from: source + position, byteCount: count)
        position += count
        return count
    }
}

/// Computes a region's SHA-256 on a background thread.
final class BackgroundDigest: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: BulwarkCore.Digest?

    init(_ region: MappedRegion) {
        let thread = Thread { [self] in
            let digest = region.sha256()
            condition.lock()
            result = digest
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "bulwark-layer-digest"
        thread.start()
    }

    /// Waits for the digest.
    func wait() -> BulwarkCore.Digest {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result ?? BulwarkCore.Digest(sha256Hex: "")
    }
}

/// A background SHA-256 of a layer and the digests it must equal.
public final class PendingDigestCheck: @unchecked Sendable {
    private let digest: BackgroundDigest
    private let region: MappedRegion
    private let expected: [BulwarkCore.Digest]
    private let label: String

    init(_ digest: BackgroundDigest, region: MappedRegion, expected: [BulwarkCore.Digest?], label: String) {
        self.digest = digest
        self.region = region
        self.expected = Array(Set(expected.compactMap { $0 }.filter { $0.algorithm == "sha256" })).sorted()
        self.label = label
    }

    /// Waits for the hash and compares it.
    public func verify() throws(BulwarkError) {
        let computed = digest.wait()
        for wanted in expected where wanted != computed {
            throw BulwarkError(.integrity, "\(label): content digest \(computed) does not match \(wanted)")
        }
        withExtendedLifetime(region) {}
    }
}
