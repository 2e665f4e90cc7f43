import BulwarkCore
import CZlib

/// Stored documents: one marker byte, then either the raw bytes (`0`) or (`1`) a varint of the
/// raw length followed by a zlib stream. Small documents stay raw because compressing them
/// would not pay for itself.
enum CompressedBlob {
    /// Documents at least this long are compressed.
    static let compressionThreshold = 96
    /// The largest document a stored blob may claim to expand to.
    static let maximumExpandedSize = 64 << 20

    /// Affected entries are read on every lookup, so only large ones (long version lists) are compressed.
    static let entryCompressionThreshold = 512

    /// Packs `raw`, compressing when it is at least `threshold` bytes and compression helps.
    static func pack(_ raw: [UInt8], threshold: Int = compressionThreshold) -> [UInt8] {
        if raw.count >= threshold {
            var bound = compressBound(uLong(raw.count))
            var out = [UInt8](repeating: 0, count: Int(bound) + 11)
            var header = BinaryWriter(capacity: 11)
            header.write(byte: 1)
            header.write(count: raw.count)
            let headerBytes = header.bytes
            let status = out.withUnsafeMutableBufferPointer { target in
                raw.withUnsafeBufferPointer { source in
                    compress2(target.baseAddress! + headerBytes.count, &bound, source.baseAddress, uLong(source.count), 6)
                }
            }
            if status == Z_OK, Int(bound) + headerBytes.count < raw.count + 1 {
                out.replaceSubrange(0..<headerBytes.count, with: headerBytes)
                out.removeSubrange((headerBytes.count + Int(bound))...)
                return out
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(raw.count + 1)
        out.append(0)
        out.append(contentsOf: raw)
        return out
    }

    /// Unpacks a stored blob and hands its raw bytes to `body`.
    static func withUnpacked<Output>(_ stored: UnsafeRawBufferPointer, label: String, _ body: (UnsafeRawBufferPointer) throws(BulwarkError) -> Output) throws(BulwarkError) -> Output {
        let corrupt = BulwarkError(.invalidInput, "\(label): stored document is corrupt", hint: "run `bulwark db update` to rebuild the database")
        guard let marker = stored.first else { throw corrupt }
        let rest = UnsafeRawBufferPointer(rebasing: stored[1...])
        if marker == 0 { return try body(rest) }
        guard marker == 1 else { throw corrupt }
        var reader = BinaryReader(rest, label: label)
        let length = Int(clamping: try reader.readVarint())
        guard length <= maximumExpandedSize else { throw corrupt }
        var headerLength = 1
        var probe = length
        while probe >= 0x80 { probe >>= 7; headerLength += 1 }
        let compressed = UnsafeRawBufferPointer(rebasing: rest[headerLength...])
        var expanded = [UInt8](repeating: 0, count: length)
        var expandedLength = uLong(length)
        let status = expanded.withUnsafeMutableBufferPointer { target in
            uncompress(target.baseAddress, &expandedLength, compressed.baseAddress?.assumingMemoryBound(to: UInt8.self), uLong(compressed.count))
        }
        guard status == Z_OK, Int(expandedLength) == length else { throw corrupt }
        return try expanded.withUnsafeBytes { raw in Result<Output, BulwarkError>(catching: { () throws(BulwarkError) -> Output in try body(raw) }) }.get()
    }
}
