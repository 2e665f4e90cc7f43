import ArgumentParser
import BulwarkCore
import BulwarkEngine
import BulwarkReport
import Foundation

/// `bulwark compare BASE TARGET`: what a change did to an image's packages and vulnerabilities.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two images, SBOMs or saved reports: packages and vulnerabilities added, removed and changed.",
        discussion: """
            BASE and TARGET are each an image (archive, OCI layout, root filesystem, registry reference), a Bulwark JSON SBOM (`bulwark sbom -f json`) or a saved scan report (`bulwark image -f json`). Images and SBOMs are matched against the advisory database; a saved report brings its own findings (but lists only its vulnerable packages, so package changes need images or SBOMs).

            EXAMPLES:
              bulwark compare prod.tar candidate.tar
              bulwark compare registry.example.com/app:1.4 registry.example.com/app:1.5 --fail-on-new high
              bulwark compare base-report.json new-report.json --format markdown -o comment.md

            EXIT CODES: 0 done (and nothing new at or above --fail-on-new); the --exit-code value (default 1) when the target introduced a finding at or above --fail-on-new; 2 unreadable input; 3 environment error.
            """
    )

    @Argument(help: "The image, SBOM or report before the change.")
    var base: String

    @Argument(help: "The image, SBOM or report after the change.")
    var target: String

    @Option(name: [.short, .long], help: "Output format: table, json, markdown.")
    var format: ComparisonFormat = .table

    @Option(help: ArgumentHelp("Fail (with --exit-code) when TARGET introduces a finding at or above this severity.", valueName: "SEVERITY"))
    var failOnNew: String?

    @Option(help: ArgumentHelp("Exit code when --fail-on-new is reached (default 1).", valueName: "N"))
    var exitCode: Int32 = 1

    @Flag(help: "Leave out findings that have no fixed version yet.")
    var ignoreUnfixed = false

    @Flag(help: "Do not try to update a missing or stale database first.")
    var skipDbUpdate = false

    @OptionGroup var imageOptions: ImageOptions
    @OptionGroup var packageOptions: PackageOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let failOnNew { _ = try ImageCommand.parseSeverity(failOnNew) }
        if exitCode == 2 || exitCode == 3 || exitCode < 0 || exitCode > 255 {
            throw ValidationError("--exit-code must be 0, 1 or 4–255: 2 and 3 mean errors")
        }
    }

    func run() async throws {
        do {
            let report = try await compare()
            try Console.emit(try ComparisonRenderer.render(report, as: format), to: options.output)
            if let failOnNew, let gate = try? ImageCommand.parseSeverity(failOnNew), report.introduces(atLeast: gate) {
                throw ExitCode(exitCode)
            }
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }

    private func compare() async throws(BulwarkError) -> ComparisonReport {
        let databasePath = options.resolvedDatabasePath
        let before = try await input(base, databasePath: databasePath)
        let after = try await input(target, databasePath: databasePath)
        return ScanComparator.compare(base: before, target: after, toolVersion: Bulwark.version, createdAt: RFC3339.format(Date()))
    }

    /// Reads or scans one side.
    private func input(_ name: String, databasePath: String) async throws(BulwarkError) -> ScanComparator.Input {
        let filter = FindingFilter(ignoreUnfixed: ignoreUnfixed)
        if let bytes = Self.jsonDocument(at: name) {
            if let report = try? ScanReportReader.read(bytes, file: name) {
                return .init(name: name, kind: "report", packages: nil, findings: report.findings.filter { !ignoreUnfixed || !$0.fixedVersions.isEmpty })
            }
            let inventory: Inventory
            do {
                inventory = try JSONInventoryReader.read(bytes)
            } catch {
                throw BulwarkError(
                    .invalidInput, "\(name): neither a Bulwark scan report nor a Bulwark JSON SBOM (\(error.message))",
                    hint: "compare images, `bulwark sbom -f json` output or `bulwark image -f json` reports")
            }
            return .init(name: name, kind: "sbom", packages: inventory.packages, findings: try findings(inventory, databasePath: databasePath, filter: filter))
        }
        let inventory = try await ScanRunner.inventory(
            of: name, scanner: InventoryScanner(logger: Console.logger(quiet: options.quiet, debug: options.debug)), imageOptions: imageOptions,
            packages: packageOptions.selection, options: options)
        return .init(name: name, kind: "image", packages: inventory.packages, findings: try await scannedFindings(inventory, databasePath: databasePath, filter: filter))
    }

    private func scannedFindings(_ inventory: Inventory, databasePath: String, filter: FindingFilter) async throws(BulwarkError) -> [Finding]? {
        try await DatabaseCommand.ensureDatabase(at: databasePath, options: options, skipUpdate: skipDbUpdate, maxAgeHours: 72)
        return try findings(inventory, databasePath: databasePath, filter: filter)
    }

    private func findings(_ inventory: Inventory, databasePath: String, filter: FindingFilter) throws(BulwarkError) -> [Finding]? {
        guard FileManager.default.fileExists(atPath: databasePath) else { return nil }
        return try VulnerabilityScanner(databasePath: databasePath, toolVersion: Bulwark.version).scan(inventory, filter: filter).findings
    }

    /// The bytes of `path` when it is a regular file that starts like a JSON object.
    static func jsonDocument(at path: String) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 64)
        guard head.first(where: { !" \n\r\t".utf8.contains($0) }) == UInt8(ascii: "{") else { return nil }
        return try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

extension ComparisonFormat: ExpressibleByArgument {}
