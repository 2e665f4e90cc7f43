import BulwarkCore

/// The SARIF run of a secret scan: one rule per secret kind, one result per finding at its file and line.
enum SecretSARIF {
    static func run(_ secrets: SecretReport, report: ScanReport) -> SARIF.Run {
        var rules: [SARIF.Rule] = []
        var ruleIndex: [String: Int] = [:]
        for finding in secrets.findings where ruleIndex[finding.ruleID] == nil {
            ruleIndex[finding.ruleID] = rules.count
            let text = "\(finding.title) (\(finding.category))"
            rules.append(SARIF.Rule(
                id: finding.ruleID, name: finding.ruleID, shortDescription: SARIF.Message(text: finding.title),
                fullDescription: SARIF.Message(text: text), helpUri: nil,
                help: SARIF.Help(
                    text: "\(text). Remove the secret from the image (a later layer deleting it is not enough), rotate it, and pass it at run time.",
                    markdown: "**\(finding.title)** (\(finding.category)). Remove the secret from the image — a later layer deleting it is not enough — rotate it, and pass it at run time."),
                defaultConfiguration: SARIF.Configuration(level: level(finding.severity)),
                properties: SARIF.RuleProperties(securitySeverity: securitySeverity(finding.severity), tags: ["security", "secret", finding.category])))
        }
        let results = secrets.findings.map { finding -> SARIF.Result in
            let place = finding.layerIndex.map { " in layer \($0)" } ?? ""
            let gone = finding.presentInFinalFilesystem ? "" : " (deleted by a later layer, still in the image)"
            let uri = finding.path.hasPrefix("/") ? String(finding.path.dropFirst()) : finding.path
            return SARIF.Result(
                ruleId: finding.ruleID, ruleIndex: ruleIndex[finding.ruleID] ?? 0, level: level(finding.severity),
                message: SARIF.Message(text: "\(finding.title): \(finding.match)\(place)\(gone)"),
                locations: [SARIF.Location(physicalLocation: SARIF.PhysicalLocation(
                    artifactLocation: SARIF.ArtifactLocation(uri: uri), region: SARIF.Region(startLine: max(1, finding.line))))],
                partialFingerprints: ["bulwarkSecret/v1": "\(finding.ruleID)|\(finding.path)|\(finding.line)|\(finding.layerIndex ?? -1)"],
                properties: nil)
        }
        return SARIF.Run(
            tool: SARIF.Tool(driver: SARIF.Driver(
                name: report.tool, version: report.toolVersion, informationUri: "https://github.com/bulwark-scanner/bulwark", rules: rules)),
            automationDetails: SARIF.AutomationDetails(id: "bulwark-secrets/\(ReportFacts.imageName(report))/\(report.createdAt)"),
            invocations: [SARIF.Invocation(executionSuccessful: true, toolExecutionNotifications: nil)],
            results: results, properties: nil)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        default: return "note"
        }
    }

    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low, .negligible: return "2.0"
        case .unknown: return "0.0"
        }
    }
}
