import BulwarkCatalog
import BulwarkCore
import BulwarkImage
import Foundation
import Logging

/// Options that shape one inventory scan.
public struct InventoryScanOptions: Sendable {
    /// Which image to pick from a multi-image or multi-platform source.
    public var selection: ImageSelection
    /// Where a compressed archive may be decompressed (the only place Bulwark writes).
    public var scratchDirectory: String
    /// How many layers are read at once.
    public var parallelLayers: Int

    /// Creates options; parallelism defaults to the number of active cores.
    public init(selection: ImageSelection = ImageSelection(), scratchDirectory: String = NSTemporaryDirectory(), parallelLayers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.selection = selection
        self.scratchDirectory = scratchDirectory
        self.parallelLayers = max(1, parallelLayers)
    }
}

/// Composes a scan from source to inventory: open the image, read layers in parallel keeping only
/// the bytes catalogers asked for, apply the layers, detect the OS, run the catalogers, and attribute
/// each package to the layer that introduced it.
public struct InventoryScanner: Sendable {
    /// The catalogers that run.
    public var catalogers: [any Cataloger]
    /// The OS detector.
    public var detector = OSDetector()
    /// Where progress and diagnostics go.
    public var logger: Logger

    /// Creates a scanner with the default catalogers.
    public init(catalogers: [any Cataloger] = CatalogerRegistry.osPackageCatalogers, logger: Logger = Logger(label: "bulwark")) {
        self.catalogers = catalogers
        self.logger = logger
    }

    /// The union of the paths the detector and catalogers need.
    var interest: PathInterest {
        let catalogers = self.catalogers
        let detector = self.detector
        return { path in detector.isInterested(in: path) || catalogers.contains { $0.isInterested(in: path) } }
    }

    /// Scans an image archive or layout at `path`.
    public func scanImage(at path: String, options: InventoryScanOptions) async throws(BulwarkError) -> Inventory {
        let source = try ImageOpener.open(path: path, scratchDirectory: options.scratchDirectory)
        let image = try source.resolve(options.selection)
        return try await scan(image, options: options)
    }

    /// Scans an already resolved image.
    public func scan(_ image: ResolvedImage, options: InventoryScanOptions) async throws(BulwarkError) -> Inventory {
        let reader = LayerReader(interest: interest)
        let label = image.target.name
        logger.debug("reading \(image.layers.count) layers of \(label) with \(options.parallelLayers) workers")
        let layers = try await readLayers(image.layers, reader: reader, label: label, parallelism: options.parallelLayers)

        var tree = MemoryFileTree()
        var snapshots: [(layer: Int, tree: MemoryFileTree)] = []
        for (index, layer) in layers.enumerated() {
            LayerApplier.apply(layer, to: &tree)
            if layer.touchesCollectedFiles && index < layers.count - 1 {
                snapshots.append((index, Self.collectedOnly(tree)))
            }
        }
        let os = detector.detect(tree)
        let context = CatalogContext(operatingSystem: os)
        var warnings: [String] = []
        // Which layer each package identity has been continuously present since.
        var since: [PackageIdentity: Int] = [:]
        for snapshot in snapshots {
            let identities = Set(try catalogAll(snapshot.tree, context: context, label: label, warnings: &warnings).map(\.identity))
            since = since.filter { identities.contains($0.key) }
            for identity in identities where since[identity] == nil { since[identity] = snapshot.layer }
        }
        var packages = try catalogAll(tree, context: context, label: label, warnings: &warnings)
        let references = image.metadata.layers
        for index in packages.indices {
            let identity = packages[index].identity
            let layerIndex = since[identity] ?? max(0, layers.count - 1)
            if layerIndex < references.count { packages[index].layer = references[layerIndex] }
        }
        // Nothing is reported before every layer's digest has been checked.
        for layer in layers { try layer.verify() }
        return Inventory(target: image.target, image: image.metadata, operatingSystem: os, packages: Self.sorted(packages), warnings: warnings)
    }

    /// Scans an unpacked root filesystem directory.
    public func scanRootfs(at path: String) throws(BulwarkError) -> Inventory {
        let tree = try RootfsReader(interest: interest).read(root: path)
        let os = detector.detect(tree)
        var warnings: [String] = []
        let packages = try catalogAll(tree, context: CatalogContext(operatingSystem: os), label: path, warnings: &warnings)
        return Inventory(target: ScanTarget(kind: .rootfs, name: path), operatingSystem: os, packages: Self.sorted(packages), warnings: warnings)
    }

    private func catalogAll(_ tree: any FileTree, context: CatalogContext, label: String, warnings: inout [String]) throws(BulwarkError) -> [Package] {
        var packages: [Package] = []
        for cataloger in catalogers {
            let result: CatalogResult
            do {
                result = try cataloger.catalog(tree, context: context)
            } catch {
                // Name the image as well as the file inside it.
                throw BulwarkError(error.code, "\(label): \(error.message)", hint: error.hint)
            }
            packages += result.packages
            warnings += result.warnings
        }
        return packages
    }

    private func readLayers(_ blobs: [LayerBlob], reader: LayerReader, label: String, parallelism: Int) async throws(BulwarkError) -> [LayerContents] {
        do {
            return try await withThrowingTaskGroup(of: (Int, LayerContents).self) { group in
                var results = [LayerContents?](repeating: nil, count: blobs.count)
                var next = 0
                func launch() {
                    guard next < blobs.count else { return }
                    let blob = blobs[next]
                    let position = next
                    next += 1
                    group.addTask { (position, try reader.read(blob, imageLabel: label)) }
                }
                for _ in 0..<min(parallelism, blobs.count) { launch() }
                while let (position, contents) = try await group.next() {
                    results[position] = contents
                    launch()
                }
                return results.compactMap { $0 }
            }
        } catch let error as BulwarkError {
            throw error
        } catch {
            throw BulwarkError(.io, "\(label): \(error)")
        }
    }

    /// The part of a tree catalogers read: collected files and the symlinks that lead to them.
    static func collectedOnly(_ tree: MemoryFileTree) -> MemoryFileTree {
        MemoryFileTree(nodes: tree.nodes.filter { $0.value.contents != nil || $0.value.kind == .symlink })
    }

    static func sorted(_ packages: [Package]) -> [Package] {
        packages.sorted {
            ($0.type, $0.name, $0.version, $0.architecture ?? "", $0.location) < ($1.type, $1.name, $1.version, $1.architecture ?? "", $1.location)
        }
    }
}
