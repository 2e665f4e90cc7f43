import BulwarkCore

/// An index of the members of an uncompressed tar file, built by reading headers only and seeking
/// over data: how a `docker save` tarball or an OCI layout tar is opened without unpacking it.
public struct TarIndex: Sendable {
    /// Where one member's data sits inside the tar file.
    public struct Member: Sendable, Hashable {
        public var name: String
        public var kind: FileKind
        public var offset: Int64
        public var size: Int64
        public var linkName: String?
    }

    /// Members by normalized path (without leading `/` or `./`).
    public private(set) var members: [String: Member] = [:]
    /// The file the index describes.
    public let file: OpenFile

    /// The most members an index holds (image archives have a few hundred at most).
    public static let maxMembers = 1_000_000

    /// Reads every header of `file`.
    public init(file: OpenFile) throws(BulwarkError) {
        self.file = file
        let label = file.path
        var offset: Int64 = 0
        var pax: [String: String] = [:]
        var longName: String?
        var longLink: String?
        var zeroBlocks = 0
        while offset + 512 <= file.size {
            let block = try file.read(at: offset, count: 512)
            let parsed = try TarHeader.parse(bytes: block, label: label)
            offset += 512
            guard case .header(let header) = parsed else {
                zeroBlocks += 1
                if zeroBlocks == 2 { break }
                continue
            }
            zeroBlocks = 0
            let dataOffset = offset
            let padded = header.size + (512 - header.size % 512) % 512
            guard header.size <= file.size - dataOffset else {
                throw BulwarkError.invalid(label, "truncated tar archive ('\(header.name.prefix(80))' claims \(header.size) bytes, only \(file.size - dataOffset) remain)")
            }
            offset += padded
            switch header.typeFlag {
            case UInt8(ascii: "x"), UInt8(ascii: "L"), UInt8(ascii: "K"):
                guard header.size <= Int64(TarReader.maxMetadataSize) else {
                    throw BulwarkError(.limitExceeded, "\(label): tar extended header exceeds the 1 MiB limit")
                }
                let data = try file.read(at: dataOffset, count: Int(header.size))
                if header.typeFlag == UInt8(ascii: "x") {
                    pax.merge(try PaxRecords.parse(data, label: label)) { $1 }
                } else {
                    let text = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
                    if header.typeFlag == UInt8(ascii: "L") { longName = text } else { longLink = text }
                }
                continue
            case UInt8(ascii: "g"):
                continue
            default:
                break
            }
            let name = pax["path"] ?? longName ?? header.name
            let link = pax["linkpath"] ?? longLink ?? header.linkName
            var size = header.size
            if let paxSize = pax["size"], let value = Int64(paxSize), value >= 0, value <= file.size - dataOffset { size = value }
            pax = [:]
            longName = nil
            longLink = nil
            let kind: FileKind
            switch header.typeFlag {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = .regular
            case UInt8(ascii: "1"): kind = .hardlink
            case UInt8(ascii: "2"): kind = .symlink
            case UInt8(ascii: "5"): kind = .directory
            default: kind = .other
            }
            guard members.count < Self.maxMembers else {
                throw BulwarkError(.limitExceeded, "\(label): more than \(Self.maxMembers) archive members")
            }
            let key = Self.key(name)
            members[key] = Member(name: name, kind: kind, offset: dataOffset, size: kind == .regular ? size : 0, linkName: link.isEmpty ? nil : link)
        }
    }

    /// Normalizes a member name for lookup (`./a/b/` → `a/b`).
    public static func key(_ name: String) -> String {
        PathNormalizer.components(of: name).joined(separator: "/")
    }

    /// The regular-file member at `path`, following symlinks and hard links inside the archive.
    public func regularMember(_ path: String) -> Member? {
        var current = Self.key(path)
        for _ in 0..<16 {
            guard let member = members[current] else { return nil }
            switch member.kind {
            case .regular: return member
            case .symlink:
                guard let target = member.linkName else { return nil }
                let base = target.hasPrefix("/") ? [] : Array(PathNormalizer.components(of: current).dropLast())
                guard let resolved = PathNormalizer.archivePath((base + PathNormalizer.components(of: target)).joined(separator: "/")) else { return nil }
                current = Self.key(resolved)
            case .hardlink:
                guard let target = member.linkName else { return nil }
                current = Self.key(target)
            default: return nil
            }
        }
        return nil
    }

    /// Reads a whole small member (JSON documents) with a size cap.
    public func read(_ path: String, limit: Int) throws(BulwarkError) -> [UInt8] {
        guard let member = regularMember(path) else {
            throw BulwarkError(.notFound, "\(file.path): missing '\(path)'")
        }
        guard member.size <= Int64(limit) else {
            throw BulwarkError(.limitExceeded, "\(file.path): '\(path)' is \(member.size) bytes, over the \(limit) byte limit")
        }
        return try file.read(at: member.offset, count: Int(member.size))
    }

    /// Whether a member exists at `path`.
    public func contains(_ path: String) -> Bool { members[Self.key(path)] != nil }
}
