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
    /// Analyzers that look at single files (binaries, archives) as they stream by.
    public var analyzers: [any FileAnalyzer]
    /// Looks at file contents in the same pass (secret scanning); nil reads no extra bytes.
    public var inspector: (any FileContentInspector)?

    /// Creates a layer reader.
    public init(interest: @escaping PathInterest, analyzers: [any FileAnalyzer] = [], maxCollectedFileSize: Int = 512 << 20) {
        self.interest = interest
        self.analyzers = analyzers
        self.maxCollectedFileSize = maxCollectedFileSize
    }

    /// Runs the analyzers that want a file; `read` supplies its bytes (called at most once).
    /// Files over the size cap are skipped with a warning.
    static func analyze(
        path: String, mode: UInt32, size: Int64, analyzers: [any FileAnalyzer], cap: Int, warnings: inout [String],
        read: () throws(BulwarkError) -> [UInt8]
    ) throws(BulwarkError) -> [Package]? {
        // Runs for every regular file of every layer: the common "nobody wants it" answer allocates nothing.
        guard analyzers.contains(where: { $0.wants(path: path, mode: mode, size: size) }) else { return nil }
        let wanting = analyzers.filter { $0.wants(path: path, mode: mode, size: size) }
        guard size <= Int64(cap) else {
            warnings.append("\(path): \(size) bytes, over the \(cap >> 20) MiB analysis limit; not analyzed")
            return nil
        }
        let bytes = try read()
        var packages: [Package] = []
        for analyzer in wanting {
            let result = analyzer.analyze(path: path, bytes: bytes)
            packages += result.packages
            warnings += result.warnings
        }
        return packages.isEmpty ? nil : packages
    }

    /// Reads `layer` completely.
    public func read(_ layer: LayerBlob, imageLabel: String) throws(BulwarkError) -> LayerContents {
        let reference = layer.reference
        let blobLabel = "\(imageLabel): layer \(reference.index) (\(reference.digest?.description ?? reference.diffID?.description ?? "no digest"))"
        let raw = PeekingSource(try layer.opener.open())
        let compression = Compression.detect(try raw.peek(6))
        let stored: DigestingSource
        let uncompressed: DigestingSource
        var background: (digest: BackgroundDigest, region: MappedRegion)?
        if compression == .none, let region = layer.opener.map() {
            // Fast path: hash the mapped blob on another core while walking its entries here.
            if let size = layer.size, size != Int64(region.bytes.count) {
                throw BulwarkError(.integrity, "\(blobLabel): size \(region.bytes.count) does not match the descriptor's \(size)")
            }
            background = (BackgroundDigest(region), region)
            stored = DigestingSource(raw, expected: [], label: blobLabel)
            uncompressed = stored
        } else if compression == .none {
            // Stored bytes are the tar itself: one hash serves both the blob digest and the diffID.
            stored = DigestingSource(raw, expected: [reference.digest, reference.diffID], expectedSize: layer.size, label: blobLabel, alwaysHash: true)
            uncompressed = DigestingSource(PipelinedSource(stored), expected: [], label: blobLabel)
        } else {
            stored = DigestingSource(raw, expected: [reference.digest], expectedSize: layer.size, label: blobLabel)
            let decoded = try Compression.decoder(for: compression, over: stored, label: blobLabel)
            uncompressed = DigestingSource(PipelinedSource(DrainingSource(decoded, thenDrain: stored)), expected: [reference.diffID], label: "\(blobLabel) diffID", alwaysHash: true)
        }
        let tar = TarReader(uncompressed, label: blobLabel)
        var contents = LayerContents(reference: reference)
        var collectedByPath: [String: [UInt8]] = [:]
        let pool = inspector.map { InspectionPool(inspector: $0, layerIndex: reference.index) }
        // On any exit, wait for the background inspections still holding this layer's bytes.
        defer { _ = pool?.finish() }
        while let entry = try tar.next() {
            guard let path = PathNormalizer.archivePath(entry.name) else {
                throw BulwarkError.invalid(blobLabel, "entry '\(entry.name.prefix(200))' escapes the root filesystem (absolute path or '..')")
            }
            if path == "/" { continue }
            let base = PathNormalizer.baseName(path)
            if base.hasPrefix(".wh.") {
                let parent = PathNormalizer.parent(path)
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
                var collected: [UInt8]?
                if interest(path) {
                    let bytes = try tar.readData(limit: maxCollectedFileSize)
                    node.contents = bytes
                    collectedByPath[path] = bytes
                    contents.touchesCollectedFiles = true
                    collected = bytes
                }
                if !analyzers.isEmpty {
                    node.analysis = try Self.analyze(
                        path: path, mode: entry.mode, size: entry.size, analyzers: analyzers, cap: maxCollectedFileSize,
                        warnings: &contents.warnings
                    ) { () throws(BulwarkError) -> [UInt8] in
                        if let collected { return collected }
                        let bytes = try tar.readData(limit: maxCollectedFileSize)
                        collected = bytes
                        return bytes
                    }
                }
                if let pool, let inspector, inspector.wants(path: path, mode: entry.mode, size: entry.size) {
                    if let collected {
                        pool.submit(path: path, bytes: collected)
                    } else {
                        // Look at the first bytes before copying the rest: binaries are skipped unread.
                        var bytes = try tar.readPrefix(inspector.binaryProbeLength)
                        if Int64(bytes.count) < entry.size && inspector.isBinary(prefix: bytes) {
                            pool.skipped(.binary)
                        } else {
                            if Int64(bytes.count) < entry.size { bytes += try tar.readData(limit: maxCollectedFileSize) }
                            pool.submit(path: path, bytes: bytes)
                        }
                    }
                }
            default:
                break
            }
            contents.changes.append((path, .put(node)))
        }
        // Read to the very end so the digests cover every byte, including tar padding.
        try uncompressed.drain()
        if let pool {
            let inspection = pool.finish()
            contents.inspectedFiles = inspection.inspectedFiles
            contents.inspectionSkips = inspection.skipped
            contents.contentFindings = inspection.findings
        }
        contents.uncompressedSize = uncompressed.byteCount
        if let background {
            // The hash may still be running: the caller verifies before it reports anything.
            contents.pendingCheck = PendingDigestCheck(
                background.digest, region: background.region, expected: [reference.digest, reference.diffID], label: blobLabel)
        }
        if contents.changes.contains(where: { if case .whiteout = $0.change { return interest($0.path) } else { return false } }) {
            contents.touchesCollectedFiles = true
        }
        return contents
    }
}
