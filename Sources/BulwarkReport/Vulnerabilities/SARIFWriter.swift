import BulwarkCore
import Foundation

/// Writes SARIF 2.1.0 for GitHub code scanning.
///
/// One rule per advisory (help text, GitHub's `security-severity` score and tags); one result per
/// finding, located on the Dockerfile line that installed the package when a Dockerfile is given,
/// else on the package's file. GitHub accepts at most 25,000 results per run: above that, results are
/// aggregated to one per package (and, if still too many, the most severe packages are kept); the run's
/// `properties` and an invocation notification say so. `automationDetails.id` gives each image its own
/// code-scanning category.
struct SARIFWriter {
    /// GitHub's limit of results per run.
    static let gitHubResultLimit = 25_000

    /// The Dockerfile to locate results on.
    var dockerfile: NamedText?
    /// Results allowed before aggregating (GitHub's limit; lowered in tests).
    var maxResults = SARIFWriter.gitHubResultLimit

    /// The SARIF log as UTF-8 JSON.
    func write(_ report: ScanReport) throws(BulwarkError) -> [UInt8] {
        try JSONOutput.encode(log(for: report), format: "SARIF")
    }

    /// The SARIF model for `report`.
    func log(for report: ScanReport) -> SARIF.Log {
        let findings = ReportFacts.sorted(report.findings)
        let locator = dockerfile.map { DockerfileLocator(text: $0.text) }

        var rules: [SARIF.Rule] = []
        var ruleIndex: [String: Int] = [:]
        for finding in findings where ruleIndex[finding.id] == nil {
            // Sorted most severe first, so the first finding of an advisory carries its highest severity.
            ruleIndex[finding.id] = rules.count
            rules.append(rule(for: finding))
        }

        var results: [SARIF.Result] = []
        var notifications: [SARIF.Notification] = []
        var properties: [String: SARIF.PropertyValue] = [
            "bulwark:findings": .int(findings.count),
            "bulwark:target": .string(report.target.name),
        ]
        if findings.count <= maxResults {
            results = findings.map { finding in
                result(
                    ruleID: finding.id, ruleIndex: ruleIndex[finding.id] ?? 0, severity: finding.severity,
                    message: Self.message(for: finding), package: finding.package, locator: locator,
                    fingerprint: finding.id + "|" + finding.package.purl.description + "|" + finding.package.location, extra: nil)
            }
        } else {
            let groups = ReportFacts.byPackage(findings)
            for group in groups.prefix(maxResults) {
                // The group's findings keep the sorted order: the first is the most severe.
                guard let worst = group.findings.first else { continue }
                let ids = group.findings.map(\.id)
                let text = "\(group.package.name) \(group.package.version) has \(ids.count) known vulnerabilities "
                    + "(results aggregated per package): " + ids.joined(separator: ", ")
                results.append(
                    result(
                        ruleID: worst.id, ruleIndex: ruleIndex[worst.id] ?? 0, severity: worst.severity, message: text,
                        package: group.package, locator: locator,
                        fingerprint: "package|" + group.package.purl.description + "|" + group.package.location,
                        extra: ["bulwark:vulnerabilities": .strings(ids)]))
            }
            var note = "\(findings.count) findings exceed GitHub's limit of \(maxResults) results per run: "
                + "reported as \(min(groups.count, maxResults)) results, one per vulnerable package"
            if groups.count > maxResults {
                note += "; \(groups.count - maxResults) least severe packages were left out"
            }
            notifications.append(SARIF.Notification(level: "warning", message: SARIF.Message(text: note)))
            properties["bulwark:aggregated"] = .bool(true)
            properties["bulwark:aggregation"] = .string(note)
            properties["bulwark:results"] = .int(results.count)
        }

        let run = SARIF.Run(
            tool: SARIF.Tool(
                driver: SARIF.Driver(
                    name: report.tool, version: report.toolVersion, informationUri: "https://github.com/bulwark-scanner/bulwark",
                    rules: rules)),
            automationDetails: SARIF.AutomationDetails(id: "bulwark/\(ReportFacts.imageName(report))/\(report.createdAt)"),
            invocations: [SARIF.Invocation(executionSuccessful: true, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
            results: results,
            properties: properties)
        return SARIF.Log(runs: [run])
    }

    /// GitHub's `security-severity`: the CVSS score when it falls in the GitHub band of Bulwark's
    /// severity (critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9), else the band's middle.
    static func securitySeverity(_ finding: Finding) -> String {
        let band: ClosedRange<Double>
        let middle: Double
        switch finding.severity {
        case .critical: (band, middle) = (9.0...10.0, 9.5)
        case .high: (band, middle) = (7.0...8.9, 8.0)
        case .medium: (band, middle) = (4.0...6.9, 5.5)
        case .low, .negligible: (band, middle) = (0.1...3.9, 2.0)
        case .unknown: return "0.0"
        }
        let score = ReportFacts.highestScore(finding).flatMap { band.contains($0) ? $0 : nil } ?? middle
        return String(format: "%.1f", score)
    }

    /// SARIF `level` for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .negligible, .unknown: return "note"
        }
    }

