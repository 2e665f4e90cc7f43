import ArgumentParser
import BulwarkConfig
import BulwarkCore
import BulwarkReport
import Foundation

/// `bulwark config PATH…`: find misconfigurations in Dockerfiles, Compose files and Kubernetes manifests.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Scan Dockerfiles, Compose files and Kubernetes manifests for misconfigurations.",
        discussion: """
            Each PATH is a file or a folder (searched recursively, skipping .git and node_modules). In a folder, compose.yaml and its compose.override.yaml are checked as one merged project, as `docker compose` merges them; `--file A --file B` names the files of a project explicitly (merged in order, findings at the file and line that set the value). Files are recognised by name — Dockerfile, Containerfile, *.dockerfile, docker-compose*.yml, compose*.yaml — and other YAML files by content (Kubernetes objects with apiVersion and kind; Compose files with services).

            Suppress a finding with a comment on its line or the line above it: `# bulwark:ignore=BW-DF-001 reason`. The rules reference is docs/rules.md (`bulwark config --list-rules --format markdown`).

            EXAMPLES:
              bulwark config .                                  # every config file under the folder
              bulwark config Dockerfile k8s/ --severity HIGH,CRITICAL
              bulwark config deploy/ --fail-on high             # CI gate: exit 1 on HIGH or CRITICAL
              bulwark config . --format sarif -o config.sarif
              bulwark config --file compose.yaml --file compose.prod.yaml   # one merged Compose project
              bulwark config k8s/ --format junit --fail-on high -o config-junit.xml
              bulwark config Dockerfile --require-digest --trusted-registries docker.io/library,ghcr.io/acme
              bulwark config --list-rules --format markdown > docs/rules.md

            EXIT CODES: 0 no finding at or above the gate (or no gate); the --exit-code value (default 1) when findings reach --fail-on; 2 a PATH does not exist; 3 cannot write the output.
            """
    )

    @Argument(help: "Files or folders to scan.")
    var paths: [String] = []

    @Option(
        name: [.short, .long],
        help: "Output format: \(MisconfigurationFormat.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: ", ")); with --list-rules: table, json, markdown.")
    var format: String = "table"

    @Option(name: .customLong("file"), help: ArgumentHelp("A Compose file of one project; repeat to merge files in order, as `docker compose -f A -f B` does (-f is --format here).", valueName: "FILE"))
    var composeFiles: [String] = []

    @Option(help: ArgumentHelp("Mustache template for --format template.", valueName: "FILE"))
    var template: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write results to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Report only these severities (comma-separated: CRITICAL,HIGH,MEDIUM,LOW).", valueName: "LIST"))
    var severity: String?

    @Option(help: ArgumentHelp("Fail (with --exit-code) when a reported finding is at or above this severity.", valueName: "SEVERITY"))
    var failOn: String?

    @Option(help: ArgumentHelp("Exit code when --fail-on is reached (default 1; must differ from 2 and 3, the error codes).", valueName: "N"))
    var exitCode: Int32 = 1

    @Option(help: ArgumentHelp("Rule ids to skip (comma-separated).", valueName: "IDS"))
    var skipRules: String?

    @Option(help: ArgumentHelp("Registries (or registry/namespace prefixes) images may come from; enables BW-DF-021 and BW-K8S-020.", valueName: "LIST"))
    var trustedRegistries: String?

    @Flag(help: "Require images to be pinned by digest (enables BW-DF-003 and BW-K8S-016).")
    var requireDigest = false

    @Option(help: ArgumentHelp("Runtime classes pods must use, e.g. gvisor,kata (enables BW-K8S-018).", valueName: "LIST"))
    var runtimeClasses: String?

    @Option(
        help: ArgumentHelp(
            "Ignore file (default: ./.bulwarkignore.yaml when present); entries whose id is a rule id (and whose optional path globs match the file) suppress findings.",
            valueName: "FILE"))
    var ignorefile: String?

    @Flag(help: "Ignore `# bulwark:ignore=` comments.")
    var noInlineSuppressions = false

    @Flag(help: "List the rules instead of scanning (with --format table, json or markdown).")
    var listRules = false

    @Flag(name: [.short, .long], help: "Print only results and errors: no warnings on standard error.")
    var quiet = false

    func validate() throws {
        let formats = listRules ? ["table", "json", "markdown"] : MisconfigurationFormat.allCases.map(\.rawValue)
        guard formats.contains(format.lowercased()) else {
            throw ValidationError("unknown format '\(format)': use \(formats.joined(separator: ", "))")
        }
        if !listRules && paths.isEmpty && composeFiles.isEmpty { throw ValidationError("give at least one PATH or --file FILE (or --list-rules)") }
        if format.lowercased() == "template" && template == nil && !listRules { throw ValidationError("--format template needs --template FILE") }
        if let severity { _ = try Self.parseSeverities(severity) }
        if let failOn { _ = try Self.parseSeverity(failOn) }
        if exitCode == 2 || exitCode == 3 || exitCode < 0 || exitCode > 255 {
            throw ValidationError("--exit-code must be 0, 1 or 4–255: 2 and 3 mean errors")
        }
        for id in Self.list(skipRules) where RuleCatalog.rule(id: id) == nil {
            throw ValidationError("unknown rule id '\(id)' in --skip-rules (see --list-rules)")
        }
    }

    func run() async throws {
        do {
            if listRules {
                let bytes: [UInt8]
                switch format.lowercased() {
                case "markdown": bytes = Array(RulesReference.markdown().utf8)
                case "json": bytes = try RulesReference.json()
                default: bytes = Array(RulesReference.table().utf8)
                }
                try Console.emit(bytes, to: output)
                return
            }
            let options = ConfigScanOptions(
                severities: try severity.map(Self.parseSeverities) ?? [],
                skipRules: Set(Self.list(skipRules).map { $0.uppercased() }),
                trustedRegistries: Self.list(trustedRegistries),
                requireDigest: requireDigest,
                requiredRuntimeClasses: Self.list(runtimeClasses),
                inlineSuppressions: !noInlineSuppressions)
            var reports: [ConfigReport] = []
            if !paths.isEmpty { reports.append(try ConfigScanner.scan(paths: paths, options: options)) }
            if !composeFiles.isEmpty { reports.append(try ConfigScanner.scanComposeProject(paths: composeFiles, options: options)) }
            var report = reports.count == 1 ? reports[0] : Self.combine(reports)
            let ignorePath = ignorefile ?? (FileManager.default.fileExists(atPath: IgnoreFile.defaultFileName) ? IgnoreFile.defaultFileName : nil)
            if let ignorePath { report = Self.apply(try IgnoreFile.load(path: ignorePath), to: report, now: Date()) }
            let outputFormat = MisconfigurationFormat(rawValue: format.lowercased()) ?? .table
            if !quiet && outputFormat != .table {
                for warning in report.warnings { Console.note("warning: \(warning)") }
            }
            let colors = output == nil && outputFormat == .table && Console.colorsAllowed(fileDescriptor: 1)
            let gate = failOn.flatMap { try? Self.parseSeverity($0) }
            let templateText = try template.map { path throws(BulwarkError) in try ReportOutputOptions.readText(path, what: "template") }
            let bytes = try MisconfigurationRenderer.render(
                report, as: outputFormat, colors: colors, toolVersion: Bulwark.version, failOn: gate, template: templateText, scannedAt: Date())
            try Console.emit(bytes, to: output)
            if let failOn, let gate = try? Self.parseSeverity(failOn), report.findings.contains(where: { $0.severity >= gate }) {
                throw ExitCode(exitCode)
            }
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }

    /// One report of several scans (folder paths and an explicit Compose project).
    static func combine(_ reports: [ConfigReport]) -> ConfigReport {
        ConfigReport(
            findings: reports.flatMap(\.findings).sorted { ($0.file, $0.line, $0.rule.id) < ($1.file, $1.line, $1.rule.id) },
            warnings: reports.flatMap(\.warnings), files: reports.flatMap(\.files), suppressedCount: reports.map(\.suppressedCount).reduce(0, +))
    }

    /// Drops the findings an ignore-file entry covers: the entry's id is the rule id, it has not expired,
    /// and when it lists paths, one of their globs matches the finding's file.
    static func apply(_ ignore: IgnoreFile, to report: ConfigReport, now: Date) -> ConfigReport {
        let entries = ignore.entries.filter { !$0.isExpired(at: now) }
        guard !entries.isEmpty else { return report }
        var result = report
        result.findings = report.findings.filter { finding in
            let file = finding.file.hasPrefix("./") ? String(finding.file.dropFirst(2)) : finding.file
            return !entries.contains { entry in
                entry.id.uppercased() == finding.rule.id
                    && (entry.paths.isEmpty || entry.paths.contains { SuppressionGlob($0).matches(file) || SuppressionGlob($0).matches(finding.file) })
            }
        }
        result.suppressedCount += report.findings.count - result.findings.count
        return result
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func parseSeverity(_ text: String) throws -> Severity {
        guard let severity = Severity(rawValue: text.lowercased().trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("unknown severity '\(text)': use CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE or UNKNOWN")
        }
        return severity
    }

    static func parseSeverities(_ text: String) throws -> Set<Severity> {
        Set(try list(text).map(parseSeverity))
    }
}
