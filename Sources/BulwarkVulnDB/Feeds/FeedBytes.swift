import BulwarkCore
import CZlib

/// Raw feed bytes as downloaded: gzip-compressed feeds (EPSS `.csv.gz`, NVD `.json.gz`) are inflated
/// in memory with a cap, so a hostile file cannot exhaust memory.
public enum FeedBytes {
    /// The largest feed accepted after decompression.
    public static let maxDecompressedSize = 4 << 30

    /// `bytes`, gunzipped when they start with the gzip magic.
    public static func decompressIfNeeded(_ bytes: [UInt8], label: String, limit: Int = maxDecompressedSize) throws(BulwarkError) -> [UInt8] {
        guard bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B else { return bytes }
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw BulwarkError(.io, "\(label): cannot initialize zlib")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, bytes.count * 4))
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        defer { input.deallocate() }
        _ = input.initialize(from: bytes)
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        defer { chunk.deallocate() }
        stream.next_in = input.baseAddress
        stream.avail_in = uInt(input.count)
        var status: Int32 = Z_OK
        repeat {
            stream.next_out = chunk.baseAddress
            stream.avail_out = uInt(chunk.count)
            status = inflate(&stream, Z_NO_FLUSH)
            let produced = chunk.count - Int(stream.avail_out)
            if status != Z_OK && status != Z_STREAM_END && !(status == Z_BUF_ERROR && produced > 0) {
                throw BulwarkError.invalid(label, "corrupt gzip data")
            }
            if output.count + produced > limit {
                throw BulwarkError(.limitExceeded, "\(label): decompresses to more than \(limit >> 20) MiB")
            }
            output.append(contentsOf: chunk[0..<produced])
            if status == Z_STREAM_END && stream.avail_in > 0 {
                inflateReset(&stream)  // another gzip member follows
                status = Z_OK
            }
            if produced == 0 && stream.avail_in == 0 && status != Z_STREAM_END {
                throw BulwarkError.invalid(label, "truncated gzip data")
            }
        } while status != Z_STREAM_END
        return output
    }
}
