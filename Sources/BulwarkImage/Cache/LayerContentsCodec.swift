import BulwarkCore
import Crypto

/// The layer cache's on-disk form of one ``LayerContents``: a fixed header (magic, format version,
/// payload length, SHA-256 of the payload) followed by a length-prefixed little-endian payload.
///
/// Payload: diffID, file count, uncompressed size, collected-files flag, warnings, then every change
/// in archive order (path, tag, and for a put the node: kind, size, mode, link target, collected
/// bytes and analyzer packages). `pendingCheck` is never stored: only verified layers are encoded.
enum LayerContentsCodec {
    /// Identifies a Bulwark layer cache entry.
    static let magic: [UInt8] = Array("BWLAYER\u{0}".utf8)
    /// Bumped whenever the byte layout changes; entries of another version are misses.
    static let formatVersion: UInt32 = 1
    /// magic + version + reserved + payload length + SHA-256.
    static let headerSize = 8 + 4 + 4 + 8 + 32

    private static let changePut: UInt8 = 0
    private static let changeWhiteout: UInt8 = 1
    private static let changeOpaque: UInt8 = 2

    // MARK: Encoding

    /// The complete entry (header and payload) for `contents`, or nil when something in it cannot be
    /// represented (a single file of 4 GiB or more).
    static func encode(_ contents: LayerContents, diffID: BulwarkCore.Digest) -> [UInt8]? {
        var writer = CacheByteWriter(capacity: headerSize + estimatedPayloadSize(contents))
        writer.bytes.append(contentsOf: [UInt8](repeating: 0, count: headerSize))
        writer.write(diffID.description)
        writer.write(contents.fileCount)
        writer.write(contents.uncompressedSize)
        writer.write(contents.touchesCollectedFiles)
        writer.write(contents.warnings)
        writer.writeLength(contents.changes.count)
        for (path, change) in contents.changes {
            writer.write(path)
            switch change {
            case .whiteout: writer.write(changeWhiteout)
            case .opaque: writer.write(changeOpaque)
            case .put(let node):
                writer.write(changePut)
                guard encode(node, into: &writer) else { return nil }
            }
        }
        return sealed(writer.bytes)
    }

    private static func estimatedPayloadSize(_ contents: LayerContents) -> Int {
        var size = 256
        for (path, change) in contents.changes {
            size += path.utf8.count + 40
            if case .put(let node) = change { size += node.contents?.count ?? 0 }
        }
        return size
    }

    private static func encode(_ node: FileNode, into writer: inout CacheByteWriter) -> Bool {
        writer.write(kindCode(node.kind))
        writer.write(node.size)
        writer.write(node.mode)
        writer.write(node.linkTarget)
        if let contents = node.contents {
            writer.write(true)
            guard writer.writeBytes(contents) else { return false }
        } else {
            writer.write(false)
        }
        if let analysis = node.analysis {
            writer.write(true)
            writer.writeLength(analysis.count)
            for package in analysis { encode(package, into: &writer) }
        } else {
            writer.write(false)
        }
        return true
    }

    private static func encode(_ package: Package, into writer: inout CacheByteWriter) {
        writer.write(package.type.rawValue)
        writer.write(package.name)
        writer.write(package.version)
        writer.write(package.epoch)
        writer.write(package.upstreamVersion)
        writer.write(package.release)
        writer.write(package.architecture)
        writer.write(package.sourceName)
        writer.write(package.sourceVersion)
        writer.write(package.licenses)
        writer.write(package.maintainer)
        writer.write(package.vendor)
        writer.write(package.modularityLabel)
        let purl = package.purl
        writer.write(purl.type)
        writer.write(purl.namespace)
        writer.write(purl.name)
        writer.write(purl.version)
        let qualifiers = purl.qualifiers.sorted { $0.key < $1.key }
        writer.writeLength(qualifiers.count)
        for (key, value) in qualifiers {
            writer.write(key)
            writer.write(value)
        }
        writer.write(purl.subpath)
        writer.write(package.location)
        // Only whether a layer was set: the reference itself is the current image's, restored on load.
        writer.write(package.layer != nil)
        writer.write(package.installedFiles)
        writer.write(package.isDevelopment)
        writer.write(package.dependencies)
    }

