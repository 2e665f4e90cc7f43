import ArgumentParser
import BulwarkCore
import Foundation

/// `--severity`, `--fail-on` and `--exit-code`: which findings are reported and when a scan fails CI.
/// Shared by `image` and `container` so the options read and validate the same everywhere.
struct GateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Report only these severities (comma-separated: CRITICAL,HIGH,MEDIUM,LOW,NEGLIGIBLE,UNKNOWN).", valueName: "LIST"))
    var severity: String?

    @Option(help: ArgumentHelp("Fail (with --exit-code) when a reported finding is at or above this severity.", valueName: "SEVERITY"))
    var failOn: String?

    @Option(help: ArgumentHelp("Exit code when --fail-on is reached (default 1; must differ from 2 and 3, the error codes).", valueName: "N"))
    var exitCode: Int32 = 1

    func validate() throws {
        if let severity { _ = try ImageCommand.parseSeverities(severity) }
        if let failOn { _ = try ImageCommand.parseSeverity(failOn) }
        if exitCode == 2 || exitCode == 3 || exitCode < 0 || exitCode > 255 {
            throw ValidationError("--exit-code must be 0, 1 or 4–255: 2 and 3 mean errors")
        }
    }

    /// The `--severity` set (empty: every severity).
    var severities: Set<Severity> {
        (severity.flatMap { try? ImageCommand.parseSeverities($0) }) ?? []
    }

    /// The `--fail-on` severity.
    var gate: Severity? {
        failOn.flatMap { try? ImageCommand.parseSeverity($0) }
    }
}
