import CZlib
import Foundation

/// Writes zip archives in memory for tests (stored or deflated entries, optional wrong CRCs).
public struct TestZipWriter {
    /// Creates an empty archive.
    public init() {}

    /// One entry to write.
    public struct Entry {
        var name: String
        var content: [UInt8]
        var deflate: Bool
        var crcOverride: UInt32?
    }

    public var entries: [Entry] = []

    public mutating func add(_ name: String, _ content: [UInt8], deflate: Bool = true, crcOverride: UInt32? = nil) {
        entries.append(Entry(name: name, content: content, deflate: deflate, crcOverride: crcOverride))
    }

    public mutating func add(_ name: String, text: String, deflate: Bool = true) { add(name, Array(text.utf8), deflate: deflate) }

    public static func rawDeflate(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        let produced = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                _ = deflate(&stream, Z_FINISH)
                return Int(stream.total_out)
            }
        }
        return Array(output[0..<produced])
    }

    public static func crc(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ value: Int, _ target: inout [UInt8]) { target += [UInt8(value & 0xff), UInt8((value >> 8) & 0xff)] }
        func le32(_ value: UInt32, _ target: inout [UInt8]) { for shift in [0, 8, 16, 24] { target.append(UInt8((value >> UInt32(shift)) & 0xff)) } }
        for entry in entries {
            let data = entry.deflate ? Self.rawDeflate(entry.content) : entry.content
            let crc = entry.crcOverride ?? Self.crc(entry.content)
            let name = Array(entry.name.utf8)
            let offset = UInt32(out.count)
            le32(0x0403_4b50, &out); le16(20, &out); le16(0, &out); le16(entry.deflate ? 8 : 0, &out); le16(0, &out); le16(0, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(entry.content.count), &out)
            le16(name.count, &out); le16(0, &out); out += name; out += data
            le32(0x0201_4b50, &central); le16(20, &central); le16(20, &central); le16(0, &central); le16(entry.deflate ? 8 : 0, &central)
            le16(0, &central); le16(0, &central); le32(crc, &central); le32(UInt32(data.count), &central); le32(UInt32(entry.content.count), &central)
            le16(name.count, &central); le16(0, &central); le16(0, &central); le16(0, &central); le16(0, &central); le32(0, &central)
            le32(offset, &central); central += name
        }
        let directoryOffset = UInt32(out.count)
        out += central
        le32(0x0605_4b50, &out); le16(0, &out); le16(0, &out); le16(entries.count, &out); le16(entries.count, &out)
        le32(UInt32(central.count), &out); le32(directoryOffset, &out); le16(0, &out)
        return out
    }

    public func write(to path: String) throws {
        try Data(bytes()).write(to: URL(fileURLWithPath: path))
    }
}

/// A fresh temporary directory for one test, removed by the caller with `cleanup()`.
public struct ScratchDirectory {
    /// The directory.
    public let path: String

    /// Creates the directory.
    public init() throws {
        path = NSTemporaryDirectory() + "bulwark-vulndb-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func cleanup() { try? FileManager.default.removeItem(atPath: path) }

    /// Files in the directory (names only).
    public func listing() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}
