import Foundation

/// Builds tar archives in memory for tests: ustar headers, pax records for long names,
/// symlinks, hard links, directories and raw (hostile) headers.
public struct TarWriter {
    /// The archive bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty archive.
    public init() {}

    /// One entry to write.
    public enum Entry {
        case file(String, [UInt8], mode: UInt32 = 0o644)
        case directory(String)
        case symlink(String, target: String)
        case hardlink(String, target: String)
    }

    /// Appends a regular file with text contents.
    public mutating func file(_ name: String, _ text: String, mode: UInt32 = 0o644) { file(name, Array(text.utf8), mode: mode) }

    /// Appends a regular file.
    public mutating func file(_ name: String, _ data: [UInt8], mode: UInt32 = 0o644) {
        writeHeader(name: name, type: "0", size: data.count, mode: mode)
        bytes += data
        pad()
    }

    /// Appends a directory.
    public mutating func directory(_ name: String) { writeHeader(name: name.hasSuffix("/") ? name : name + "/", type: "5", size: 0, mode: 0o755) }

    /// Appends a symlink.
    public mutating func symlink(_ name: String, target: String) { writeHeader(name: name, type: "2", size: 0, mode: 0o777, link: target) }

    /// Appends a hard link.
    public mutating func hardlink(_ name: String, target: String) { writeHeader(name: name, type: "1", size: 0, mode: 0o644, link: target) }

    /// Appends a GNU long-name (`L`) record followed by a file, as GNU tar writes names over 100 bytes.
    public mutating func gnuLongNameFile(_ name: String, _ text: String) {
        let nameBytes = Array(name.utf8) + [0]
        writeHeader(name: "././@LongLink", type: "L", size: nameBytes.count, mode: 0o644)
        bytes += nameBytes
        pad()
        let data = Array(text.utf8)
        writeHeader(name: String(name.prefix(99)), type: "0", size: data.count, mode: 0o644, allowLong: true)
        bytes += data
        pad()
    }

    /// Appends a header with arbitrary claims (used to build hostile archives); no data follows.
    public mutating func rawHeader(name: String, type: Character, size: Int64, sizeField: [UInt8]? = nil) {
        var header = [UInt8](repeating: 0, count: 512)
        put(&header, 0, Array(name.utf8.prefix(100)))
        put(&header, 100, Array(String(format: "%07o", 0o644).utf8))
        put(&header, 108, Array("0000000".utf8))
        put(&header, 116, Array("0000000".utf8))
        put(&header, 124, sizeField ?? Array(String(format: "%011llo", size).utf8))
        put(&header, 136, Array("00000000000".utf8))
        header[156] = UInt8(ascii: type.unicodeScalars.first ?? "0")
        put(&header, 257, Array("ustar".utf8) + [0])
        put(&header, 263, Array("00".utf8))
        checksum(&header)
        bytes += header
    }

    /// Appends raw bytes (e.g. data for a raw header, or garbage).
    public mutating func raw(_ data: [UInt8]) { bytes += data }

    /// Ends the archive with two zero blocks.
    public mutating func finish() { bytes += [UInt8](repeating: 0, count: 1024) }

    /// Returns the finished archive.
    public func finished() -> [UInt8] {
        var copy = self
        copy.finish()
        return copy.bytes
    }

    private mutating func writeHeader(name: String, type: Character, size: Int, mode: UInt32, link: String = "", allowLong: Bool = false) {
        var headerName = name
        if name.utf8.count > 100 && !allowLong {
            // pax extended header carrying the full path
            let record = paxRecord("path", name)
            writeHeader(name: "PaxHeaders/\(String(name.suffix(60)))", type: "x", size: record.count, mode: 0o644, allowLong: true)
            bytes += record
            pad()
            headerName = String(name.suffix(99))
        }
        var header = [UInt8](repeating: 0, count: 512)
        put(&header, 0, Array(headerName.utf8.prefix(100)))
        put(&header, 100, Array(String(format: "%07o", mode).utf8))
        put(&header, 108, Array("0000000".utf8))
        put(&header, 116, Array("0000000".utf8))
        put(&header, 124, Array(String(format: "%011o", size).utf8))
        put(&header, 136, Array("14000000000".utf8))
        header[156] = UInt8(ascii: type.unicodeScalars.first ?? "0")
        put(&header, 157, Array(link.utf8.prefix(100)))
        put(&header, 257, Array("ustar".utf8) + [0])
        put(&header, 263, Array("00".utf8))
        checksum(&header)
        bytes += header
    }

    private func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while "\(length)\(body)".utf8.count != length { length += 1 }
        return Array("\(length)\(body)".utf8)
    }

    private func put(_ header: inout [UInt8], _ offset: Int, _ data: [UInt8]) {
        for (index, byte) in data.enumerated() where offset + index < header.count { header[offset + index] = byte }
    }

    private func checksum(_ header: inout [UInt8]) {
        for index in 148..<156 { header[index] = 0x20 }
        let sum = header.reduce(0) { $0 + Int($1) }
        put(&header, 148, Array(String(format: "%06o", sum).utf8) + [0, 0x20])
    }

    private mutating func pad() {
        let remainder = bytes.count % 512
        if remainder != 0 { bytes += [UInt8](repeating: 0, count: 512 - remainder) }
    }
}
