import BulwarkCore
import Foundation

/// Facts about findings every report format shows the same way.
enum ReportFacts {
    /// Severities, most severe first.
    static let severityOrder: [Severity] = [.critical, .high, .medium, .low, .negligible, .unknown]

    /// Findings sorted most severe first, then by package, version and id: a stable order for every writer.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.package.name != rhs.package.name { return lhs.package.name < rhs.package.name }
            if lhs.installedVersion != rhs.installedVersion { return lhs.installedVersion < rhs.installedVersion }
            if lhs.id != rhs.id { return lhs.id < rhs.id }
            return lhs.package.location < rhs.package.location
        }
    }

    /// How many findings there are of each severity.
    static func counts(_ findings: [Finding]) -> [Severity: Int] {
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        return counts
    }

    /// The highest CVSS base score of the finding, if any vector was scored.
    static func highestScore(_ finding: Finding) -> Double? {
        finding.cvss.map(\.baseScore).filter(\.isFinite).max()
    }

    /// `fixed in 1.2.3, 1.3.0`, or the state in words (`affected`, `will not fix`).
    static func fixText(_ finding: Finding) -> String {
        if !finding.fixedVersions.isEmpty { return finding.fixedVersions.joined(separator: ", ") }
        return finding.state.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// The image or target name people know: the first tag, else the target as given.
    static func imageName(_ report: ScanReport) -> String {
        report.image?.repoTags.first ?? report.target.name
    }

    /// `debian 12`, or nil when no OS was detected.
    static func operatingSystem(_ report: ScanReport) -> String? {
        report.operatingSystem.map { "\($0.family) \($0.version)" }
    }

    /// A one-line summary: the title, else the description's first line, else the id.
    static func headline(_ finding: Finding) -> String {
        if let title = finding.title, !title.isEmpty { return title }
        if let description = finding.description, let first = description.split(separator: "\n").first { return String(first) }
        return finding.id
    }

    /// Unique packages with findings, in first-seen order of `findings`, with their findings.
    static func byPackage(_ findings: [Finding]) -> [(package: Package, findings: [Finding])] {
        var order: [String] = []
        var groups: [String: (Package, [Finding])] = [:]
        for finding in findings {
            let key = packageKey(finding.package)
            if groups[key] == nil {
                order.append(key)
                groups[key] = (finding.package, [])
            }
            groups[key]?.1.append(finding)
        }
        return order.compactMap { key in groups[key].map { (package: $0.0, findings: $0.1) } }
    }

    /// A key identifying one installed package.
    static func packageKey(_ package: Package) -> String {
        [package.type.rawValue, package.name, package.version, package.architecture ?? "", package.location].joined(separator: "\u{1F}")
    }
}
