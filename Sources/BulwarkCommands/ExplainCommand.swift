import ArgumentParser
import BulwarkCore
import BulwarkEngine
import BulwarkReport
import Foundation

/// `bulwark explain ID TARGET`: why a vulnerability matched (or did not) in a target.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a vulnerability matched a target: advisory, range, comparator, installed vs fixed.",
        discussion: """
            EXAMPLES:
              bulwark explain CVE-2024-2511 examples/alpine-3.19-oci --db /tmp/example.db
              bulwark explain GHSA-x84v-xcm2-53pg app.tar
            """
    )

    @Argument(help: "A vulnerability or advisory id (CVE, GHSA, DSA, …).")
    var id: String

    @Argument(help: "The image archive, OCI layout or root filesystem.")
    var target: String

    @OptionGroup var imageOptions: ImageOptions
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        do {
            try Console.emit(try await explanation(), to: options.output)
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }

    func explanation() async throws(BulwarkError) -> [UInt8] {
            let inventory = try await ScanRunner.inventory(
                of: target, scanner: InventoryScanner(logger: Console.logger(quiet: options.quiet, debug: options.debug)), imageOptions: imageOptions,
                packages: PackageSelection(), options: options)
            let scanner = VulnerabilityScanner(databasePath: options.resolvedDatabasePath, toolVersion: Bulwark.version)
            let report = try scanner.scan(inventory, filter: FindingFilter())
            let wanted = id.uppercased()
            let matches = report.findings.filter { $0.id.uppercased() == wanted || $0.aliases.contains { $0.uppercased() == wanted } }
            var lines: [String] = []
            if matches.isEmpty {
                lines.append("\(id) does not affect any package in \(target) (\(inventory.packages.count) packages checked).")
            }
            for finding in matches {
                lines.append("\(finding.id) in \(finding.package.name) \(finding.installedVersion) (\(finding.package.type.rawValue), \(finding.package.location))")
                if !finding.aliases.isEmpty { lines.append("  also known as: \(finding.aliases.joined(separator: ", "))") }
                lines.append("  severity: \(finding.severity.rawValue) (from \(finding.severitySource))")
                for vector in finding.cvss { lines.append("  CVSS \(vector.version) \(vector.baseScore) \(vector.vector) [\(vector.source)]") }
                lines.append("  status: \(finding.state.rawValue)" + (finding.fixedVersions.isEmpty ? "" : ", fixed in \(finding.fixedVersions.joined(separator: ", "))"))
                if let layer = finding.package.layer {
                    lines.append("  introduced by layer \(layer.index) \(layer.diffID?.short ?? "")" + (layer.createdBy.map { ": \($0.prefix(80))" } ?? ""))
                }
                for evidence in finding.evidence {
                    lines.append("  matched advisory \(evidence.advisoryID) [\(evidence.source)] for \(evidence.ecosystem)/\(evidence.packageName):")
                    lines.append("    compared \(evidence.comparedVersion) with \(evidence.scheme) ordering; \(evidence.range)")
                }
            }
            return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
