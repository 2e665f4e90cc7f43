/// Where in an image something came from: one layer, by position, digest and diffID.
public struct LayerReference: Hashable, Sendable, Codable {
    /// Zero-based position of the layer in the image (0 = base).
    public var index: Int
    /// The digest of the layer blob as stored (compressed), when known.
    public var digest: Digest?
    /// The digest of the uncompressed layer tar (the config's `rootfs.diff_ids` entry).
    public var diffID: Digest?
    /// The history entry's `created_by` that produced this layer, when recorded.
    public var createdBy: String?

    /// Creates a layer reference.
    public init(index: Int, digest: Digest? = nil, diffID: Digest? = nil, createdBy: String? = nil) {
        self.index = index
        self.digest = digest
        self.diffID = diffID
        self.createdBy = createdBy
    }
}
