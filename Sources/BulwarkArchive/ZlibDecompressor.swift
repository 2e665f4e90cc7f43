import BulwarkCore
import CZlib

/// Inflates a zlib- or gzip-wrapped deflate stream of unknown size, refusing output beyond a cap
/// (e.g. the compressed dependency list cargo-auditable embeds in binaries).
public enum ZlibDecompressor {
    /// Inflates `compressed` (zlib or gzip header, detected); more than `maximumSize` bytes of
    /// output is a `.limitExceeded` error, a corrupt or truncated stream `.invalidInput`, both naming `label`.
    public static func inflate(_ compressed: [UInt8], maximumSize: Int, label: String) throws(BulwarkError) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: a 32 KiB window and automatic zlib/gzip header detection.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw BulwarkError(.io, "\(label): cannot initialize zlib")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var status: Int32 = Z_OK
        try compressed.withUnsafeBufferPointer { (input) throws(BulwarkError) in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            while status == Z_OK {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                guard output.count + produced <= maximumSize else {
                    throw BulwarkError(.limitExceeded, "\(label): inflates to more than the \(maximumSize)-byte limit")
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_OK, produced == 0, stream.avail_in == 0 { break }
            }
        }
        guard status == Z_STREAM_END else { throw BulwarkError.invalid(label, "corrupt or truncated zlib data") }
        return output
    }
}
