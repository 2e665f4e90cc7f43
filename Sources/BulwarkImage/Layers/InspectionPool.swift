import BulwarkCore
import Dispatch
import Synchronization

/// Runs a content inspector on files handed over by a layer walk, on other cores, so the walk does not
/// wait for the scanning. At most `maxInFlight` files wait at once (bounded memory).
final class InspectionPool: Sendable {
    private let inspector: any FileContentInspector
    private let layerIndex: Int
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let queue = DispatchQueue(label: "bulwark.inspection", qos: .userInitiated, attributes: .concurrent)
    private let results = Mutex(ContentInspectionResult())

    init(inspector: any FileContentInspector, layerIndex: Int, maxInFlight: Int = 64) {
        self.inspector = inspector
        self.layerIndex = layerIndex
        self.slots = DispatchSemaphore(value: maxInFlight)
    }

    /// Counts a file skipped before it was read (binary by its first bytes).
    func skipped(_ reason: FileSkipReason) {
        results.withLock { result in
            result.inspectedFiles += 1
            result.skipped[reason, default: 0] += 1
        }
    }

    /// Inspects `bytes` of `path` in the background.
    func submit(path: String, bytes: [UInt8]) {
        slots.wait()
        group.enter()
        queue.async { [self] in
            let outcome = inspector.inspect(path: path, bytes: bytes)
            results.withLock { result in
                result.inspectedFiles += 1
                if let skipped = outcome.skipped { result.skipped[skipped, default: 0] += 1 }
                for var finding in outcome.findings {
                    finding.layerIndex = layerIndex
                    result.findings.append(finding)
                }
            }
            slots.signal()
            group.leave()
        }
    }

    /// Waits for every submitted file and returns the results.
    func finish() -> ContentInspectionResult {
        group.wait()
        return results.withLock { $0 }
    }
}
