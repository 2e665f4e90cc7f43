import BulwarkCatalog
import BulwarkCore
import BulwarkImage
import Dispatch
import Foundation
import Logging

/// Results of catalogers running concurrently, one slot each.
final class CatalogResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<CatalogResult, BulwarkError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<CatalogResult, BulwarkError>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func all() -> [Result<CatalogResult, BulwarkError>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Which packages an inventory keeps.
public struct PackageSelection: Sendable {
    /// `os`, `library`, or package types (`deb`, `npm`, `pypi`, …); empty keeps everything.
    public var types: Set<String>
    /// Leave out development-only dependencies.
    public var excludeDevelopment: Bool

    /// Creates a selection.
    public init(types: Set<String> = [], excludeDevelopment: Bool = false) {
        self.types = types
        self.excludeDevelopment = excludeDevelopment
    }

    /// Whether `package` is kept.
    public func keeps(_ package: Package) -> Bool {
        if excludeDevelopment && package.isDevelopment { return false }
        if types.isEmpty { return true }
        return types.contains(package.type.selectionClass) || types.contains(package.type.rawValue)
    }

    /// Whether any package of `type` could be kept (catalogers of unwanted types are not run).
    public func wants(_ isOS: Bool) -> Bool {
        if types.isEmpty { return true }
        if isOS { return types.contains("os") || types.contains { ["deb", "apk", "rpm"].contains($0) } }
        return types.contains { $0 != "os" && !["deb", "apk", "rpm"].contains($0) }
    }
}

/// Options that shape one inventory scan.
public struct InventoryScanOptions: Sendable {
    /// Which image to pick from a multi-image or multi-platform source.
    public var selection: ImageSelection
    /// Where a compressed archive may be decompressed (the only place Bulwark writes).
    public var scratchDirectory: String
    /// How many layers are read at once.
    public var parallelLayers: Int
    /// Which packages to keep.
    public var packages: PackageSelection
    /// Per-layer analysis results reused across images and runs; nil reads every layer.
    public var layerCache: LayerCache?
    /// Receives the merged filesystem when set (image misconfiguration checks need it), and the inspector's findings.
    public var treeCapture: FileTreeCapture?
    /// Looks at every layer's file contents in the same pass (secret scanning). Layers are then read, not
    /// taken from the layer cache, whose records hold package data only.
    public var inspector: (any FileContentInspector)?

    /// Creates options; parallelism defaults to the number of active cores.
    public init(
        selection: ImageSelection = ImageSelection(), scratchDirectory: String = NSTemporaryDirectory(),
        parallelLayers: Int = ProcessInfo.processInfo.activeProcessorCount, packages: PackageSelection = PackageSelection(),
        layerCache: LayerCache? = nil, treeCapture: FileTreeCapture? = nil, inspector: (any FileContentInspector)? = nil
    ) {
        self.treeCapture = treeCapture
        self.inspector = inspector
        self.selection = selection
        self.scratchDirectory = scratchDirectory
        self.parallelLayers = max(1, parallelLayers)
        self.packages = packages
        self.layerCache = layerCache
    }
}

/// Composes a scan from source to inventory: open the image, read layers in parallel keeping only
/// the bytes catalogers asked for (and letting file analyzers look at binaries and archives as they
/// stream by), apply the layers, detect the OS, run the catalogers, and attribute each package to
/// the layer that introduced it.
public struct InventoryScanner: Sendable {
    /// OS package catalogers (their packages are attributed by continuous presence across layers).
    public var osCatalogers: [any Cataloger]
    /// Language catalogers (their packages are attributed to the layer of the file they come from).
    public var languageCatalogers: [any Cataloger]
    /// Per-file analyzers.
    public var analyzers: [any FileAnalyzer]
    /// The OS detector.
    public var detector = OSDetector()
    /// Where progress and diagnostics go.
    public var logger: Logger

    /// Creates a scanner with the default catalogers and analyzers.
    public init(
        osCatalogers: [any Cataloger] = CatalogerRegistry.osPackageCatalogers,
        languageCatalogers: [any Cataloger] = CatalogerRegistry.languageCatalogers,
        analyzers: [any FileAnalyzer] = CatalogerRegistry.fileAnalyzers, logger: Logger = Logger(label: "bulwark")
    ) {
        self.osCatalogers = osCatalogers
        self.languageCatalogers = languageCatalogers
        self.analyzers = analyzers
        self.logger = logger
    }

    /// The catalogers in effect for `scopes` and `selection`.
    func active(scopes: Set<CatalogScope>, selection: PackageSelection) -> (os: [any Cataloger], language: [any Cataloger], analyzers: [any FileAnalyzer]) {
        (
            selection.wants(true) ? osCatalogers.filter { scopes.contains($0.scope) } : [],
            selection.wants(false) ? languageCatalogers.filter { scopes.contains($0.scope) } : [],
            selection.wants(false) ? analyzers : []
        )
    }

    /// The version of layer analysis recorded in every layer cache key: bump it whenever what reading
    /// a layer produces changes (cataloger interest, file analyzers, OS detection, the layer reader).
    public static let layerAnalysisVersion = 2

    /// What shapes the layer analysis of an image scan with `selection`: the layer cache's key part.
    func layerAnalysisIdentity(selection: PackageSelection, reader: LayerReader) -> LayerAnalysisIdentity {
        let active = active(scopes: [.installed], selection: selection)
        return LayerAnalysisIdentity(
            catalogers: (active.os + active.language).map(\.id), analyzers: active.analyzers.map(\.id),
            version: Self.layerAnalysisVersion, settings: ["max-collected-file-size=\(reader.maxCollectedFileSize)"])
    }

    /// The reader an image scan with `selection` uses.
    func layerReader(selection: PackageSelection) -> LayerReader {
        let active = active(scopes: [.installed], selection: selection)
        return LayerReader(interest: Self.interest(active.os + active.language, detector: detector), analyzers: active.analyzers)
    }

    /// The positions of the layers of `image` that a scan with `options` would take from the layer
    /// cache instead of reading them (empty without a cache), so a registry pull can skip downloading them.
    public func cachedLayerIndices(of image: ResolvedImage, options: InventoryScanOptions) -> Set<Int> {
        guard let cache = options.layerCache, options.inspector == nil else { return [] }
        let identity = layerAnalysisIdentity(selection: options.packages, reader: layerReader(selection: options.packages))
        return Set(image.layers.indices.filter { cache.contains(image.layers[$0].reference, identity: identity) })
    }

    static func interest(_ catalogers: [any Cataloger], detector: OSDetector) -> PathInterest {
        { path in detector.isInterested(in: path) || catalogers.contains { $0.isInterested(in: path) } }
    }

    /// Scans an image archive or layout at `path`.
    public func scanImage(at path: String, options: InventoryScanOptions) async throws(BulwarkError) -> Inventory {
        let source = try ImageOpener.open(path: path, scratchDirectory: options.scratchDirectory)
        let image = try source.resolve(options.selection)
        return try await scan(image, options: options)
    }

    /// Scans an already resolved image.
    public func scan(_ image: ResolvedImage, options: InventoryScanOptions) async throws(BulwarkError) -> Inventory {
        let active = active(scopes: [.installed], selection: options.packages)
        let osInterest = Self.interest(active.os, detector: detector)
        var reader = layerReader(selection: options.packages)
        reader.inspector = options.inspector
        let label = image.target.name
        logger.debug("reading \(image.layers.count) layers of \(label) with \(options.parallelLayers) workers")
        let cache = options.inspector != nil ? nil : options.layerCache.map { ($0, layerAnalysisIdentity(selection: options.packages, reader: reader)) }
        let (layers, freshlyRead) = try await readLayers(image.layers, reader: reader, cache: cache, label: label, parallelism: options.parallelLayers)

        var tree = MemoryFileTree()
        var snapshots: [(layer: Int, tree: MemoryFileTree)] = []
        var warnings: [String] = []
        for (index, layer) in layers.enumerated() {
            LayerApplier.apply(layer, to: &tree)
            warnings += layer.warnings
            if index < layers.count - 1 && layer.touchesCollectedFiles && layer.changes.contains(where: { osInterest($0.path) }) {
                snapshots.append((index, Self.collectedOnly(tree, interest: osInterest)))
            }
        }
        options.treeCapture?.store(tree)
        if options.inspector != nil, let capture = options.treeCapture {
            var result = ContentInspectionResult()
            for layer in layers {
                result.inspectedFiles += layer.inspectedFiles
                result.skipped.merge(layer.inspectionSkips, uniquingKeysWith: +)
                for var finding in layer.contentFindings {
                    finding.presentInFinalFilesystem = tree.node(at: finding.path)?.layerIndex == finding.layerIndex
                    result.findings.append(finding)
                }
            }
            capture.store(result)
        }
        let os = detector.detect(tree)
        let context = CatalogContext(operatingSystem: os)
        // Which layer each package identity (as ``snapshotKey(_:)``) has been continuously present since.
        var since: [String: Int] = [:]
        var newRecords: [(name: String, strings: [String])] = []
        for snapshot in snapshots {
            // The OS packages below a layer depend only on the layers up to it: shared by images with the same base.
            let recordName = cache == nil ? nil : Self.snapshotRecordName(image.layers, through: snapshot.layer, os: os)
            let identities: Set<String>
            if let (cache, identity) = cache, let recordName, let record = cache.loadRecord(named: recordName, identity: identity),
                let decoded = Self.decodeSnapshotRecord(record)
            {
                identities = decoded.identities
                warnings += decoded.warnings
            } else {
                var snapshotWarnings: [String] = []
                identities = Set(try catalogAll(active.os, snapshot.tree, context: context, label: label, warnings: &snapshotWarnings).map { Self.snapshotKey($0.identity) })
                warnings += snapshotWarnings
                if let recordName { newRecords.append((recordName, Self.encodeSnapshotRecord(identities, warnings: snapshotWarnings))) }
            }
            since = since.filter { identities.contains($0.key) }
            for identity in identities where since[identity] == nil { since[identity] = snapshot.layer }
        }
        let indexed = IndexedFileTree(tree)
        var packages = try catalogAll(active.os, indexed, context: context, label: label, warnings: &warnings)
        let references = image.metadata.layers
        for index in packages.indices {
            let layerIndex = since[Self.snapshotKey(packages[index].identity)] ?? max(0, layers.count - 1)
            if layerIndex < references.count { packages[index].layer = references[layerIndex] }
        }
        var language = try catalogAll(active.language, indexed, context: context, label: label, warnings: &warnings) + Self.analyzed(tree)
        for index in language.indices {
            // A language package comes from one file: the layer that wrote that file last.
            if let node = tree.node(at: language[index].location), node.layerIndex < references.count {
                language[index].layer = references[node.layerIndex]
            }
        }
        packages = (packages + Self.withoutOSOwned(language, osPackages: packages)).filter(options.packages.keeps)
        // Nothing is reported (or cached) before every layer's digest has been checked.
        for layer in layers { try layer.verify() }
        if let (cache, identity) = cache {
            store(freshlyRead.map { layers[$0] }, in: cache, identity: identity, label: label)
            for record in newRecords {
                do {
                    try cache.storeRecord(record.strings, named: record.name, identity: identity)
                } catch {
                    logger.warning("\(label): OS package snapshot not cached: \(error.message)")
                }
            }
        }
        return Inventory(target: image.target, image: image.metadata, operatingSystem: os, packages: Self.sorted(packages), warnings: warnings)
    }

    /// Scans an unpacked root filesystem directory (installed packages only).
    public func scanRootfs(
        at path: String, packages selection: PackageSelection = PackageSelection(), treeCapture: FileTreeCapture? = nil,
        inspector: (any FileContentInspector)? = nil
    ) throws(BulwarkError) -> Inventory {
        try scanDirectory(at: path, kind: .rootfs, scopes: [.installed], selection: selection, treeCapture: treeCapture, inspector: inspector)
    }

    /// Scans a project folder: lockfiles as well as installed metadata (`bulwark fs`).
    public func scanFolder(
        at path: String, packages selection: PackageSelection = PackageSelection(), treeCapture: FileTreeCapture? = nil,
        inspector: (any FileContentInspector)? = nil
    ) throws(BulwarkError) -> Inventory {
        try scanDirectory(at: path, kind: .filesystem, scopes: [.installed, .lockfile], selection: selection, treeCapture: treeCapture, inspector: inspector)
    }

    func scanDirectory(
        at path: String, kind: TargetKind, scopes: Set<CatalogScope>, selection: PackageSelection, treeCapture: FileTreeCapture? = nil,
        inspector: (any FileContentInspector)? = nil
    ) throws(BulwarkError) -> Inventory {
        let active = active(scopes: scopes, selection: selection)
        var warnings: [String] = []
        let clock = ContinuousClock()
        let start = clock.now
        var reader = RootfsReader(interest: Self.interest(active.os + active.language, detector: detector), analyzers: active.analyzers)
        reader.keepsUncollectedFiles = treeCapture?.wantsFullTree ?? false
        let sink = inspector == nil ? nil : ContentInspectionSink()
        reader.inspector = inspector
        reader.inspectionSink = sink
        let tree = try reader.read(root: path, warnings: &warnings)
        treeCapture?.store(tree)
        if let sink, let treeCapture {
            var result = sink.result
            if kind == .filesystem {
                // Folder findings name host paths; a root filesystem's stay absolute inside it, like an image's.
                let root = path.hasSuffix("/") ? String(path.dropLast()) : path
                for index in result.findings.indices { result.findings[index].path = root + result.findings[index].path }
            }
            treeCapture.store(result)
        }
        let walked = clock.now
        logger.debug("walked \(tree.nodes.count) entries of \(path) in \(walked - start) (\(ProcessMemory.summary()))")
        let os = detector.detect(tree)
        let context = CatalogContext(operatingSystem: os)
        let indexed = IndexedFileTree(tree)
        let osPackages = try catalogAll(active.os, indexed, context: context, label: path, warnings: &warnings)
        let language = try catalogAll(active.language, indexed, context: context, label: path, warnings: &warnings) + Self.analyzed(tree)
        let packages = osPackages + Self.withoutOSOwned(language, osPackages: osPackages)
        let inventory = Inventory(
            target: ScanTarget(kind: kind, name: path), operatingSystem: os, packages: Self.sorted(packages.filter(selection.keeps)),
            warnings: warnings)
        logger.debug("cataloged \(inventory.packages.count) packages in \(clock.now - walked) (\(ProcessMemory.summary()))")
        return inventory
    }

    /// Language packages whose metadata file belongs to an OS package (Debian's `python3-pip` ships
    /// `pip-23.0.1.dist-info`) are the OS package seen twice: the distribution's advisories and
    /// backported fixes apply to them, so they are left to the OS package, as Trivy does.
    static func withoutOSOwned(_ language: [Package], osPackages: [Package]) -> [Package] {
        let owned = Set(osPackages.lazy.flatMap(\.installedFiles))
        guard !owned.isEmpty else { return language }
        return language.filter { !owned.contains($0.location) }
    }

    /// Packages file analyzers found in files still present in `tree`.
    static func analyzed(_ tree: MemoryFileTree) -> [Package] {
        tree.nodes.values.flatMap { $0.analysis ?? [] }
    }

    private func catalogAll(_ catalogers: [any Cataloger], _ tree: any FileTree, context: CatalogContext, label: String, warnings: inout [String]) throws(BulwarkError) -> [Package] {
        // Catalogers are independent: run them on all cores, then merge in registry order.
        let results = CatalogResults(count: catalogers.count)
        DispatchQueue.concurrentPerform(iterations: catalogers.count) { index in
            do throws(BulwarkError) {
                results.store(index, .success(try catalogers[index].catalog(tree, context: context)))
            } catch {
                results.store(index, .failure(error))
            }
        }
        var packages: [Package] = []
        for outcome in results.all() {
            switch outcome {
            case .success(let result):
                packages += result.packages
                warnings += result.warnings
            case .failure(let error):
                // Name the image as well as the file inside it.
                throw BulwarkError(error.code, "\(label): \(error.message)", hint: error.hint)
            case .none:
                continue
            }
        }
        return packages
    }

    /// A package identity as one string (type, name, version, architecture).
    static func snapshotKey(_ identity: PackageIdentity) -> String {
        "\(identity.type.rawValue)\u{0}\(identity.name)\u{0}\(identity.version)\u{0}\(identity.architecture.map { "+" + $0 } ?? "-")"
    }

    /// The cache record name of the OS packages present after layer `index`: every diffID up to it and
    /// the detected OS (catalogers see it); nil when a layer has no diffID.
    static func snapshotRecordName(_ blobs: [LayerBlob], through index: Int, os: OperatingSystem?) -> String? {
        var chain: [String] = []
        for blob in blobs.prefix(index + 1) {
            guard let diffID = blob.reference.diffID else { return nil }
            chain.append(diffID.description)
        }
        return "os-snapshot;" + chain.joined(separator: ",") + ";os=" + (os.map { String(describing: $0) } ?? "none")
    }

    /// A snapshot record: the identity count, the identities, then the catalogers' warnings.
    static func encodeSnapshotRecord(_ identities: Set<String>, warnings: [String]) -> [String] {
        [String(identities.count)] + identities.sorted() + warnings
    }

    static func decodeSnapshotRecord(_ record: [String]) -> (identities: Set<String>, warnings: [String])? {
        guard let first = record.first, let count = Int(first), count >= 0, count < record.count else { return nil }
        return (Set(record[1..<(count + 1)]), Array(record[(count + 1)...]))
    }

    /// Reads one layer, or takes it from the cache (then its blob is never opened); true when read.
    private func readLayer(
        _ blob: LayerBlob, reader: LayerReader, cache: (LayerCache, LayerAnalysisIdentity)?, label: String
    ) throws(BulwarkError) -> (LayerContents, Bool) {
        if let (cache, identity) = cache, let cached = cache.load(blob.reference, identity: identity) {
            logger.debug("\(label): layer \(blob.reference.index) from the layer cache")
            return (cached, false)
        }
        return (try reader.read(blob, imageLabel: label), true)
    }

    /// Stores verified layers in the cache, in parallel; failing to store is only logged.
    private func store(_ layers: [LayerContents], in cache: LayerCache, identity: LayerAnalysisIdentity, label: String) {
        let logger = self.logger
        DispatchQueue.concurrentPerform(iterations: layers.count) { position in
            do throws(BulwarkError) {
                try cache.store(layers[position], identity: identity)
            } catch {
                logger.warning("\(label): layer \(layers[position].reference.index) not cached: \(error.message)")
            }
        }
    }

    /// The layers in order, and the positions of those read from their blobs (not from the cache).
    private func readLayers(
        _ blobs: [LayerBlob], reader: LayerReader, cache: (LayerCache, LayerAnalysisIdentity)?, label: String, parallelism: Int
    ) async throws(BulwarkError) -> (layers: [LayerContents], freshlyRead: [Int]) {
        do {
            return try await withThrowingTaskGroup(of: (Int, (LayerContents, Bool)).self) { group in
                var results = [LayerContents?](repeating: nil, count: blobs.count)
                var freshlyRead: [Int] = []
                var next = 0
                func launch() {
                    guard next < blobs.count else { return }
                    let blob = blobs[next]
                    let position = next
                    next += 1
                    group.addTask { (position, try readLayer(blob, reader: reader, cache: cache, label: label)) }
                }
                for _ in 0..<min(parallelism, blobs.count) { launch() }
                while let (position, (contents, read)) = try await group.next() {
                    results[position] = contents
                    if read { freshlyRead.append(position) }
                    launch()
                }
                return (results.compactMap { $0 }, freshlyRead.sorted())
            }
        } catch let error as BulwarkError {
            throw error
        } catch {
            throw BulwarkError(.io, "\(label): \(error)")
        }
    }

    /// The part of a tree OS catalogers read: their collected files and the symlinks that lead to them.
    static func collectedOnly(_ tree: MemoryFileTree, interest: PathInterest) -> MemoryFileTree {
        MemoryFileTree(nodes: tree.nodes.filter { ($0.value.contents != nil && interest($0.key)) || $0.value.kind == .symlink })
    }

    static func sorted(_ packages: [Package]) -> [Package] {
        // Sort keys computed once per package, not once per comparison.
        let keys = packages.map { ($0.type.isOSPackage ? "0" : "1") + $0.type.rawValue + "\u{0}" + $0.name + "\u{0}" + $0.version + "\u{0}" + $0.location }
        return packages.indices.sorted { keys[$0] < keys[$1] }.map { packages[$0] }
    }
}
