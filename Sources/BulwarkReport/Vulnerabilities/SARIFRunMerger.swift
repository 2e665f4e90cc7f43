import BulwarkCore
import Foundation

/// Joins SARIF logs into one log with all their runs (vulnerabilities and misconfigurations of one scan).
enum SARIFRunMerger {
    /// One SARIF log holding the runs of `first` then those of `second`.
    static func merge(_ first: [UInt8], _ second: [UInt8]) throws(BulwarkError) -> [UInt8] {
        do {
            guard var log = try JSONSerialization.jsonObject(with: Data(first)) as? [String: Any],
                let other = try JSONSerialization.jsonObject(with: Data(second)) as? [String: Any]
            else { throw BulwarkError(.io, "SARIF logs to merge are not JSON objects") }
            let runs = (log["runs"] as? [Any] ?? []) + (other["runs"] as? [Any] ?? [])
            log["runs"] = runs
            var data = try JSONSerialization.data(withJSONObject: log, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            data.append(0x0A)
            return Array(data)
        } catch let error as BulwarkError {
            throw error
        } catch {
            throw BulwarkError(.io, "cannot merge SARIF runs: \(error)")
        }
    }
}
