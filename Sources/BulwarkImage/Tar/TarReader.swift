import BulwarkCore

/// Reads a tar stream entry by entry: ustar, pax (path, linkpath, size), GNU long names and links,
/// hard links and symlinks. Data an analyzer does not need is skipped while streaming.
public final class TarReader {
    /// The largest pax header or GNU long name accepted (guards against memory exhaustion).
    public static let maxMetadataSize = 1 << 20

    private let source: any ByteSource
    private let label: String
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var sourceEnded = false
    private var remainingData: Int64 = 0
    private var remainingPadding: Int64 = 0
    private var globalPax: [String: String] = [:]
    private var finished = false

    /// Reads tar entries from `source`; `label` names the input in errors.
    public init(_ source: any ByteSource, label: String, bufferSize: Int = 1 << 20) {
        self.source = source
        self.label = label
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 4096), alignment: 64)
    }

    deinit { buffer.deallocate() }

    /// Fills the buffer so at least `count` bytes are available; false at the end of the stream.
    private func ensure(_ count: Int) throws(BulwarkError) -> Bool {
        if end - start >= count { return true }
        if start > 0 {
            if end > start { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start) }
            end -= start
            start = 0
        }
        while end - start < count && !sourceEnded {
            let got = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if got == 0 { sourceEnded = true } else { end += got }
        }
        return end - start >= count
    }

    /// Refills the empty buffer from the source; false when the source just ended (caller loops
    /// and gets the truncation error on the next pass).
    private func refill() throws(BulwarkError) -> Bool {
        start = 0
        end = 0
        if sourceEnded { throw BulwarkError.invalid(label, "truncated tar archive (entry data ends early)") }
        let got = try source.read(into: buffer)
        if got == 0 {
            sourceEnded = true
            return false
        }
        end = got
        return true
    }

    /// Advances past `count` bytes of the stream.
    private func skip(_ count: Int64) throws(BulwarkError) {
        var left = count
        while left > 0 {
            if start == end {
                guard try refill() else { continue }
            }
            let take = Int(min(Int64(end - start), left))
            start += take
            left -= Int64(take)
        }
    }

    /// Reads the remaining data of the current entry into memory (it must fit `limit`).
    public func readData(limit: Int) throws(BulwarkError) -> [UInt8] {
        guard remainingData <= Int64(limit) else {
            throw BulwarkError(.limitExceeded, "\(label): entry of \(remainingData) bytes exceeds the \(limit) byte limit")
        }
        var out = [UInt8]()
        out.reserveCapacity(Int(min(remainingData, 64 << 20)))
        while remainingData > 0 {
            if start == end {
                guard try refill() else { continue }
            }
            let take = Int(min(Int64(end - start), remainingData))
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + take)]))
            start += take
            remainingData -= Int64(take)
        }
        return out
    }

    /// Reads at most `count` more bytes of the current entry (the rest stays readable, or is skipped by ``next()``).
    public func readPrefix(_ count: Int) throws(BulwarkError) -> [UInt8] {
        var out = [UInt8]()
        var wanted = min(Int64(count), remainingData)
        out.reserveCapacity(Int(wanted))
        while wanted > 0 {
            if start == end {
                guard try refill() else { continue }
            }
            let take = Int(min(Int64(end - start), wanted))
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + take)]))
            start += take
            remainingData -= Int64(take)
            wanted -= Int64(take)
        }
        return out
    }

    /// Calls `body` with successive chunks of the current entry's data.
    public func streamData(_ body: (UnsafeRawBufferPointer) throws(BulwarkError) -> Void) throws(BulwarkError) {
        while remainingData > 0 {
            if start == end {
                guard try refill() else { continue }
            }
            let take = Int(min(Int64(end - start), remainingData))
            try body(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + take)]))
            start += take
            remainingData -= Int64(take)
        }
    }

    /// Returns the next entry, skipping any unread data of the previous one; nil at the end.
    public func next() throws(BulwarkError) -> TarEntry? {
        if finished { return nil }
        try skip(remainingData + remainingPadding)
        remainingData = 0
        remainingPadding = 0
        var pax: [String: String] = [:]
        var longName: String?
        var longLink: String?
        while true {
            guard try ensure(512) else {
                if end - start == 0 {
                    finished = true
                    return nil  // end of stream at a block boundary: tolerated (some writers omit the zero blocks)
                }
                throw BulwarkError.invalid(label, "truncated tar archive (partial header)")
            }
            let block = UnsafeRawBufferPointer(rebasing: buffer[start..<(start + 512)])
            let parsed = try TarHeader.parse(block, label: label)
            start += 512
            guard case .header(let header) = parsed else {
                finished = true
                return nil
            }
            let padding = (512 - header.size % 512) % 512
            switch header.typeFlag {
            case UInt8(ascii: "x"), UInt8(ascii: "g"):
                let data = try readMetadata(header.size, padding: padding)
                let records = try PaxRecords.parse(data, label: label)
                if header.typeFlag == UInt8(ascii: "g") {
                    globalPax.merge(records) { $1 }
                } else {
                    pax.merge(records) { $1 }
                }
                continue
            case UInt8(ascii: "L"):
                longName = Self.cString(try readMetadata(header.size, padding: padding))
                continue
            case UInt8(ascii: "K"):
                longLink = Self.cString(try readMetadata(header.size, padding: padding))
                continue
            default:
                break
            }
            let merged = globalPax.merging(pax) { $1 }
            var name = merged["path"] ?? longName ?? header.name
            let link = merged["linkpath"] ?? longLink ?? header.linkName
            var size = header.size
            if let paxSize = merged["size"] {
                guard let value = Int64(paxSize), value >= 0 else { throw BulwarkError.invalid(label, "malformed pax size '\(paxSize.prefix(30))'") }
                size = value
            }
            let kind: FileKind
            switch header.typeFlag {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = .regular
            case UInt8(ascii: "1"): kind = .hardlink; size = 0
            case UInt8(ascii: "2"): kind = .symlink; size = 0
            case UInt8(ascii: "5"): kind = .directory
            default: kind = .other
            }
            if kind == .regular && name.hasSuffix("/") && header.typeFlag == 0 { name.removeLast() }
            // Data of links/dirs is normally empty; honor whatever size the header declared for skipping.
            let dataSize = (kind == .hardlink || kind == .symlink) ? header.size : size
            remainingData = dataSize
            remainingPadding = (512 - dataSize % 512) % 512
            return TarEntry(
                name: name, kind: kind, size: kind == .regular ? size : 0, mode: header.mode,
                linkName: (kind == .symlink || kind == .hardlink) ? link : nil)
        }
    }

    private func readMetadata(_ size: Int64, padding: Int64) throws(BulwarkError) -> [UInt8] {
        guard size <= Int64(Self.maxMetadataSize) else {
            throw BulwarkError(.limitExceeded, "\(label): tar extended header of \(size) bytes exceeds the 1 MiB limit")
        }
        remainingData = size
        let data = try readData(limit: Self.maxMetadataSize)
        try skip(padding)
        return data
    }

    private static func cString(_ bytes: [UInt8]) -> String {
        let trimmed = bytes.prefix { $0 != 0 }
        return String(decoding: trimmed, as: UTF8.self)
    }
}
