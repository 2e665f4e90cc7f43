import BulwarkCore
import BulwarkVersion

/// Decides whether a version is inside an OSV affected entry, following the OSV evaluation rules:
/// events are ordered by version; `introduced` opens an interval, `fixed` closes it (exclusive),
/// `last_affected` closes it (inclusive); `introduced: "0"` is the lowest version. GIT ranges name
/// commits, not versions, and are ignored here.
struct RangeEvaluator {
    let comparator: any VersionComparator

    /// The outcome for one affected entry.
    struct Outcome {
        var affected: Bool
        /// Fixed versions of the ranges that contained the version (lowest first).
        var fixedVersions: [String]
        /// The range that matched, in words.
        var description: String
    }

    /// Evaluates `entry` for `version`; throws when the comparator cannot parse a version.
    func evaluate(_ entry: AffectedPackage, version: String) throws(VersionError) -> Outcome {
        var fixed: [String] = []
        var described: [String] = []
        var affected = false
        for listed in entry.versions where try comparator.compare(listed, version) == 0 {
            affected = true
            described.append("listed version \(listed)")
        }
        for range in entry.ranges where range.type != "GIT" {
            if try contains(range, version: version) {
                affected = true
                fixed += try fixedVersions(range, above: version)
                described.append(Self.describe(range))
            }
        }
        let sorted = try sortVersions(Array(Set(fixed)))
        return Outcome(affected: affected, fixedVersions: sorted, description: described.joined(separator: "; "))
    }

    private func contains(_ range: AffectedRange, version: String) throws(VersionError) -> Bool {
        // Sort events by version with "0" lowest; at equal versions, introduced comes first.
        var events: [(version: String?, kind: Int, event: RangeEvent)] = []
        for event in range.events {
            switch event {
            case .introduced(let value): events.append((value == "0" ? nil : value, 0, event))
            case .fixed(let value): events.append((value, 1, event))
            case .lastAffected(let value): events.append((value, 2, event))
            case .limit: continue
            }
        }
        var failure: VersionError?
        events.sort { lhs, rhs in
            switch (lhs.version, rhs.version) {
            case (nil, nil): return lhs.kind < rhs.kind
            case (nil, _): return true
            case (_, nil): return false
            case (let left?, let right?):
                do throws(VersionError) {
                    let order = try comparator.compare(left, right)
                    return order == 0 ? lhs.kind < rhs.kind : order < 0
                } catch {
                    failure = error
                    return false
                }
            }
        }
        if let failure { throw failure }
        var affected = false
        for item in events {
            switch item.event {
            case .introduced:
                if item.version == nil { affected = true } else if let value = item.version, try comparator.compare(version, value) >= 0 { affected = true }
            case .fixed(let value):
                if try comparator.compare(version, value) >= 0 { affected = false }
            case .lastAffected(let value):
                if try comparator.compare(version, value) > 0 { affected = false }
            case .limit:
                break
            }
        }
        return affected
    }

    private func fixedVersions(_ range: AffectedRange, above version: String) throws(VersionError) -> [String] {
        var result: [String] = []
        for value in range.fixedVersions where try comparator.compare(value, version) > 0 { result.append(value) }
        return result
    }

    private func sortVersions(_ versions: [String]) throws(VersionError) -> [String] {
        var failure: VersionError?
        let sorted = versions.sorted { lhs, rhs in
            do throws(VersionError) { return try comparator.compare(lhs, rhs) < 0 } catch {
                failure = error
                return lhs < rhs
            }
        }
        if let failure { throw failure }
        return sorted
    }

    static func describe(_ range: AffectedRange) -> String {
        let parts = range.events.map { event -> String in
            switch event {
            case .introduced(let value): return "introduced \(value)"
            case .fixed(let value): return "fixed \(value)"
            case .lastAffected(let value): return "last affected \(value)"
            case .limit(let value): return "limit \(value)"
            }
        }
        return "\(range.type.lowercased()) range: " + parts.joined(separator: ", ")
    }
}
