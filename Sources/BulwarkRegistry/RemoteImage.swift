import BulwarkCore
import BulwarkImage
import Foundation

/// An image in a registry whose manifest and config have been fetched and verified; its layers
/// are downloaded only when asked (``RegistryPuller/download(_:layers:into:progress:)``).
public struct RemoteImage: Sendable {
    /// The reference as the user gave it.
    public var reference: ImageReference
    /// The digest of the chosen image manifest (after platform selection).
    public var manifestDigest: Digest
    /// The manifest.
    public var manifest: ImageManifest
    /// The config's digest.
    public var configDigest: Digest
    /// The verified config.
    public var config: ImageConfiguration

    /// The image for the scanner: layers read from `blobs` (a ``BlobCache``); a layer that was
    /// not downloaded throws if opened, so callers download what they will read first.
    public func resolved(blobs: BlobCache) throws(BulwarkError) -> ResolvedImage {
        var layers: [ImageAssembler.LayerInput] = []
        for descriptor in manifest.layers {
            try ImageAssembler.checkLayerMediaType(descriptor.mediaType, label: reference.familiarName)
            layers.append(.init(
                digest: descriptor.digest, mediaType: descriptor.mediaType, size: descriptor.size,
                opener: CachedBlobOpener(cache: blobs, digest: descriptor.digest, size: descriptor.size, label: reference.familiarName)))
        }
        var image = try ImageAssembler.assemble(
            target: ScanTarget(kind: .registry, name: reference.familiarName), label: reference.familiarName, config: config,
            configDigest: configDigest, manifestDigest: manifestDigest, repoTags: reference.tag == nil ? [] : [reference.familiarName],
            layers: layers, annotations: manifest.annotations ?? [:])
        image.metadata.repoDigests = [reference.registry + "/" + reference.repository + "@" + manifestDigest.description]
        return image
    }
}

/// Opens a layer blob from the blob cache.
struct CachedBlobOpener: BlobOpener {
    let cache: BlobCache
    let digest: Digest
    let size: Int64
    let label: String

    func open() throws(BulwarkError) -> any ByteSource {
        try opener().open()
    }

    func map() -> MappedRegion? {
        try? opener().map()
    }

    private func opener() throws(BulwarkError) -> FileBlobOpener {
        let path = cache.path(for: digest)
        guard FileManager.default.fileExists(atPath: path) else {
            throw BulwarkError(.notFound, "\(label): layer \(digest) was not downloaded")
        }
        let file = try OpenFile(path: path)
        guard file.size == size else {
            throw BulwarkError(.integrity, "\(label): cached blob \(digest) is \(file.size) bytes, its descriptor says \(size)")
        }
        return FileBlobOpener(file: file, offset: 0, length: size)
    }
}
