import BulwarkCore
import BulwarkReport
import BulwarkVersion

/// Computes a ``ComparisonReport`` from what is known of two inputs: their packages (images and
/// SBOMs) and their findings (scanned images, SBOMs matched against the database, saved reports).
public enum ScanComparator {
    /// One side of a comparison.
    public struct Input: Sendable {
        public var name: String
        public var kind: String
        /// Every package, when the input lists them (nil for a saved report).
        public var packages: [Package]?
        /// The findings, when the input was scanned for vulnerabilities.
        public var findings: [Finding]?

        /// Creates an input.
        public init(name: String, kind: String, packages: [Package]?, findings: [Finding]?) {
            self.name = name
            self.kind = kind
            self.packages = packages
            self.findings = findings
        }
    }

    /// The comparison of `base` (before) with `target` (after).
    public static func compare(base: Input, target: Input, toolVersion: String, createdAt: String) -> ComparisonReport {
        var notes: [String] = []
        var packageChanges = ComparisonReport.PackageChanges()
        if let before = base.packages, let after = target.packages {
            packageChanges = comparePackages(before, after)
        } else {
            let which = [base, target].filter { $0.packages == nil }.map(\.name).joined(separator: " and ")
            notes.append("\(which) lists no packages (a saved scan report): package changes are not compared")
        }
        var vulnerabilityChanges = ComparisonReport.VulnerabilityChanges()
        if let before = base.findings, let after = target.findings {
            vulnerabilityChanges = compareFindings(before, after)
        } else {
            let which = [base, target].filter { $0.findings == nil }.map(\.name).joined(separator: " and ")
            notes.append("\(which) was not scanned for vulnerabilities (no database): vulnerability changes are not compared")
        }
        return ComparisonReport(
            toolVersion: toolVersion, createdAt: createdAt,
            base: .init(name: base.name, kind: base.kind, packageCount: base.packages?.count, findingCount: base.findings?.count),
            target: .init(name: target.name, kind: target.kind, packageCount: target.packages?.count, findingCount: target.findings?.count),
            packages: packageChanges, vulnerabilities: vulnerabilityChanges, notes: notes)
    }

    /// Packages keyed by type, name and architecture. When a key holds several versions (the same
    /// library vendored twice), versions present on both sides are unchanged and the rest pair up in order.
    static func comparePackages(_ before: [Package], _ after: [Package]) -> ComparisonReport.PackageChanges {
        func key(_ package: Package) -> String { "\(package.type.rawValue)\u{0}\(package.name)\u{0}\(package.architecture ?? "")" }
        let old = Dictionary(grouping: before, by: key)
        let new = Dictionary(grouping: after, by: key)
        var changes = ComparisonReport.PackageChanges()
        func entry(_ package: Package) -> ComparisonReport.PackageEntry {
            .init(type: package.type, name: package.name, version: package.version, purl: package.purl.description)
        }
        for name in Set(old.keys).union(new.keys).sorted() {
            var was = (old[name] ?? []).map(\.version)
            var now = (new[name] ?? []).map(\.version)
            for version in Set(was).intersection(now) {
                while let i = was.firstIndex(of: version), let j = now.firstIndex(of: version) {
                    was.remove(at: i)
                    now.remove(at: j)
                    changes.unchangedCount += 1
                }
            }
            let template = (new[name] ?? old[name] ?? []).first
            guard let template else { continue }
            let pairs = min(was.count, now.count)
            for index in 0..<pairs {
                let change = ComparisonReport.VersionChange(type: template.type, name: template.name, from: was[index], to: now[index])
                switch order(was[index], now[index], type: template.type) {
                case .some(let result) where result < 0: changes.upgraded.append(change)
                case .some(let result) where result > 0: changes.downgraded.append(change)
                default: changes.changed.append(change)
                }
            }
            for version in was.dropFirst(pairs) {
                if let package = old[name]?.first(where: { $0.version == version }) { changes.removed.append(entry(package)) }
            }
            for version in now.dropFirst(pairs) {
                if let package = new[name]?.first(where: { $0.version == version }) { changes.added.append(entry(package)) }
            }
        }
        return changes
    }

    /// -1 when `from` < `to` in the package type's version ordering, 1 when greater, nil when unknown.
    static func order(_ from: String, _ to: String, type: PackageType) -> Int? {
        let scheme: VersionScheme?
        switch type {
        case .deb: scheme = .dpkg
        case .apk: scheme = .apk
        case .rpm: scheme = .rpm
        case .pypi: scheme = .pep440
        case .npm: scheme = .npm
        case .golang: scheme = .go
        case .maven: scheme = .maven
        case .gem: scheme = .rubygems
        case .cargo, .pub, .swift: scheme = .cargo
        case .composer: scheme = .composer
        case .nuget: scheme = .nuget
        case .cocoapods: scheme = nil
        }
        guard let scheme, let result = try? scheme.comparator.compare(from, to), result != 0 else { return nil }
        return result < 0 ? -1 : 1
    }

    /// Findings keyed by advisory id and package name (a version bump that keeps a CVE open is unchanged).
    static func compareFindings(_ before: [Finding], _ after: [Finding]) -> ComparisonReport.VulnerabilityChanges {
        func key(_ finding: Finding) -> String { finding.id + "\u{0}" + finding.package.type.rawValue + "\u{0}" + finding.package.name }
        let old = Set(before.map(key))
        let new = Set(after.map(key))
        var changes = ComparisonReport.VulnerabilityChanges()
        var seen: Set<String> = []
        for finding in after where seen.insert("a" + key(finding)).inserted {
            if old.contains(key(finding)) { changes.unchanged.append(.init(finding)) } else { changes.introduced.append(.init(finding)) }
        }
        for finding in before where !new.contains(key(finding)) && seen.insert("b" + key(finding)).inserted {
            changes.fixed.append(.init(finding))
        }
        func ordered(_ entries: [ComparisonReport.FindingEntry]) -> [ComparisonReport.FindingEntry] {
            entries.sorted { ($0.severity, $1.id, $1.package) > ($1.severity, $0.id, $0.package) }
        }
        changes.introduced = ordered(changes.introduced)
        changes.fixed = ordered(changes.fixed)
        changes.unchanged = ordered(changes.unchanged)
        return changes
    }
}
