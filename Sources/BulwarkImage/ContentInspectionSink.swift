import BulwarkCore
import Synchronization

/// Collects content-inspector results from walkers running on several cores.
public final class ContentInspectionSink: Sendable {
    private let state = Mutex(ContentInspectionResult())

    /// Creates an empty sink.
    public init() {}

    /// Adds one file's results.
    public func add(_ findings: [FileContentFinding], skipped: FileSkipReason?) {
        state.withLock { result in
            result.inspectedFiles += 1
            if let skipped { result.skipped[skipped, default: 0] += 1 }
            result.findings += findings
        }
    }

    /// Everything collected so far.
    public var result: ContentInspectionResult { state.withLock { $0 } }
}
