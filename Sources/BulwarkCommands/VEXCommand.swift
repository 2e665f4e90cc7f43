import ArgumentParser
import BulwarkCore
import BulwarkReport
import Foundation

/// `bulwark vex …`: write VEX documents from triage decisions.
struct VEXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vex",
        abstract: "Write VEX documents from triage decisions.",
        subcommands: [Create.self]
    )

    /// `bulwark vex create`: an OpenVEX v0.2.0 document from command-line decisions and/or an ignore file.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Write an OpenVEX document from triage decisions.",
            discussion: """
                Every --id gets one statement naming every --product, with the same --status. Entries of --from-ignorefile that have a purl become not_affected statements (their reason is the impact statement, their justification the justification); entries without a purl or already expired are skipped with a note.

                The output is deterministic: sorted statements and keys, and a document @id derived from the content. The timestamp is --timestamp, else SOURCE_DATE_EPOCH, else now.

                EXAMPLES:
                  bulwark vex create --id CVE-2023-5678 --product 'pkg:deb/debian/openssl@3.0.11-1?distro=debian-12' \\
                    --status not_affected --justification vulnerable_code_not_in_execute_path --impact 'DH is unused' -o app.openvex.json
                  bulwark vex create --from-ignorefile .bulwarkignore.yaml --author 'Platform Security' -o app.openvex.json
                  bulwark image app.tar --vex app.openvex.json
                """
        )

        @Option(name: .customLong("id"), help: ArgumentHelp("Vulnerability id (repeatable).", valueName: "ID"))
        var ids: [String] = []

        @Option(name: .customLong("product"), help: ArgumentHelp("Product purl the statement covers (repeatable).", valueName: "PURL"))
        var products: [String] = []

        @Option(help: ArgumentHelp("not_affected (default), affected, fixed or under_investigation.", valueName: "STATUS"))
        var status: String = VEXStatus.notAffected.rawValue

        @Option(
            help: ArgumentHelp(
                "Why not affected: \(IgnoreFileParser.openVEXJustifications.sorted().joined(separator: ", ")).", valueName: "JUSTIFICATION"))
        var justification: String?

        @Option(help: ArgumentHelp("Impact statement (free text; for not_affected without a justification).", valueName: "TEXT"))
        var impact: String?

        @Option(help: ArgumentHelp("Action statement (required with affected).", valueName: "TEXT"))
        var action: String?

        @Option(help: ArgumentHelp("Turn the entries of this ignore file into statements.", valueName: "FILE"))
        var fromIgnorefile: String?

        @Option(help: ArgumentHelp("The document author (person or organisation).", valueName: "NAME"))
        var author: String = "Unknown Author"

        @Option(help: ArgumentHelp("Document timestamp, RFC 3339 (default: SOURCE_DATE_EPOCH, else now).", valueName: "TIME"))
        var timestamp: String?

        @Option(name: [.short, .long], help: ArgumentHelp("Write the document to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        @Flag(name: [.short, .long], help: "Print no notes.")
        var quiet = false

        func validate() throws {
            if ids.isEmpty && fromIgnorefile == nil {
                throw ValidationError("give --id with --product, or --from-ignorefile")
            }
            if !ids.isEmpty && products.isEmpty { throw ValidationError("--id needs at least one --product") }
            if ids.isEmpty && !products.isEmpty { throw ValidationError("--product needs at least one --id") }
            if VEXStatus(rawValue: status) == nil {
                throw ValidationError("unknown --status '\(status)': use \(VEXStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let timestamp, SuppressionDate.timestamp(timestamp) == nil {
                throw ValidationError("--timestamp '\(timestamp)' is not an RFC 3339 timestamp (2026-01-14T09:30:00Z)")
            }
        }

        func run() throws {
            do {
                let now = Date()
                var decisions: [OpenVEXDecision] = []
                if let fromIgnorefile {
                    let (fromFile, skipped) = OpenVEXWriter.decisions(from: try IgnoreFile.load(path: fromIgnorefile), now: now)
                    decisions += fromFile
                    if !quiet {
                        for notice in skipped { Console.note("note: ignore entry \(notice.id) at \(notice.origin) \(notice.detail)") }
                    }
                }
                let vexStatus = VEXStatus(rawValue: status) ?? .notAffected
                for id in ids {
                    decisions.append(
                        OpenVEXDecision(
                            vulnerability: id, products: products, status: vexStatus, justification: justification, impactStatement: impact,
                            actionStatement: action))
                }
                let bytes = try OpenVEXWriter.document(
                    decisions: decisions, author: author, timestamp: resolvedTimestamp(now: now), tooling: "bulwark \(Bulwark.version)")
                try Console.emit(bytes, to: output)
            } catch let error as BulwarkError {
                throw ExitStatus.report(error)
            }
        }

        /// --timestamp, else SOURCE_DATE_EPOCH (reproducible builds), else now.
        private func resolvedTimestamp(now: Date) -> String {
            if let timestamp { return timestamp }
            if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
                return OpenVEXWriter.timestamp(for: Date(timeIntervalSince1970: epoch))
            }
            return OpenVEXWriter.timestamp(for: now)
        }
    }
}
