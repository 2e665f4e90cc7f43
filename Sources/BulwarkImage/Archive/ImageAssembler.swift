import BulwarkCore

/// Turns a verified config plus layer descriptors into a `ResolvedImage`, checking that the
/// layers and the config's diffIDs agree.
public enum ImageAssembler {
    /// One layer descriptor with a way to read its stored bytes.
    public struct LayerInput: Sendable {
        public var digest: Digest?
        public var mediaType: String?
        public var size: Int64?
        public var opener: any BlobOpener

        /// Creates a layer input.
        public init(digest: Digest?, mediaType: String?, size: Int64?, opener: any BlobOpener) {
            self.digest = digest
            self.mediaType = mediaType
            self.size = size
            self.opener = opener
        }
    }

    /// The resolved image; throws when the config's diffIDs and the layers disagree.
    public static func assemble(
        target: ScanTarget, label: String, config: ImageConfiguration, configDigest: Digest, manifestDigest: Digest?,
        repoTags: [String], layers: [LayerInput], annotations: [String: String] = [:]
    ) throws(BulwarkError) -> ResolvedImage {
        let diffIDs = config.rootfs?.diff_ids ?? []
        guard diffIDs.count == layers.count else {
            throw BulwarkError.invalid(label, "image config lists \(diffIDs.count) diff_ids but the manifest has \(layers.count) layers")
        }
        let history = config.layerHistory
        var blobs: [LayerBlob] = []
        for (index, layer) in layers.enumerated() {
            let reference = LayerReference(
                index: index, digest: layer.digest, diffID: diffIDs[index],
                createdBy: index < history.count ? history[index] : nil)
            blobs.append(LayerBlob(reference: reference, mediaType: layer.mediaType, size: layer.size, opener: layer.opener))
        }
        let metadata = ImageMetadata(
            manifestDigest: manifestDigest, configDigest: configDigest, repoTags: repoTags, repoDigests: [],
            os: config.os, architecture: config.architecture, variant: config.variant, created: config.created,
            layers: blobs.map(\.reference), config: config.runtime, history: config.historyEntries, annotations: annotations)
        return ResolvedImage(target: target, metadata: metadata, layers: blobs)
    }

    /// Refuses layer media types that cannot be read.
    public static func checkLayerMediaType(_ type: String?, label: String) throws(BulwarkError) {
        guard let type else { return }
        let readable = [
            "application/vnd.oci.image.layer.v1.tar", "application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.oci.image.layer.v1.tar+zstd", "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.docker.image.rootfs.diff.tar", "application/vnd.oci.image.layer.nondistributable.v1.tar",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
            "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
        ]
        if !readable.contains(type) {
            throw BulwarkError(.unsupported, "\(label): layer media type '\(type.prefix(100))' is not an image layer Bulwark can read")
        }
    }
}