    private static func kindCode(_ kind: FileKind) -> UInt8 {
        switch kind {
        case .regular: return 0
        case .directory: return 1
        case .symlink: return 2
        case .hardlink: return 3
        case .other: return 4
        }
    }

    private static func kind(code: UInt8) throws(CorruptCacheEntry) -> FileKind {
        switch code {
        case 0: return .regular
        case 1: return .directory
        case 2: return .symlink
        case 3: return .hardlink
        case 4: return .other
        default: throw CorruptCacheEntry(reason: "unknown file kind \(code)")
        }
    }

    /// A complete entry holding a list of strings under `name` (see ``LayerCache/storeRecord(_:named:identity:)``).
    static func encodeRecord(_ strings: [String], name: String) -> [UInt8] {
        var writer = CacheByteWriter(capacity: headerSize + 64 + strings.reduce(0) { $0 + $1.utf8.count + 4 })
        writer.bytes.append(contentsOf: [UInt8](repeating: 0, count: headerSize))
        writer.write("record:" + name)
        writer.write(strings)
        return sealed(writer.bytes)
    }

    /// The strings of a record entry written for `name`.
    static func decodeRecord(_ entry: [UInt8], name: String) throws(CorruptCacheEntry) -> [String] {
        var outcome: Result<[String], CorruptCacheEntry> = .failure(CorruptCacheEntry(reason: "not decoded"))
        entry.withUnsafeBytes { buffer in
            outcome = Result { () throws(CorruptCacheEntry) -> [String] in
                var reader = try checkedPayload(buffer)
                guard try reader.readString() == "record:" + name else { throw CorruptCacheEntry(reason: "entry is for another record") }
                let strings = try reader.readStrings()
                guard reader.remaining == 0 else { throw CorruptCacheEntry(reason: "\(reader.remaining) trailing bytes") }
                return strings
            }
        }
        return try outcome.get()
    }

