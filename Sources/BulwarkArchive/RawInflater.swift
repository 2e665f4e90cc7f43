import BulwarkCore
import CZlib

/// Inflates a raw deflate stream (no zlib/gzip header) into exactly the expected number of bytes.
enum RawInflater {
    /// Inflates `compressed` into a buffer of `expectedSize` bytes; more output, less output or a
    /// corrupt stream is an error naming `label`.
    static func inflate(_ compressed: [UInt8], expectedSize: Int, label: String) throws(BulwarkError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw BulwarkError(.io, "\(label): cannot initialize zlib")
        }
        defer { inflateEnd(&stream) }
        // One spare byte detects a stream that would produce more than it declared.
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        let status: Int32 = compressed.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                var result: Int32 = Z_OK
                while result == Z_OK {
                    result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    if result == Z_OK, stream.avail_out == 0 || stream.avail_in == 0 { break }
                }
                return result
            }
        }
        let produced = Int(stream.total_out)
        guard status == Z_STREAM_END else {
            if produced > expectedSize {
                throw BulwarkError(.limitExceeded, "\(label): inflates to more than its declared \(expectedSize) bytes")
            }
            throw BulwarkError.invalid(label, "corrupt or truncated deflate data")
        }
        guard produced == expectedSize else {
            throw BulwarkError.invalid(label, "inflated to \(produced) bytes, the zip declares \(expectedSize)")
        }
        output.removeLast()
        return output
    }
}
