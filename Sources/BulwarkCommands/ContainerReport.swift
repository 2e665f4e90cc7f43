import BulwarkCore
import BulwarkDocker
import BulwarkReport
import Foundation

/// What `bulwark container` found for one container.
struct ContainerReport: Sendable, Codable {
    var id: String
    var name: String
    /// The image as the container names it.
    var image: String
    var imageID: String
    /// `podman at /run/podman/podman.sock`.
    var engine: String
    /// `runc`, `runsc`, `oci`…
    var runtime: String
    /// Runtime configuration findings, worst first.
    var runtimeFindings: [RuntimeFinding]
    /// Packages in the container's filesystem its image lacks; nil when not checked (--no-drift).
    var drift: [DriftedPackage]?
    /// Vulnerabilities of the drifted packages; nil when drift or vulnerabilities were not checked.
    var driftVulnerabilities: [Finding]?
    /// Packages in the image.
    var packageCount: Int
    /// The image's vulnerability report; nil with --no-vulns.
    var vulnerabilities: ScanReport?
    var warnings: [String]
}

/// The JSON document and table of `bulwark container`.
struct ContainerReportDocument: Sendable, Codable {
    var schemaVersion = 1
    var tool = "bulwark"
    var toolVersion: String
    var createdAt: String
    var containers: [ContainerReport]

    /// Whether any runtime finding or vulnerability is at or above `gate`.
    func reaches(_ gate: Severity) -> Bool {
        containers.contains { report in
            report.runtimeFindings.contains { $0.severity >= gate } || (report.vulnerabilities?.findings.contains { $0.severity >= gate } ?? false)
                || (report.driftVulnerabilities?.contains { $0.severity >= gate } ?? false)
        }
    }

    /// Sorted-key, indented JSON with a trailing newline.
    func json() throws(BulwarkError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(self)) + [0x0A]
        } catch {
            throw BulwarkError(.invalidInput, "cannot encode the container report: \(error)")
        }
    }

    /// One section per container: runtime findings, drift, then the image's vulnerability table.
    func table(colors: Bool) throws(BulwarkError) -> [UInt8] {
        var out = ""
        if containers.isEmpty { out += "No running containers.\n" }
        for report in containers {
            out += "Container \(report.name) (\(report.id.prefix(12))) — image \(report.image.isEmpty ? report.imageID : report.image), \(report.engine), runtime \(report.runtime.isEmpty ? "unknown" : report.runtime)\n\n"
            out += "Runtime configuration: \(report.runtimeFindings.count) finding\(report.runtimeFindings.count == 1 ? "" : "s")\n"
            out += Self.columns(
                ["ID", "SEVERITY", "TITLE", "EVIDENCE"],
                report.runtimeFindings.map { [$0.id, $0.severity.rawValue.uppercased(), $0.title, $0.evidence] })
            if let drift = report.drift {
                out += "\nDrift: \(drift.count) package\(drift.count == 1 ? "" : "s") not in the image\n"
                if !drift.isEmpty {
                    out += Self.columns(
                        ["TYPE", "NAME", "VERSION", "IMAGE VERSION", "LOCATION"],
                        drift.map { [$0.package.type.rawValue, $0.package.name, $0.package.version, $0.imageVersion ?? "-", $0.package.location] })
                }
            }
            if let findings = report.driftVulnerabilities, !findings.isEmpty {
                out += "\nVulnerabilities in drifted packages: \(findings.count)\n"
                out += Self.columns(
                    ["PACKAGE", "INSTALLED", "VULNERABILITY", "SEVERITY", "FIXED IN"],
                    findings.sorted { $0.severity > $1.severity }.map {
                        [$0.package.name, $0.installedVersion, $0.id, $0.severity.rawValue.uppercased(), $0.fixedVersions.isEmpty ? $0.state.rawValue : $0.fixedVersions.joined(separator: ", ")]
                    })
            }
            if let vulnerabilities = report.vulnerabilities {
                out += "\n"
                let bytes = try ScanReportRenderer.render(vulnerabilities, as: .table, options: RenderOptions(colors: colors, toolVersion: toolVersion, timestamp: Date()))
                out += String(decoding: bytes, as: UTF8.self)
            }
            out += "\n"
        }
        return Array(out.utf8)
    }

    /// Left-aligned columns separated by two spaces.
    static func columns(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
