import BulwarkCore
import BulwarkImage
import BulwarkRegistry
import Logging

extension InventoryScanner {
    /// Pulls and scans `reference`: manifest and config first, then only the layers the scan will
    /// read (layers the layer cache already holds are never downloaded), into the shared blob cache.
    public func scanRegistryImage(
        _ reference: ImageReference, puller: RegistryPuller, blobs: BlobCache, options: InventoryScanOptions,
        progress: (@Sendable (Int64, Int64) -> Void)? = nil
    ) async throws(BulwarkError) -> Inventory {
        let remote = try await puller.resolve(reference, platform: options.selection.platform)
        let image = try remote.resolved(blobs: blobs)
        let cached = cachedLayerIndices(of: image, options: options)
        let needed = image.layers.indices.filter { !cached.contains($0) }
        logger.debug("\(reference.familiarName): \(image.layers.count) layers, \(cached.count) from the layer cache, \(needed.count) to read")
        try await puller.download(remote, layers: needed, into: blobs, progress: progress)
        do {
            return try await scan(image, options: options)
        } catch where error.code == .notFound && !cached.isEmpty {
            // A cache entry judged present by its header turned out damaged, so the scan needed a
            // blob it had not downloaded: fetch the rest and scan again (the damaged entry is gone).
            logger.debug("\(reference.familiarName): \(error.message); downloading the remaining layers")
            try await puller.download(remote, layers: Array(cached), into: blobs, progress: progress)
            return try await scan(image, options: options)
        }
    }
}
