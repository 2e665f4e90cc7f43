import BulwarkCore
import Synchronization

/// Receives the merged filesystem of a scan, for checks that need every file's metadata (the image
/// misconfiguration checks: modes, keys, `.git`, caches). Passing one also makes folder scans keep
/// the metadata of files no cataloger asked for.
public final class FileTreeCapture: Sendable {
    private let stored = Mutex<MemoryFileTree?>(nil)

    /// Creates an empty capture.
    public init() {}

    /// Records `tree` (the last scan's wins).
    func store(_ tree: MemoryFileTree) {
        stored.withLock { $0 = tree }
    }

    /// The captured tree, if a scan has stored one.
    public var tree: MemoryFileTree? {
        stored.withLock { $0 }
    }
}
