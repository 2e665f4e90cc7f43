import BulwarkCore

/// Decides which files' bytes are kept in memory: the union of what analyzers asked for.
public typealias PathInterest = @Sendable (String) -> Bool

/// Reads one layer blob in a single streaming pass: verifies the blob digest and the diffID,
/// decompresses (gzip via ISA-L or zlib, zstd, or none — by magic bytes), walks the tar, records
/// every entry's metadata and whiteouts, and keeps only the bytes of interesting files.
public struct LayerReader: Sendable {
    /// The largest single file kept in memory for an analyzer (rpm databases reach a few hundred MB).
    public var maxCollectedFileSize: Int
    /// Which paths to keep.
    public var interest: PathInterest

    /// Creates a layer reader.
    public init(interest: @escaping PathInterest, maxCollectedFileSize: Int = 512 << 20) {
        self.interest = interest
        self.maxCollectedFileSize = maxCollectedFileSize
    }

    /// Reads `layer` completely.
    public func read(_ layer: LayerBlob, imageLabel: String) throws(BulwarkError) -> LayerContents {
        let reference = layer.reference
        let blobLabel = "\(imageLabel): layer \(reference.index) (\(reference.digest?.description ?? reference.diffID?.description ?? "no digest"))"
        let stored = DigestingSource(try layer.opener.open(), expected: reference.digest, expectedSize: layer.size, label: blobLabel)
        let decoded = try Compression.decoding(stored, label: blobLabel)
        let uncompressed = DigestingSource(decoded, expected: reference.diffID, label: "\(blobLabel) diffID")
        let tar = TarReader(uncompressed, label: blobLabel)
        var contents = LayerContents(reference: reference)
        var collectedByPath: [String: [UInt8]] = [:]
        while let entry = try tar.next() {
            guard let path = PathNormalizer.archivePath(entry.name) else {
                throw BulwarkError.invalid(blobLabel, "entry '\(entry.name.prefix(200))' escapes the root filesystem (absolute path or '..')")
            }
            if path == "/" { continue }
            let components = PathNormalizer.components(of: path)
            guard let base = components.last else { continue }
            if base.hasPrefix(".wh.") {
                let parent = "/" + components.dropLast().joined(separator: "/")
                if base == ".wh..wh..opq" {
                    contents.changes.append((parent == "/" ? "/" : parent, .opaque))
                } else if !base.hasPrefix(".wh..wh.") {
                    let hidden = (parent == "/" ? "" : parent) + "/" + base.dropFirst(4)
                    contents.changes.append((hidden, .whiteout))
                }
                continue
            }
            var node = FileNode(kind: entry.kind, size: entry.size, mode: entry.mode, layerIndex: reference.index)
            switch entry.kind {
            case .symlink:
                node.linkTarget = entry.linkName
            case .hardlink:
                guard let target = entry.linkName.flatMap(PathNormalizer.archivePath) else {
                    throw BulwarkError.invalid(blobLabel, "hard link '\(entry.name.prefix(200))' points outside the root filesystem")
                }
                node.linkTarget = target
                if interest(path), let bytes = collectedByPath[target] {
                    node.contents = bytes
                    node.size = Int64(bytes.count)
                    contents.touchesCollectedFiles = true
                }
            case .regular:
                contents.fileCount += 1
                if interest(path) {
                    let bytes = try tar.readData(limit: maxCollectedFileSize)
                    node.contents = bytes
                    collectedByPath[path] = bytes
                    contents.touchesCollectedFiles = true
                }
            default:
                break
            }
            contents.changes.append((path, .put(node)))
        }
        // Read to the very end so the digests cover every byte, including tar padding.
        try uncompressed.drain()
        contents.uncompressedSize = uncompressed.byteCount
        try stored.drain()
        if contents.changes.contains(where: { if case .whiteout = $0.change { return interest($0.path) } else { return false } }) {
            contents.touchesCollectedFiles = true
        }
        return contents
    }
}
