import BulwarkCore
import Synchronization

/// Receives the merged filesystem of a scan, for checks that need every file's metadata (the image
/// misconfiguration checks: modes, keys, `.git`, caches). Passing one also makes folder scans keep
/// the metadata of files no cataloger asked for.
public final class FileTreeCapture: Sendable {
    private let stored = Mutex<MemoryFileTree?>(nil)
    private let inspection = Mutex<ContentInspectionResult>(ContentInspectionResult())

    /// Whether folder scans should keep every file's metadata (misconfiguration checks) or only what
    /// catalogers need (a capture for inspector results only).
    public let wantsFullTree: Bool

    /// Creates an empty capture.
    public init(wantsFullTree: Bool = true) { self.wantsFullTree = wantsFullTree }

    /// Records `tree` (the last scan's wins).
    func store(_ tree: MemoryFileTree) {
        stored.withLock { $0 = tree }
    }

    func store(_ result: ContentInspectionResult) {
        inspection.withLock { $0 = result }
    }

    /// What the content inspector found (empty without one).
    public var contentInspection: ContentInspectionResult {
        inspection.withLock { $0 }
    }

    /// The captured tree, if a scan has stored one.
    public var tree: MemoryFileTree? {
        stored.withLock { $0 }
    }
}

