import ArgumentParser
import BulwarkCore
import BulwarkEngine
import BulwarkVulnDB
import Foundation

/// `bulwark db …`: build, update, move and inspect the advisory database.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the local vulnerability database.",
        discussion: """
            EXAMPLES:
              bulwark db update                                  # download the default sources
              bulwark db import ./osv-records ./debian.json      # offline, on top of the current database
              bulwark db import debian-all.zip --replace         # start from an empty database
              bulwark db export bulwark-db.bundle                # carry it to an air-gapped machine
              bulwark db import bulwark-db.bundle                # …and install it there
              bulwark db status
            """,
        subcommands: [Update.self, Import.self, Export.self, Status.self]
    )

    /// Makes sure a database exists before a scan; updates a missing or stale one unless told not to.
    static func ensureDatabase(at path: String, options: GlobalOptions, skipUpdate: Bool, maxAgeHours: Double) async throws(BulwarkError) {
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && (skipUpdate || options.offline) { return }
        if exists, let metadata = try? AdvisoryDatabase(path: path).metadata(), let built = RFC3339.parse(metadata.builtAt),
            Date().timeIntervalSince(built) < maxAgeHours * 3600
        {
            return
        }
        if !exists && (skipUpdate || options.offline) {
            throw BulwarkError(
                .notFound, "\(path): no vulnerability database",
                hint: "create one with `bulwark db update`, or offline with `bulwark db import PATH --db \(path)`")
        }
        if !options.quiet { Console.note(exists ? "Updating the stale vulnerability database…" : "Downloading the vulnerability database…") }
        do {
            _ = try await DatabaseMaintenance.update(database: path, cacheDirectory: options.resolvedCacheDirectory, sources: DefaultSources.all)
        } catch {
            if exists {
                if !options.quiet { Console.note("warning: database update failed (\(error.message)); scanning with the existing database") }
                return
            }
            throw BulwarkError(error.code, error.message, hint: "use `bulwark db import PATH` to build the database from local files")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download advisories from the configured sources and rebuild the database atomically.",
            discussion: """
                Sources are the public OSV exports, the Alpine secdb, the Debian security tracker, CISA KEV and EPSS (see `--sources`). Downloads are conditional (ETag / Last-Modified), retried with backoff and resumed when interrupted; the database is replaced only when complete.

                EXAMPLES:
                  bulwark db update
                  bulwark db update --sources my-sources.json --db /srv/bulwark.db
                """)

        @Option(help: ArgumentHelp("A JSON file listing sources [{\"name\",\"url\",\"kind\"}] instead of the defaults.", valueName: "FILE"))
        var sources: String?

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            do {
                if options.offline { throw BulwarkError(.invalidInput, "db update needs the network; use `bulwark db import PATH` offline") }
                var list = DefaultSources.all
                if let sources { list = try Self.loadSources(sources) }
                let path = options.resolvedDatabasePath
                let showProgress = !options.quiet && Console.progressAllowed
                let reporter: (@Sendable (DownloadProgress) -> Void)? = showProgress ? Self.printProgress : nil
                let outcome = try await DatabaseMaintenance.update(
                    database: path, cacheDirectory: options.resolvedCacheDirectory, sources: list, progress: reporter)
                if showProgress { Console.note("") }
                if !options.quiet { DatabaseCommand.printStatistics(outcome.statistics, database: path) }
            } catch let error as BulwarkError {
                throw ExitStatus.report(error)
            }
        }

        @Sendable static func printProgress(_ progress: DownloadProgress) {
            Console.progress("\(progress.source): \(progress.received / 1024) KiB")
        }

        static func loadSources(_ path: String) throws(BulwarkError) -> [UpdateSource] {
            guard let data = FileManager.default.contents(atPath: path) else { throw BulwarkError(.notFound, "\(path): cannot read") }
            do {
                return try JSONDecoder().decode([UpdateSource].self, from: data)
            } catch {
                throw BulwarkError.invalid(path, "not a JSON list of {\"name\", \"url\", \"kind\"} sources")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import advisories from local files, directories, zips, URLs or a bundle (offline).",
            discussion: """
                PATH may be a directory or zip of OSV records (e.g. an ecosystem's all.zip), a single OSV file, an Alpine secdb or Debian security tracker JSON file, an NVD CVE 2.0 file, the CISA KEV catalog, an EPSS CSV, a URL to any of those, or a bundle written by `bulwark db export`. Malformed records are skipped and counted.

                EXAMPLES:
                  bulwark db import examples/advisories --db /tmp/example.db
                  bulwark db import debian.json alpine-v3.19-main.json known_exploited_vulnerabilities.json
                """)

        @Argument(help: "Files, directories, zips, URLs or one bundle.")
        var paths: [String]

        @Flag(help: "Start from an empty database instead of adding to the current one.")
        var replace = false

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            do {
                let path = options.resolvedDatabasePath
                let outcome = try await DatabaseMaintenance.importPaths(paths, database: path, replace: replace, cacheDirectory: options.resolvedCacheDirectory)
                if !options.quiet { DatabaseCommand.printStatistics(outcome.statistics, database: path) }
            } catch let error as BulwarkError {
                throw ExitStatus.report(error)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the database as one compressed bundle for `bulwark db import` elsewhere.",
            discussion: "EXAMPLES:\n  bulwark db export /media/usb/bulwark-db.bundle")

        @Argument(help: "The bundle file to write.")
        var file: String

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            do {
                try DatabaseBundle.export(databasePath: options.resolvedDatabasePath, to: file)
                if !options.quiet { Console.note("Wrote \(file)") }
            } catch let error as BulwarkError {
                throw ExitStatus.report(error)
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the database's sources, record counts, build time and age.",
            discussion: "EXAMPLES:\n  bulwark db status\n  bulwark db status --db /srv/bulwark.db --json")

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            do {
                try Console.emit(try Self.render(path: options.resolvedDatabasePath, json: json), to: options.output)
            } catch let error as BulwarkError {
                throw ExitStatus.report(error)
            }
        }

        static func render(path: String, json: Bool) throws(BulwarkError) -> [UInt8] {
            let metadata = try AdvisoryDatabase(path: path).metadata()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                guard let data = try? encoder.encode(metadata) else { throw BulwarkError(.io, "cannot encode the database status") }
                return [UInt8](data) + [0x0A]
            }
            var lines = ["Database: \(path)", "Schema:   \(metadata.schemaVersion)"]
            let age = RFC3339.parse(metadata.builtAt).map { Date().timeIntervalSince($0) / 3600 } ?? 0
            lines.append("Built:    \(metadata.builtAt) (\(String(format: "%.1f", age)) hours ago)")
            lines.append("Records:  \(metadata.advisoryCount) advisories, \(metadata.affectedCount) affected entries, \(metadata.enrichmentCount) CVE enrichments")
            lines.append("Sources:")
            for source in metadata.sources {
                lines.append("  \(source.name)  [\(source.kind)]  \(source.records) records, imported \(source.importedAt)")
            }
            return Array((lines.joined(separator: "\n") + "\n").utf8)
        }
    }

    static func printStatistics(_ statistics: ImportStatistics, database: String) {
        Console.note("Database \(database): \(statistics.advisories) advisories, \(statistics.enrichments) enrichments imported; \(statistics.malformed) malformed records skipped, \(statistics.withdrawn) withdrawn")
        for example in statistics.malformedExamples.prefix(5) { Console.note("  skipped: \(example)") }
        if !statistics.unknownEcosystems.isEmpty {
            let list = statistics.unknownEcosystems.sorted { $0.value > $1.value }.prefix(10).map { "\($0.key) (\($0.value))" }
            Console.note("  ecosystems not used by Bulwark: " + list.joined(separator: ", "))
        }
    }
}
