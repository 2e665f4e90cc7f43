import BulwarkCatalog
import BulwarkConfig
import BulwarkCore
import BulwarkEngine
import BulwarkLicense
import BulwarkReport
import BulwarkSecrets
import Foundation
import Logging

/// What one `image` or `fs` run needs besides the vulnerability scan: the capture and secret inspector
/// handed to the inventory scan, and the results of the other scanners attached to the report.
struct ScannerRun {
    let scanners: Set<ScannerKind>
    /// Receives the merged filesystem (misconfiguration checks) and the inspector's findings.
    let capture: FileTreeCapture?
    /// The secret scanner, run in the same pass over layers or files.
    let inspector: SecretContentInspector?

    init(scanners: Set<ScannerKind>, capture: FileTreeCapture?, inspector: SecretContentInspector?) {
        self.scanners = scanners
        self.capture = capture
        self.inspector = inspector
    }

    init(_ options: ScannerOptions) throws {
        scanners = try options.selected()
        capture = scanners.contains(.misconfig) || scanners.contains(.secret) || scanners.contains(.license)
            ? FileTreeCapture(wantsFullTree: scanners.contains(.misconfig)) : nil
        if scanners.contains(.secret) {
            let configuration = try options.secretConfig.map { try SecretConfigurationFile.load(path: $0) }
            inspector = SecretContentInspector(scanner: configuration.map { SecretScanner(configuration: $0) } ?? SecretScanner())
        } else {
            inspector = nil
        }
    }

    /// The inventory scanner for this run: license scanning also keeps license files' bytes.
    func inventoryScanner(logger: Logger) -> InventoryScanner {
        var scanner = InventoryScanner(logger: logger)
        if scanners.contains(.license) { scanner.languageCatalogers.append(LicenseFileCollector()) }
        return scanner
    }

    /// A report for a run without the vulnerability scanner: the inventory's facts, no findings.
    static func emptyReport(_ inventory: Inventory) -> ScanReport {
        ScanReport(
            toolVersion: Bulwark.version, createdAt: RFC3339.format(Date()), target: inventory.target, image: inventory.image,
            operatingSystem: inventory.operatingSystem, packageCount: inventory.packages.count, database: nil, findings: [],
            warnings: inventory.warnings)
    }

    /// Adds the secret, misconfiguration and license results to `report`.
    func attach(
        to report: inout ScanReport, inventory: Inventory, severities: Set<Severity>, options: ScannerOptions,
        misconfigurations: (MemoryFileTree) throws -> ConfigReport
    ) throws {
        report.scanners = scanners.sorted().map(\.rawValue)
        if let inspector, let capture {
            let inspection = capture.contentInspection
            let config = inventory.image.map { inspector.inspect(config: $0) } ?? []
            report.secrets = SecretReport(
                findings: (inspection.findings + config).filter { severities.isEmpty || severities.contains($0.severity) },
                inspectedFiles: inspection.inspectedFiles, skippedBinary: inspection.skipped[.binary] ?? 0,
                skippedTooLarge: inspection.skipped[.tooLarge] ?? 0)
        }
        if scanners.contains(.misconfig) {
            report.misconfigurations = try misconfigurations(capture?.tree ?? MemoryFileTree())
        }
        if scanners.contains(.license) {
            let policy = try options.licensePolicy.map { path throws(BulwarkError) in try LicensePolicyFile.load(path: path) } ?? LicensePolicy()
            let tree = capture?.tree
            // A Debian package whose copyright file names no license is identified by that file's text.
            var licenses = LicenseReport.make(inventory.packages, policy: policy) { package in
                package.type == .deb ? tree?.contents(of: "/usr/share/doc/\(package.name)/copyright") : nil
            }
            if let tree = capture?.tree {
                let collector = LicenseFileCollector()
                let prefix = inventory.target.kind == .filesystem ? (inventory.target.name.hasSuffix("/") ? String(inventory.target.name.dropLast()) : inventory.target.name) : ""
                let files = tree.nodes.compactMap { path, node -> (path: String, bytes: [UInt8])? in
                    guard node.kind == .regular, let bytes = node.contents, collector.isInterested(in: path) else { return nil }
                    return (prefix + path, bytes)
                }
                let packages = inventory.packages.map { package -> Package in
                    guard !prefix.isEmpty, package.location.hasPrefix("/") else { return package }
                    var located = package
                    located.location = prefix + package.location
                    return located
                }
                licenses.addUnownedFiles(files, packages: packages, policy: policy)
            }
            report.licenses = licenses
        }
    }

    /// Notes that `format` shows only vulnerabilities, when other scanners ran.
    func noteFormatLimits(_ format: ReportFormat, quiet: Bool) {
        guard scanners != [.vuln], !ScanReportRenderer.carriesMisconfigurations(format), !quiet else { return }
        Console.note("note: --format \(format.rawValue) holds vulnerabilities only; use table, json or markdown (sarif: misconfigurations) to see the other scanners' results")
    }

    /// Whether a gate is reached: a vulnerability, misconfiguration or secret at or above `gate`, or a
    /// license in `licenseGate`'s category or a more restrictive one.
    static func gateReached(_ report: ScanReport, gate: Severity?, licenseGate: LicenseCategory?, quiet: Bool) -> Bool {
        if let licenseGate, let licenses = report.licenses {
            let failing = licenses.failing(at: licenseGate).count + licenses.failingFiles(at: licenseGate).count
            if failing > 0 {
                if !quiet { Console.note("\(failing) packages or license files have \(licenseGate.rawValue) or more restrictive licenses (--fail-on-license)") }
                return true
            }
        }
        guard let gate else { return false }
        if report.findings.contains(where: { $0.severity >= gate }) { return true }
        if report.misconfigurations?.findings.contains(where: { $0.severity >= gate }) ?? false { return true }
        return report.secrets?.findings.contains { $0.severity >= gate } ?? false
    }
}
