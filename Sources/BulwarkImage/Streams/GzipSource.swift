import BulwarkCore
import CISAL
import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which inflate implementation decodes gzip streams.
public enum InflateEngine: String, Sendable {
    /// Intel ISA-L's igzip: about 4× zlib's speed on x86-64.
    case isal
    /// zlib: the portable fallback.
    case zlib

    /// The engine used unless `BULWARK_INFLATE=zlib` asks otherwise.
    public static var preferred: InflateEngine {
        if let value = getenvString("BULWARK_INFLATE"), value == "zlib" { return .zlib }
        return .isal
    }
}

func getenvString(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
}

/// Decodes a gzip stream (several members allowed, as `pigz` and some registries write them).
public final class GzipSource: ByteSource {
    private let inner: any ByteSource

    /// Wraps `upstream` with the preferred inflate engine.
    public init(_ upstream: any ByteSource, label: String, engine: InflateEngine = .preferred) {
        switch engine {
        case .isal: inner = ISALInflateSource(upstream, label: label)
        case .zlib: inner = ZlibInflateSource(upstream, label: label)
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        try inner.read(into: buffer)
    }
}

private let compressedChunk = 256 * 1024

/// gzip decoding with ISA-L's igzip (header parsed and CRC verified by the library).
final class ISALInflateSource: ByteSource {
    private let upstream: any ByteSource
    private let label: String
    private var state = UnsafeMutablePointer<inflate_state>.allocate(capacity: 1)
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: compressedChunk, alignment: 16)
    private var inputEnded = false
    private var memberDone = false
    private var finished = false
    private var producedAny = false

    init(_ upstream: any ByteSource, label: String) {
        self.upstream = upstream
        self.label = label
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
        state.pointee.avail_in = 0
    }

    deinit {
        state.deallocate()
        input.deallocate()
    }

    private func refill() throws(BulwarkError) {
        let got = try upstream.read(into: input)
        state.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        state.pointee.avail_in = UInt32(got)
        if got == 0 { inputEnded = true }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let capacity = UInt32(min(buffer.count, Int(UInt32.max / 2)))
        while true {
            if memberDone {
                // Another gzip member may follow (multi-member streams); trailing zero padding is tolerated.
                if state.pointee.avail_in == 0 && !inputEnded { try refill() }
                if state.pointee.avail_in == 0 { finished = true; return 0 }
                if let next = state.pointee.next_in, next.pointee == 0 { finished = true; return 0 }
                let pendingIn = state.pointee.next_in
                let pendingCount = state.pointee.avail_in
                isal_inflate_reset(state)
                state.pointee.crc_flag = UInt32(ISAL_GZIP)
                state.pointee.next_in = pendingIn
                state.pointee.avail_in = pendingCount
                memberDone = false
            }
            if state.pointee.avail_in == 0 && !inputEnded { try refill() }
            state.pointee.next_out = base.assumingMemoryBound(to: UInt8.self)
            state.pointee.avail_out = capacity
            let status = isal_inflate(state)
            if status < 0 {
                throw BulwarkError(.invalidInput, "\(label): corrupt gzip stream (\(isalMessage(status)))")
            }
            let produced = Int(capacity - state.pointee.avail_out)
            if state.pointee.block_state == ISAL_BLOCK_FINISH { memberDone = true }
            if produced > 0 { producedAny = true; return produced }
            if memberDone { continue }
            if inputEnded && state.pointee.avail_in == 0 {
                throw BulwarkError(.invalidInput, "\(label): truncated gzip stream (unexpected end of data)")
            }
        }
    }

    private func isalMessage(_ status: Int32) -> String {
        switch status {
        case ISAL_INVALID_BLOCK: return "invalid deflate block"
        case ISAL_INVALID_SYMBOL: return "invalid deflate symbol"
        case ISAL_INVALID_LOOKBACK: return "invalid lookback distance"
        case ISAL_INVALID_WRAPPER: return "not a gzip header"
        case ISAL_UNSUPPORTED_METHOD: return "unsupported compression method"
        case ISAL_INCORRECT_CHECKSUM: return "CRC mismatch"
        default: return "error \(status)"
        }
    }
}

/// gzip decoding with zlib.
final class ZlibInflateSource: ByteSource {
    private let upstream: any ByteSource
    private let label: String
    private var stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: compressedChunk, alignment: 16)
    private var initialized = false
    private var inputEnded = false
    private var memberDone = false
    private var finished = false

    init(_ upstream: any ByteSource, label: String) {
        self.upstream = upstream
        self.label = label
        stream.initialize(to: z_stream())
    }

    deinit {
        if initialized { inflateEnd(stream) }
        stream.deallocate()
        input.deallocate()
    }

    private func refill() throws(BulwarkError) {
        let got = try upstream.read(into: input)
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(got)
        if got == 0 { inputEnded = true }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        guard !finished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if !initialized {
            guard inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw BulwarkError(.io, "\(label): cannot initialize zlib")
            }
            initialized = true
        }
        let capacity = uInt(min(buffer.count, Int(UInt32.max / 2)))
        while true {
            if memberDone {
                if stream.pointee.avail_in == 0 && !inputEnded { try refill() }
                if stream.pointee.avail_in == 0 { finished = true; return 0 }
                if let next = stream.pointee.next_in, next.pointee == 0 { finished = true; return 0 }
                inflateReset(stream)
                memberDone = false
            }
            if stream.pointee.avail_in == 0 && !inputEnded { try refill() }
            stream.pointee.next_out = base.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = capacity
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = Int(capacity - stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END: memberDone = true
            case Z_OK: break
            case Z_BUF_ERROR:
                if inputEnded && stream.pointee.avail_in == 0 && produced == 0 {
                    throw BulwarkError(.invalidInput, "\(label): truncated gzip stream (unexpected end of data)")
                }
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw BulwarkError(.invalidInput, "\(label): corrupt gzip stream (\(reason))")
            }
            if produced > 0 { return produced }
            if memberDone { continue }
            if inputEnded && stream.pointee.avail_in == 0 {
                throw BulwarkError(.invalidInput, "\(label): truncated gzip stream (unexpected end of data)")
            }
        }
    }
}
