import BulwarkCore
import BulwarkReport
import BulwarkVersion

/// Turns findings into upgrades: for every vulnerable package the lowest version that fixes all of its
/// fixable findings, compared by the package's own version scheme.
///
/// Debian and Alpine advisories name source packages, so their binaries are grouped by source package and
/// source version (one `apt-get upgrade` of the source's binaries clears them). Every critical or high
/// finding belongs to exactly one group, so the upgrades that clear at least one of them — marked
/// `essential` — are the smallest set that clears every fixable critical and high finding.
public struct UpgradePlanner: Sendable {
    /// How many layers belong to the base image; nil when unknown.
    public var baseLayerCount: Int?

    /// Creates a planner.
    public init(baseLayerCount: Int? = nil) { self.baseLayerCount = baseLayerCount }

    /// The upgrades and the packages without fixes, for `findings`.
    public func plan(_ findings: [Finding]) -> (upgrades: [RecommendationReport.PackageUpgrade], unfixable: [RecommendationReport.UnfixedPackage]) {
        var groups: [String: [Finding]] = [:]
        var order: [String] = []
        for finding in findings {
            let key = Self.groupKey(finding)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(finding)
        }
        var upgrades: [RecommendationReport.PackageUpgrade] = []
        var unfixable: [RecommendationReport.UnfixedPackage] = []
        for key in order {
            guard let group = groups[key], let first = group.first else { continue }
            let comparator = Self.comparator(for: first)
            let installed = first.evidence.first?.comparedVersion ?? first.installedVersion
            var target: String?
            var cleared: [Finding] = []
            var open: [Finding] = []
            for finding in group {
                guard let fix = Self.lowestFix(finding, installed: installed, comparator: comparator) else {
                    open.append(finding)
                    continue
                }
                cleared.append(finding)
                if let current = target {
                    if Self.compare(fix, current, comparator) > 0 { target = fix }
                } else {
                    target = fix
                }
            }
            let layer = group.compactMap { $0.package.layer?.index }.min()
            let origin = origin(of: layer)
            let packages = Array(Set(group.map(\.package.name))).sorted()
            if let target {
                // One advisory over several binaries of a source package is one finding to clear.
                var seenIDs = Set<String>()
                let ordered = cleared.sorted { ($0.severity, $1.id) > ($1.severity, $0.id) }.filter { seenIDs.insert($0.id).inserted }
                var counts: [String: Int] = [:]
                for finding in ordered { counts[finding.severity.rawValue, default: 0] += 1 }
                upgrades.append(RecommendationReport.PackageUpgrade(
                    type: first.package.type.rawValue, name: Self.displayName(first), packages: packages, installedVersion: installed,
                    targetVersion: target, clears: Self.unique(ordered.map(\.id)), bySeverity: counts,
                    remaining: Self.unique(open.map(\.id)), origin: origin, layer: layer,
                    essential: ordered.contains { $0.severity >= .high }))
            } else {
                unfixable.append(RecommendationReport.UnfixedPackage(
                    type: first.package.type.rawValue, name: Self.displayName(first), version: installed,
                    findings: Self.unique(open.sorted { ($0.severity, $1.id) > ($1.severity, $0.id) }.map(\.id)), origin: origin))
            }
        }
        upgrades.sort { lhs, rhs in
            if lhs.essential != rhs.essential { return lhs.essential }
            let left = (lhs.bySeverity["critical"] ?? 0, lhs.bySeverity["high"] ?? 0, lhs.clears.count)
            let right = (rhs.bySeverity["critical"] ?? 0, rhs.bySeverity["high"] ?? 0, rhs.clears.count)
            if left != right { return left > right }
            return (lhs.type, lhs.name) < (rhs.type, rhs.name)
        }
        unfixable.sort { ($0.findings.count, $1.name) > ($1.findings.count, $0.name) }
        return (upgrades, unfixable)
    }

    /// `base`, `own` or `unknown` for a package added in `layer`.
    func origin(of layer: Int?) -> String {
        guard let baseLayerCount, let layer else { return "unknown" }
        return layer < baseLayerCount ? "base" : "own"
    }

    /// Findings of one upgrade share a key: the source package and version for Debian and Alpine, else the package.
    static func groupKey(_ finding: Finding) -> String {
        let package = finding.package
        let compared = finding.evidence.first?.comparedVersion ?? finding.installedVersion
        switch package.type {
        case .deb, .apk:
            return "\(package.type.rawValue)\u{0}\(package.sourceName ?? package.name)\u{0}\(compared)"
        default:
            return "\(package.type.rawValue)\u{0}\(package.name)\u{0}\(package.version)\u{0}\(package.location)"
        }
    }

    static func displayName(_ finding: Finding) -> String {
        switch finding.package.type {
        case .deb, .apk: return finding.package.sourceName ?? finding.package.name
        default: return finding.package.name
        }
    }

    /// The comparator of the scheme the match used (falling back to the package type's).
    static func comparator(for finding: Finding) -> (any VersionComparator)? {
        if let scheme = finding.evidence.first.flatMap({ VersionScheme(rawValue: $0.scheme) }) { return scheme.comparator }
        if let key = finding.evidence.first?.ecosystem, let scheme = VersionSchemes.scheme(forEcosystem: key) { return scheme.comparator }
        return nil
    }

    /// The lowest listed fixed version above `installed`.
    static func lowestFix(_ finding: Finding, installed: String, comparator: (any VersionComparator)?) -> String? {
        let candidates = finding.fixedVersions.filter { compare($0, installed, comparator) > 0 }
        return candidates.min { compare($0, $1, comparator) < 0 }
    }

    /// Orders two versions; unparsable versions fall back to plain string order.
    static func compare(_ lhs: String, _ rhs: String, _ comparator: (any VersionComparator)?) -> Int {
        if let comparator, let result = try? comparator.compare(lhs, rhs) { return result }
        return lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
