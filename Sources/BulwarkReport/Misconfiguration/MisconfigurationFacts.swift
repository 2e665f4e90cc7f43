import BulwarkConfig
import BulwarkCore

/// Facts about a misconfiguration report every writer shows the same way.
enum MisconfigurationFacts {
    /// One scanned file with its findings (in line order).
    struct FileGroup {
        /// The file's path as reported.
        let path: String
        /// Its kind's display name (`Dockerfile`, `Compose`, …), or `unknown` when the report does not say.
        let kind: String
        /// Its findings, by line then rule id.
        let findings: [ConfigFinding]
    }

    /// Findings in file order: by file, line, rule id, then message (the scanner's order, made total).
    static func byLocation(_ findings: [ConfigFinding]) -> [ConfigFinding] {
        findings.sorted { lhs, rhs in
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.line != rhs.line { return lhs.line < rhs.line }
            if lhs.rule.id != rhs.rule.id { return lhs.rule.id < rhs.rule.id }
            return lhs.message < rhs.message
        }
    }

    /// Findings most severe first, then in file order.
    static func bySeverity(_ findings: [ConfigFinding]) -> [ConfigFinding] {
        byLocation(findings).enumerated().sorted { lhs, rhs in
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity > rhs.element.severity }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// How many findings there are of each severity.
    static func counts(_ findings: [ConfigFinding]) -> [Severity: Int] {
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        return counts
    }

    /// The severities to show in summaries: the four rules use, plus any other that occurs.
    static func summarySeverities(_ counts: [Severity: Int]) -> [Severity] {
        ReportFacts.severityOrder.filter { [.critical, .high, .medium, .low].contains($0) || (counts[$0] ?? 0) > 0 }
    }

    /// Every file of the report (scanned, or named by a finding) with its findings, in path order.
    static func files(_ report: ConfigReport) -> [FileGroup] {
        var kinds: [String: String] = [:]
        for file in report.files where kinds[file.path] == nil { kinds[file.path] = file.kind.displayName }
        var grouped: [String: [ConfigFinding]] = [:]
        for finding in byLocation(report.findings) { grouped[finding.file, default: []].append(finding) }
        let paths = Set(kinds.keys).union(grouped.keys).sorted()
        return paths.map { path in
            FileGroup(path: path, kind: kinds[path] ?? grouped[path]?.first?.rule.kind.displayName ?? "unknown", findings: grouped[path] ?? [])
        }
    }

    /// Per file kind (display name): how many files and findings, in the order of ``ConfigFileKind/allCases``.
    static func kinds(_ files: [FileGroup]) -> [(kind: String, files: Int, findings: [ConfigFinding])] {
        let order = ConfigFileKind.allCases.map(\.displayName)
        let names = Set(files.map(\.kind)).sorted { lhs, rhs in
            (order.firstIndex(of: lhs) ?? order.count, lhs) < (order.firstIndex(of: rhs) ?? order.count, rhs)
        }
        return names.map { name in
            let matching = files.filter { $0.kind == name }
            return (name, matching.count, matching.flatMap(\.findings))
        }
    }

    /// `12-14` or `12`.
    static func lines(_ finding: ConfigFinding) -> String {
        finding.endLine > finding.line ? "\(finding.line)-\(finding.endLine)" : String(finding.line)
    }

    /// The report's warnings split by the file they name (`"<path>:<line>: …"` or `"<path>: …"`, `path` one of
    /// `paths`), and the rest. Looks a warning up once per colon, not once per file.
    static func warnings(_ warnings: [String], paths: Set<String>) -> (byFile: [String: [String]], unclaimed: [String]) {
        var byFile: [String: [String]] = [:]
        var unclaimed: [String] = []
        for warning in warnings {
            var owner: String?
            var index = warning.startIndex
            while let colon = warning[index...].firstIndex(of: ":") {
                let candidate = String(warning[..<colon])
                if paths.contains(candidate) { owner = candidate }
                index = warning.index(after: colon)
            }
            if let owner { byFile[owner, default: []].append(warning) } else { unclaimed.append(warning) }
        }
        return (byFile, unclaimed)
    }

    /// `3 findings`, `1 finding`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
