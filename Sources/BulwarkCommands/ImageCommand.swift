import ArgumentParser
import BulwarkConfig
import BulwarkCore
import BulwarkLicense
import BulwarkSecrets
import BulwarkEngine
import BulwarkReport
import Foundation

/// `bulwark image TARGET`: find known vulnerabilities in an image.
struct ImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Scan an image (or root filesystem) for known vulnerabilities, and with --scanners for misconfigurations, secrets and licenses.",
        discussion: """
            Lists the packages in TARGET (as `bulwark sbom` does) and matches them against the local advisory database: OS packages against their own distribution release's advisories, by source package where the distribution tracks those.

            The database is read from --db, BULWARK_DB or <cache dir>/db/bulwark.db. Create it with `bulwark db update` (network) or `bulwark db import PATH` (offline).

            EXAMPLES:
              bulwark image debian.tar
              bulwark image app.tar --severity HIGH,CRITICAL --ignore-unfixed
              bulwark image app.tar --fail-on high    # exit 1 on HIGH or CRITICAL
              bulwark image app.tar --format json -o report.json
              bulwark image app.tar --scanners vuln,misconfig   # and the image's hardening
              bulwark image app.tar --scanners license --fail-on-license restricted
              bulwark image app.tar --scanners vuln,secret --fail-on high
              bulwark db import examples/advisories --db /tmp/example.db && \\
                bulwark image examples/alpine-3.19-oci --db /tmp/example.db

            --scanners misconfig, secret and license need no advisory database. Their results appear in the table, JSON, Markdown, HTML, CSV, JUnit, SARIF (licenses excepted) and template formats; GitLab and CycloneDX reports hold vulnerabilities only.

            EXIT CODES: 0 no finding at or above the gate (or no gate); the --exit-code value (default 1) when findings (vulnerabilities, misconfigurations, secrets) reach --fail-on or a license reaches --fail-on-license; 2 unreadable input or database; 3 environment error.
            """
    )

    @Argument(help: "Image archive, OCI layout (directory or tar) or root filesystem directory.")
    var target: String

    @Option(name: [.short, .long], help: "Output format: \(ReportFormat.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: ", ")).")
    var format: ReportFormat = .table

    @Flag(help: "Leave out findings that have no fixed version yet.")
    var ignoreUnfixed = false

    @OptionGroup var gateOptions: GateOptions

    @Flag(help: "Do not try to update a missing or stale database before scanning.")
    var skipDbUpdate = false

    @Option(help: ArgumentHelp("Warn when the database is older than this many hours (default 72).", valueName: "HOURS"))
    var maxDbAge: Double = 72

    @OptionGroup var scannerOptions: ScannerOptions
    @OptionGroup var imageOptions: ImageOptions
    @OptionGroup var reportOptions: ReportOutputOptions
    @OptionGroup var packageOptions: PackageOptions
    @OptionGroup var suppression: SuppressionOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        try reportOptions.validate(format: format)
    }

    func run() async throws {
        let logger = Console.logger(quiet: options.quiet, debug: options.debug)
        do {
            let run = try ScannerRun(scannerOptions)
            let databasePath = options.resolvedDatabasePath
            if run.scanners.contains(.vuln) {
                try await DatabaseCommand.ensureDatabase(at: databasePath, options: options, skipUpdate: skipDbUpdate, maxAgeHours: maxDbAge)
            }
            let inventory = try await ScanRunner.inventory(
                of: target, scanner: run.inventoryScanner(logger: logger), imageOptions: imageOptions, packages: packageOptions.selection,
                options: options, treeCapture: run.capture, inspector: run.inspector)
            let severities = gateOptions.severities
            let filter = FindingFilter(severities: severities, ignoreUnfixed: ignoreUnfixed)
            var report: ScanReport
            if run.scanners.contains(.vuln) {
                let scanner = VulnerabilityScanner(databasePath: databasePath, maxDatabaseAgeHours: maxDbAge, toolVersion: Bulwark.version)
                report = try suppression.apply(to: try scanner.scan(inventory, filter: filter), quiet: options.quiet)
            } else {
                report = ScannerRun.emptyReport(inventory)
            }
            try run.attach(to: &report, inventory: inventory, severities: severities, options: scannerOptions) { tree in
                try auditImage(inventory, tree: tree, severities: severities)
            }
            run.noteFormatLimits(format, quiet: options.quiet)
            if !options.quiet && format != .table {
                for warning in report.warnings { Console.note("warning: \(warning)") }
            }
            let colors = options.output == nil && Console.colorsAllowed(fileDescriptor: 1)
            let gate = gateOptions.gate
            let bytes = try ScanReportRenderer.render(
                report, as: format, options: RenderOptions(colors: colors, toolVersion: Bulwark.version, timestamp: Date()),
                settings: try reportOptions.settings(failOn: gate))
            try Console.emit(bytes, to: options.output)
            if ScannerRun.gateReached(report, gate: gate, licenseGate: try scannerOptions.licenseGate(), quiet: options.quiet) {
                throw ExitCode(gateOptions.exitCode)
            }
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }

    /// The image hardening checks (config and filesystem; the filesystem only for a root filesystem
    /// directory), with the ignore file's rule-id entries applied.
    func auditImage(_ inventory: Inventory, tree: MemoryFileTree, severities: Set<Severity>) throws -> ConfigReport {
        let auditor = ImageConfigAuditor(imageLabel: target, options: ConfigScanOptions(severities: severities))
        var report: ConfigReport
        if let image = inventory.image, inventory.target.kind != .rootfs {
            report = auditor.audit(metadata: image, tree: tree)
        } else {
            report = ConfigReport(
                findings: auditor.auditFilesystem(tree).filter { auditor.options.reports($0.severity) },
                warnings: [], files: [.init(path: target, kind: .image)], suppressedCount: 0)
        }
        if let ignorePath = suppression.resolvedIgnoreFile {
            report = ConfigCommand.apply(try IgnoreFile.load(path: ignorePath), to: report, now: Date())
        }
        return report
    }

    static func parseSeverity(_ text: String) throws -> Severity {
        guard let severity = Severity(rawValue: text.lowercased().trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("unknown severity '\(text)': use CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE or UNKNOWN")
        }
        return severity
    }

    static func parseSeverities(_ text: String) throws -> Set<Severity> {
        Set(try text.split(separator: ",").map { try parseSeverity(String($0)) })
    }
}
