import BulwarkCore
import CZstd

/// Decodes a zstd stream (several frames allowed) with libzstd, with the window size capped
/// so a hostile frame cannot demand gigabytes of memory.
public final class ZstdSource: ByteSource {
    private let upstream: any ByteSource
    private let label: String
    private let context: OpaquePointer
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
    private var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    private var inputEnded = false
    private var frameOpen = false

    /// Wraps `upstream`.
    public init(_ upstream: any ByteSource, label: String) throws(BulwarkError) {
        guard let context = ZSTD_createDCtx() else { throw BulwarkError(.io, "\(label): cannot create zstd decoder") }
        self.upstream = upstream
        self.label = label
        self.context = context
        // 2^27 = 128 MiB: zstd's default cap for streaming, written out explicitly.
        ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, 27)
    }

    deinit {
        ZSTD_freeDCtx(context)
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            if inBuffer.pos == inBuffer.size && !inputEnded {
                let got = try upstream.read(into: input)
                inBuffer = ZSTD_inBuffer(src: UnsafeRawPointer(input.baseAddress), size: got, pos: 0)
                if got == 0 { inputEnded = true }
            }
            if inBuffer.pos == inBuffer.size && inputEnded {
                if frameOpen { throw BulwarkError(.invalidInput, "\(label): truncated zstd stream (unexpected end of data)") }
                return 0
            }
            var out = ZSTD_outBuffer(dst: base, size: buffer.count, pos: 0)
            let result = ZSTD_decompressStream(context, &out, &inBuffer)
            if ZSTD_isError(result) != 0 {
                let reason = String(cString: ZSTD_getErrorName(result))
                throw BulwarkError(.invalidInput, "\(label): corrupt zstd stream (\(reason))")
            }
            frameOpen = result != 0
            if out.pos > 0 { return out.pos }
        }
    }
}
