import BulwarkCore

/// Opens a fresh stream over one blob's stored bytes. Each call returns an independent stream,
/// so layers can be read in parallel.
public protocol BlobOpener: Sendable {
    /// Opens the blob for reading from its first byte.
    func open() throws(BulwarkError) -> any ByteSource
    /// Maps the blob into memory when it lives in a local file; nil otherwise.
    func map() -> MappedRegion?
}

extension BlobOpener {
    public func map() -> MappedRegion? { nil }
}

/// One layer of a resolved image: what it is and how to read it.
public struct LayerBlob: Sendable {
    /// Position, digest, diffID and history of the layer.
    public var reference: LayerReference
    /// The media type from the manifest, when there is one.
    public var mediaType: String?
    /// The stored (compressed) size the descriptor declares, verified while streaming.
    public var size: Int64?
    /// How to read the stored bytes.
    public var opener: any BlobOpener

    /// Creates a layer blob.
    public init(reference: LayerReference, mediaType: String? = nil, size: Int64? = nil, opener: any BlobOpener) {
        self.reference = reference
        self.mediaType = mediaType
        self.size = size
        self.opener = opener
    }
}

/// An image whose manifest and config have been read and checked, ready for layer analysis.
public struct ResolvedImage: Sendable {
    /// What was scanned.
    public var target: ScanTarget
    /// Digests, tags, platform, runtime config and layers.
    public var metadata: ImageMetadata
    /// The layers, base first.
    public var layers: [LayerBlob]

    /// Creates a resolved image.
    public init(target: ScanTarget, metadata: ImageMetadata, layers: [LayerBlob]) {
        self.target = target
        self.metadata = metadata
        self.layers = layers
    }
}

/// Which image to pick from a source that holds several.
public struct ImageSelection: Sendable {
    /// A tag or ref name (`app`, `harness/app:1`), matched against RepoTags or ref-name annotations.
    public var tag: String?
    /// The wanted platform; nil means the host's (linux/amd64 on x86-64).
    public var platform: Platform?

    /// Creates a selection.
    public init(tag: String? = nil, platform: Platform? = nil) {
        self.tag = tag
        self.platform = platform
    }
}

/// Anything that yields an image: a docker-save tarball, an OCI layout, later a registry or engine.
///
/// Sources know nothing about catalogers; they only hand over metadata and layer streams.
public protocol ImageSource: Sendable {
    /// Reads manifests and config, checks digests, and selects one image.
    func resolve(_ selection: ImageSelection) throws(BulwarkError) -> ResolvedImage
}

/// A blob stored in a file, possibly as a slice of a larger tar.
public struct FileBlobOpener: BlobOpener {
    let file: OpenFile
    let offset: Int64
    let length: Int64

    /// Reads `length` bytes of `file` from `offset`.
    public init(file: OpenFile, offset: Int64, length: Int64) {
        self.file = file
        self.offset = offset
        self.length = length
    }

    public func open() throws(BulwarkError) -> any ByteSource {
        FileSliceSource(file: file, offset: offset, length: length)
    }

    public func map() -> MappedRegion? {
        MappedRegion(file: file, offset: offset, length: length)
    }
}
