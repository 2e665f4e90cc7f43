import ArgumentParser
import BulwarkCore
import BulwarkReport
import Foundation

/// `bulwark convert REPORT.json --format F`: re-render a saved scan report without rescanning.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Re-render a saved JSON scan report in another format, without rescanning.",
        discussion: """
            REPORT is the JSON written by `bulwark image --format json`. It is read back as it is: no database and no image are needed, and the same report always renders the same bytes.

            EXAMPLES:
              bulwark image app.tar --format json -o report.json
              bulwark convert report.json --format sarif --dockerfile Dockerfile -o bulwark.sarif
              bulwark convert report.json --format gitlab -o gl-container-scanning-report.json
              bulwark convert report.json --format junit --fail-on high -o junit.xml
              bulwark convert report.json --format template --template report.mustache

            EXIT CODES: 0 success; the --exit-code value (default 1) when a finding reaches --fail-on; 2 REPORT is missing, not JSON, not a scan report (an SBOM, a CycloneDX or SARIF file…) or from a newer Bulwark; 3 cannot write the output.
            """
    )

    @Argument(help: "A scan report saved with `bulwark image --format json`.")
    var report: String

    @Option(name: [.short, .long], help: "Output format: \(ReportFormat.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: ", ")).")
    var format: ReportFormat = .table

    @Option(name: [.short, .long], help: ArgumentHelp("Write results to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Fail (with --exit-code) when a finding is at or above this severity; JUnit marks those packages failed.", valueName: "SEVERITY"))
    var failOn: String?

    @Option(help: ArgumentHelp("Exit code when --fail-on is reached (default 1; must differ from 2 and 3, the error codes).", valueName: "N"))
    var exitCode: Int32 = 1

    @OptionGroup var reportOptions: ReportOutputOptions

    func validate() throws {
        if let failOn { _ = try ImageCommand.parseSeverity(failOn) }
        if exitCode == 2 || exitCode == 3 || exitCode < 0 || exitCode > 255 {
            throw ValidationError("--exit-code must be 0, 1 or 4–255: 2 and 3 mean errors")
        }
        try reportOptions.validate(format: format)
    }

    func run() throws {
        do {
            let gate = try failOn.map { try ImageCommand.parseSeverity($0) }
            let bytes = try ReportOutputOptions.readFile(report, limit: ScanReportReader.maxSize, what: "scan report")
            let scan = try ScanReportReader.read(bytes, file: report)
            let settings = try reportOptions.settings(failOn: gate)
            let colors = output == nil && Console.colorsAllowed(fileDescriptor: 1)
            // The report's own time, not the clock: converting the same report twice gives the same bytes.
            let timestamp = ISO8601DateFormatter().date(from: scan.createdAt) ?? Date(timeIntervalSince1970: 0)
            let rendered = try ScanReportRenderer.render(
                scan, as: format, options: RenderOptions(colors: colors, toolVersion: scan.toolVersion, timestamp: timestamp), settings: settings)
            try Console.emit(rendered, to: output)
            if let gate, scan.findings.contains(where: { $0.severity >= gate }) {
                throw ExitCode(exitCode)
            }
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }
}