    /// Fills in the header of `entry` (payload after ``headerSize`` placeholder bytes).
    private static func sealed(_ entry: [UInt8]) -> [UInt8] {
        var entry = entry
        let payloadLength = entry.count - headerSize
        let hash = entry.withUnsafeBytes { SHA256.hash(data: UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        var header = CacheByteWriter(capacity: headerSize)
        header.bytes.append(contentsOf: magic)
        header.write(formatVersion)
        header.write(UInt32(0))
        header.write(Int64(payloadLength))
        header.bytes.append(contentsOf: hash)
        entry.replaceSubrange(0..<headerSize, with: header.bytes)
        return entry
    }

    /// A reader positioned at the payload, after checking the header and the payload's hash.
    private static func checkedPayload(_ buffer: UnsafeRawBufferPointer) throws(CorruptCacheEntry) -> CacheByteReader {
        guard headerLooksValid(buffer, fileSize: buffer.count) else { throw CorruptCacheEntry(reason: "bad header or length") }
        let storedHash = UnsafeRawBufferPointer(rebasing: buffer[(headerSize - 32)..<headerSize])
        let payload = UnsafeRawBufferPointer(rebasing: buffer[headerSize...])
        guard SHA256.hash(data: payload).elementsEqual(storedHash) else { throw CorruptCacheEntry(reason: "payload checksum mismatch") }
        return CacheByteReader(buffer, offset: headerSize)
    }

    // MARK: Decoding

    /// Whether `header` (at least ``headerSize`` bytes) is a current-format header whose payload
    /// length matches an entry of `fileSize` bytes. A cheap check that reads no payload.
    static func headerLooksValid(_ header: UnsafeRawBufferPointer, fileSize: Int) -> Bool {
        guard header.count >= headerSize, fileSize >= headerSize else { return false }
        guard header.prefix(magic.count).elementsEqual(magic) else { return false }
        var reader = CacheByteReader(header, offset: magic.count)
        guard let version = try? reader.readUInt32(), version == formatVersion,
            (try? reader.readUInt32()) != nil,
            let length = try? reader.readInt64()
        else { return false }
        return length == Int64(fileSize - headerSize)
    }

    /// Decodes a whole entry, checking the header, the payload hash and that it describes `reference`'s
    /// diffID; the result carries `reference` and its index on every node.
    static func decode(_ entry: [UInt8], as reference: LayerReference) throws(CorruptCacheEntry) -> LayerContents {
        guard let diffID = reference.diffID else { throw CorruptCacheEntry(reason: "the layer has no diffID") }
        var outcome: Result<LayerContents, CorruptCacheEntry> = .failure(CorruptCacheEntry(reason: "not decoded"))
        entry.withUnsafeBytes { buffer in
            outcome = Result { () throws(CorruptCacheEntry) -> LayerContents in try decode(buffer, as: reference, diffID: diffID) }
        }
        return try outcome.get()
    }

    private static func decode(
        _ buffer: UnsafeRawBufferPointer, as reference: LayerReference, diffID: BulwarkCore.Digest
    ) throws(CorruptCacheEntry) -> LayerContents {
        var reader = try checkedPayload(buffer)
        guard try reader.readString() == diffID.description else { throw CorruptCacheEntry(reason: "entry is for another diffID") }
        var contents = LayerContents(reference: reference)
        contents.fileCount = try reader.readInt()
        contents.uncompressedSize = try reader.readInt64()
        contents.touchesCollectedFiles = try reader.readBool()
        contents.warnings = try reader.readStrings()
        let count = try reader.readCount(minimumItemSize: 5)
        contents.changes.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.readString()
            switch try reader.readByte() {
            case changePut: contents.changes.append((path, .put(try decodeNode(&reader, reference: reference))))
            case changeWhiteout: contents.changes.append((path, .whiteout))
            case changeOpaque: contents.changes.append((path, .opaque))
            case let tag: throw CorruptCacheEntry(reason: "unknown change tag \(tag)")
            }
        }
        guard reader.remaining == 0 else { throw CorruptCacheEntry(reason: "\(reader.remaining) trailing bytes") }
        return contents
    }

    private static func decodeNode(_ reader: inout CacheByteReader, reference: LayerReference) throws(CorruptCacheEntry) -> FileNode {
        var node = FileNode(kind: try kind(code: try reader.readByte()))
        node.size = try reader.readInt64()
        node.mode = try reader.readUInt32()
        node.linkTarget = try reader.readOptionalString()
        node.layerIndex = reference.index
        if try reader.readBool() { node.contents = try reader.readBytes() }
        if try reader.readBool() {
            let count = try reader.readCount(minimumItemSize: 16)
            var packages: [Package] = []
            packages.reserveCapacity(count)
            for _ in 0..<count { packages.append(try decodePackage(&reader, reference: reference)) }
            node.analysis = packages
        }
        return node
    }

    private static func decodePackage(_ reader: inout CacheByteReader, reference: LayerReference) throws(CorruptCacheEntry) -> Package {
        let typeName = try reader.readString()
        guard let type = PackageType(rawValue: typeName) else { throw CorruptCacheEntry(reason: "unknown package type \(typeName.prefix(20))") }
        let name = try reader.readString()
        let version = try reader.readString()
        let epoch = try reader.readOptionalInt()
        let upstreamVersion = try reader.readString()
        let release = try reader.readOptionalString()
        let architecture = try reader.readOptionalString()
        let sourceName = try reader.readOptionalString()
        let sourceVersion = try reader.readOptionalString()
        let licenses = try reader.readStrings()
        let maintainer = try reader.readOptionalString()
        let vendor = try reader.readOptionalString()
        let modularityLabel = try reader.readOptionalString()
        let purlType = try reader.readString()
        let purlNamespace = try reader.readOptionalString()
        let purlName = try reader.readString()
        let purlVersion = try reader.readOptionalString()
        let qualifierCount = try reader.readCount(minimumItemSize: 8)
        var qualifiers: [String: String] = [:]
        for _ in 0..<qualifierCount {
            let key = try reader.readString()
            qualifiers[key] = try reader.readString()
        }
        let purl = PackageURL(
            type: purlType, namespace: purlNamespace, name: purlName, version: purlVersion, qualifiers: qualifiers,
            subpath: try reader.readOptionalString())
        let location = try reader.readString()
        let layer: LayerReference? = try reader.readBool() ? reference : nil
        return Package(
            type: type, name: name, version: version, epoch: epoch, upstreamVersion: upstreamVersion, release: release,
            architecture: architecture, sourceName: sourceName, sourceVersion: sourceVersion, licenses: licenses,
            maintainer: maintainer, vendor: vendor, modularityLabel: modularityLabel, purl: purl, location: location, layer: layer,
            installedFiles: try reader.readStrings(), isDevelopment: try reader.readBool(), dependencies: try reader.readStrings())
    }
}