    private func rule(for finding: Finding) -> SARIF.Rule {
        let headline = ReportFacts.headline(finding)
        let description = finding.description.flatMap { $0.isEmpty ? nil : $0 } ?? headline
        var text = "\(finding.id): \(headline)\nSeverity: \(finding.severity.rawValue.uppercased()) (\(finding.severitySource))\n"
        var markdown = "**\(finding.id)**: \(Self.markdownEscaped(headline))\n\n| Severity | Source |\n| --- | --- |\n"
            + "| \(finding.severity.rawValue.uppercased()) | \(Self.markdownEscaped(finding.severitySource)) |\n"
        if !finding.aliases.isEmpty {
            text += "Aliases: \(finding.aliases.joined(separator: ", "))\n"
            markdown += "\nAliases: \(Self.markdownEscaped(finding.aliases.joined(separator: ", ")))\n"
        }
        text += "\n" + description + "\n"
        markdown += "\n" + Self.markdownEscaped(description) + "\n"
        if !finding.references.isEmpty {
            text += "\nReferences:\n" + finding.references.map { "- " + $0 }.joined(separator: "\n") + "\n"
            markdown += "\n#### References\n" + finding.references.map { "- " + Self.markdownEscaped($0) }.joined(separator: "\n") + "\n"
        }
        let helpURI = finding.references.first { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        return SARIF.Rule(
            id: finding.id,
            name: "Vulnerability/" + finding.id,
            shortDescription: SARIF.Message(text: "\(finding.id): \(headline)"),
            fullDescription: SARIF.Message(text: description),
            helpUri: helpURI,
            help: SARIF.Help(text: text, markdown: markdown),
            defaultConfiguration: SARIF.Configuration(level: Self.level(finding.severity)),
            properties: SARIF.RuleProperties(
                securitySeverity: Self.securitySeverity(finding),
                tags: ["vulnerability", "security", finding.severity.rawValue.uppercased()]))
    }

    private func result(
        ruleID: String, ruleIndex: Int, severity: Severity, message: String, package: Package, locator: DockerfileLocator?,
        fingerprint: String, extra: [String: SARIF.PropertyValue]?
    ) -> SARIF.Result {
        let uri: String
        let line: Int
        if let dockerfile, let locator {
            uri = Self.uri(dockerfile.path)
            line = locator.line(for: package)
        } else {
            uri = Self.uri(package.location)
            line = 1
        }
        var properties: [String: SARIF.PropertyValue] = [
            "bulwark:package": .string(package.name), "bulwark:version": .string(package.version),
            "bulwark:purl": .string(package.purl.description), "bulwark:path": .string(package.location),
        ]
        for (key, value) in extra ?? [:] { properties[key] = value }
        return SARIF.Result(
            ruleId: ruleID, ruleIndex: ruleIndex, level: Self.level(severity), message: SARIF.Message(text: message),
            locations: [
                SARIF.Location(
                    physicalLocation: SARIF.PhysicalLocation(
                        artifactLocation: SARIF.ArtifactLocation(uri: uri), region: SARIF.Region(startLine: line)))
            ],
            partialFingerprints: ["bulwark/v1": SHA1.hexDigest(Array(fingerprint.utf8))],
            properties: properties)
    }

    private static func message(for finding: Finding) -> String {
        let fix = finding.fixedVersions.isEmpty ? "no fix (\(ReportFacts.fixText(finding)))" : "fixed in \(ReportFacts.fixText(finding))"
        return "\(finding.package.name) \(finding.installedVersion) is affected by \(finding.id) "
            + "(\(finding.severity.rawValue.uppercased())): \(fix). \(ReportFacts.headline(finding))"
    }

    /// A repository-relative URI reference: no leading `/` or `./`, percent-encoded.
    static func uri(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if trimmed.isEmpty { return "." }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":;")
        return String(trimmed).addingPercentEncoding(withAllowedCharacters: allowed) ?? String(trimmed)
    }

    /// Text with Markdown's active characters escaped.
    static func markdownEscaped(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\`*_{}[]<>()#+!|".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
