import ArgumentParser
import BulwarkConfig
import BulwarkCore
import BulwarkEngine
import BulwarkReport
import Foundation

/// `bulwark fs DIR`: a project folder's dependencies (lockfiles and installed metadata) and their vulnerabilities.
struct FSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fs",
        abstract: "Scan a project folder: lockfiles and installed packages, for vulnerabilities or as an SBOM.",
        discussion: """
            Reads lockfiles (package-lock.json, yarn.lock, pnpm-lock.yaml, poetry.lock, Pipfile.lock, requirements*.txt, uv.lock, pdm.lock, Gemfile.lock, composer.lock, Cargo.lock, go.mod, pom.xml, gradle.lockfile, packages.lock.json, packages.config, Package.resolved, pubspec.lock, Podfile.lock) and installed metadata (node_modules, site-packages, gem specifications, jars, Go and Rust binaries) below DIR. `.git` is skipped.

            EXAMPLES:
              bulwark fs .                     # vulnerable dependencies
              bulwark fs . --exclude-dev --fail-on high
              bulwark fs ./service --sbom cyclonedx -o service.cdx.json
              bulwark fs . --pkg-types npm,pypi --format json
              bulwark fs . --scanners vuln,secret,misconfig,license --fail-on high
            """
    )

    @Argument(help: "The folder to scan.")
    var directory: String

    @Option(help: ArgumentHelp("Write an SBOM in this format (table, json, cyclonedx, spdx-json) instead of matching vulnerabilities.", valueName: "FORMAT"))
    var sbom: SBOMFormat?

    @Option(name: [.short, .long], help: "Report format, as for `bulwark image` (table, json, sarif, junit, markdown, csv, html…; --template needs `bulwark image`).")
    var format: ReportFormat = .table

    @Flag(help: "Leave out findings that have no fixed version yet.")
    var ignoreUnfixed = false

    @Option(help: ArgumentHelp("Fail (with exit code 1) when a finding is at or above this severity.", valueName: "SEVERITY"))
    var failOn: String?

    @OptionGroup var scannerOptions: ScannerOptions
    @OptionGroup var packageOptions: PackageOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let failOn { _ = try ImageCommand.parseSeverity(failOn) }
    }

    func run() async throws {
        do {
            let run = try ScannerRun(scannerOptions)
            let scanner = run.inventoryScanner(logger: Console.logger(quiet: options.quiet, debug: options.debug))
            // Misconfigurations of a folder are its config files' (`bulwark config`), so no full file tree is kept.
            let capture = run.inspector == nil && !run.scanners.contains(.license) ? nil : FileTreeCapture(wantsFullTree: false)
            let inventory = try scanner.scanFolder(at: directory, packages: packageOptions.selection, treeCapture: capture, inspector: run.inspector)
            if let sbom {
                try ScanRunner.write(inventory, format: sbom, options: options)
                return
            }
            var report: ScanReport
            if run.scanners.contains(.vuln) {
                let databasePath = options.resolvedDatabasePath
                try await DatabaseCommand.ensureDatabase(at: databasePath, options: options, skipUpdate: false, maxAgeHours: 72)
                report = try VulnerabilityScanner(databasePath: databasePath, toolVersion: Bulwark.version)
                    .scan(inventory, filter: FindingFilter(ignoreUnfixed: ignoreUnfixed))
            } else {
                report = ScannerRun.emptyReport(inventory)
            }
            let folderRun = ScannerRun(scanners: run.scanners, capture: capture, inspector: run.inspector)
            try folderRun.attach(to: &report, inventory: inventory, severities: [], options: scannerOptions) { _ in
                try ConfigScanner.scan(paths: [directory])
            }
            run.noteFormatLimits(format, quiet: options.quiet)
            let colors = options.output == nil && Console.colorsAllowed(fileDescriptor: 1)
            try Console.emit(try ScanReportRenderer.render(report, as: format, options: RenderOptions(colors: colors, toolVersion: Bulwark.version, timestamp: Date())), to: options.output)
            let gate = failOn.flatMap { try? ImageCommand.parseSeverity($0) }
            if ScannerRun.gateReached(report, gate: gate, licenseGate: try scannerOptions.licenseGate(), quiet: options.quiet) {
                throw ExitCode(1)
            }
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }
}
