import BulwarkCore
import Synchronization

/// Receives the merged filesystem of a scan, for checks that need every file's metadata (the image
/// misconfiguration checks: modes, keys, `.git`, caches). Passing one also makes folder scans keep
/// the metadata of files no cataloger asked for.
public final class FileTreeCapture: Sendable {
    private let stored = Mutex<MemoryFileTree?>(nil)
    private let inspection = Mutex<ContentInspectionResult>(ContentInspectionResult())

    /// Creates an empty capture.
    public init() {}

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

/// The content inspector's results over all layers: findings (each marked present in the final
/// filesystem or not), how many files were read and skipped.
public struct ContentInspectionResult: Sendable {
    public var findings: [FileContentFinding] = []
    public var inspectedFiles = 0
    public var skipped: [FileSkipReason: Int] = [:]

    /// Creates an empty result.
    public init() {}
}
