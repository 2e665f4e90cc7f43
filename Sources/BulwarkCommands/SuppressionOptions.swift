import ArgumentParser
import BulwarkCore
import BulwarkReport
import Foundation

/// `--ignorefile`, `--vex` and `--show-suppressed`: triage decisions applied to a scan report.
struct SuppressionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Ignore file of triage decisions (default: ./.bulwarkignore.yaml when present). Entries: id, reason, optional expires, purl, path, image.",
            valueName: "FILE"))
    var ignorefile: String?

    @Option(
        help: ArgumentHelp(
            "VEX document, or directory of *.json documents (OpenVEX, CycloneDX VEX, CSAF VEX); not_affected and fixed statements suppress findings. Repeatable.",
            valueName: "FILE|DIR"))
    var vex: [String] = []

    @Flag(help: "List suppressed findings in the report (they are always counted in its summary).")
    var showSuppressed = false

    /// The ignore file in effect: `--ignorefile`, else `.bulwarkignore.yaml` in the current directory when it exists.
    var resolvedIgnoreFile: String? {
        if let ignorefile { return ignorefile }
        return FileManager.default.fileExists(atPath: IgnoreFile.defaultFileName) ? IgnoreFile.defaultFileName : nil
    }

    /// Applies the ignore file and VEX documents to `report`; unchanged when there are none.
    /// Expired and unused entries and unmatched statements become report warnings (printed by the caller).
    func apply(to report: ScanReport, quiet: Bool, now: Date = Date()) throws -> ScanReport {
        let ignorePath = resolvedIgnoreFile
        guard ignorePath != nil || !vex.isEmpty else { return report }
        let ignore = try ignorePath.map { try IgnoreFile.load(path: $0) }
        let statements = try VEXDocumentLoader.load(paths: vex)
        let (result, outcome) = SuppressionEngine.apply(
            to: report, ignore: ignore, vex: statements, now: now, includeSuppressed: showSuppressed)
        if !quiet, outcome.summary.total > 0 {
            let hint = showSuppressed ? "" : "; --show-suppressed lists them"
            Console.note(
                "\(outcome.summary.total) finding\(outcome.summary.total == 1 ? "" : "s") suppressed (ignore file: \(outcome.summary.ignoreFile), VEX: \(outcome.summary.vex))\(hint)")
        }
        return result
    }
}
