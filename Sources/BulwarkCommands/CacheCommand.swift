import ArgumentParser
import BulwarkCore
import BulwarkImage
import Foundation

/// `bulwark cache …`: inspect and empty the per-layer analysis cache and the registry blob store.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clean the layer analysis cache and the downloaded registry blobs.",
        discussion: """
            Image scans remember what they found in each layer under <cache dir>/layers, keyed by the layer's diffID and the analyzers in effect, so a layer shared by many images (a common base) is read once. A database update never invalidates it: matching runs after the cache. Many scans may share one cache at the same time. Use --no-cache on a scan to bypass it.

            EXAMPLES:
              bulwark cache status
              bulwark cache status --format json --cache-dir /srv/bulwark-cache
              bulwark cache clean
            """,
        subcommands: [Status.self, Clean.self]
    )

    /// The registry blob store another command fills (`<cache dir>/blobs`).
    static func blobDirectory(_ options: GlobalOptions) -> String { options.resolvedCacheDirectory + "/blobs" }

    /// Total size and count of the regular files below `directory` (0 when it does not exist).
    static func usage(of directory: String) -> (files: Int, bytes: Int64) {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return (0, 0) }
        var files = 0
        var bytes: Int64 = 0
        while walker.nextObject() != nil {
            guard let attributes = walker.fileAttributes, attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            files += 1
            bytes += (attributes[.size] as? NSNumber)?.int64Value ?? 0
        }
        return (files, bytes)
    }

    /// Output formats of `cache status`.
    enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    /// What `cache status --format json` prints.
    struct Report: Codable, Equatable {
        var layers: LayerCacheStatus
        var blobs: BlobUsage
    }

    /// Files and bytes of the registry blob store.
    struct BlobUsage: Codable, Equatable {
        var path: String
        var files: Int
        var totalBytes: Int64
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show where the cache is, how many layer entries it holds and their size.",
            discussion: "EXAMPLES:\n  bulwark cache status\n  bulwark cache status --format json")

        @Option(name: [.short, .long], help: "Output format: table or json.")
        var format: StatusFormat = .table

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            do {
                try Console.emit(Self.render(options: options, format: format), to: options.output)
            } catch {
                throw ExitStatus.report(error)
            }
        }

        static func render(options: GlobalOptions, format: StatusFormat) throws(BulwarkError) -> [UInt8] {
            let layers = LayerCache(cacheDirectory: options.resolvedCacheDirectory).status()
            let blobPath = CacheCommand.blobDirectory(options)
            let blobUsage = CacheCommand.usage(of: blobPath)
            let report = Report(layers: layers, blobs: BlobUsage(path: blobPath, files: blobUsage.files, totalBytes: blobUsage.bytes))
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                guard let data = try? encoder.encode(report) else { throw BulwarkError(.io, "cannot encode the cache status") }
                return [UInt8](data) + [0x0A]
            case .table:
                var lines = [
                    "Layer cache:  \(layers.path)",
                    "Entries:      \(layers.entries) (\(CacheCommand.humanBytes(layers.totalBytes)))",
                ]
                if layers.temporaryFiles > 0 { lines.append("Unfinished:   \(layers.temporaryFiles) temporary files (removed by `bulwark cache clean`)") }
                lines.append("Blob store:   \(blobPath)")
                lines.append("Blobs:        \(blobUsage.files) files (\(CacheCommand.humanBytes(blobUsage.bytes)))")
                return Array((lines.joined(separator: "\n") + "\n").utf8)
            }
        }
    }

    struct Clean: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the layer cache and the downloaded registry blobs (never the vulnerability database).",
            discussion: "EXAMPLES:\n  bulwark cache clean\n  bulwark cache clean --cache-dir /srv/bulwark-cache")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            do {
                let removed = try LayerCache(cacheDirectory: options.resolvedCacheDirectory).clean()
                let blobPath = CacheCommand.blobDirectory(options)
                let blobUsage = CacheCommand.usage(of: blobPath)
                if FileManager.default.fileExists(atPath: blobPath) {
                    do {
                        try FileManager.default.removeItem(atPath: blobPath)
                    } catch {
                        throw BulwarkError(.io, "\(blobPath): cannot remove the blob store (\(error.localizedDescription))")
                    }
                }
                if !options.quiet {
                    Console.note(
                        "Removed \(removed.entries) layer entries (\(CacheCommand.humanBytes(removed.totalBytes))) and \(blobUsage.files) blob files (\(CacheCommand.humanBytes(blobUsage.bytes))) from \(options.resolvedCacheDirectory)")
                }
            } catch let error as BulwarkError {
                throw ExitStatus.report(error)
            }
        }
    }

    /// `12.3 MiB`-style sizes.
    static func humanBytes(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
