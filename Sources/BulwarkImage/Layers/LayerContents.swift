import BulwarkCore

/// What one layer changes in the filesystem, in archive order.
public struct LayerContents: Sendable {
    /// One change a layer makes.
    public enum Change: Sendable {
        /// Adds or replaces the entry at the path.
        case put(FileNode)
        /// `.wh.NAME`: deletes the path (and anything below it) from lower layers.
        case whiteout
        /// `.wh..wh..opq`: hides everything lower layers put inside the directory.
        case opaque
    }

    /// Which layer this is.
    public var reference: LayerReference
    /// Changes in archive order, each with its absolute normalized path.
    public var changes: [(path: String, change: Change)]
    /// Regular files in the layer.
    public var fileCount: Int
    /// Uncompressed size of the layer tar.
    public var uncompressedSize: Int64
    /// Whether any collected (interesting) file is in this layer.
    public var touchesCollectedFiles: Bool
    /// Problems met while analyzing files of this layer (each names the file).
    public var warnings: [String] = []
    /// What the content inspector found in this layer's files (paths of this layer; `layerIndex` set).
    public var contentFindings: [FileContentFinding] = []
    /// Files the content inspector skipped, by reason.
    public var inspectionSkips: [FileSkipReason: Int] = [:]
    /// Files the content inspector read.
    public var inspectedFiles = 0
    /// A digest check still running in the background; call ``verify()`` before trusting results.
    public var pendingCheck: PendingDigestCheck?

    /// Waits for any background digest check and throws when it failed.
    public func verify() throws(BulwarkError) {
        try pendingCheck?.verify()
    }

    /// Creates layer contents.
    public init(reference: LayerReference, changes: [(path: String, change: Change)] = [], fileCount: Int = 0, uncompressedSize: Int64 = 0, touchesCollectedFiles: Bool = false) {
        self.reference = reference
        self.changes = changes
        self.fileCount = fileCount
        self.uncompressedSize = uncompressedSize
        self.touchesCollectedFiles = touchesCollectedFiles
    }
}
