import ArgumentParser
import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkReport
import Foundation

/// Options every scanning command shares, so later capabilities plug in the same way.
public struct GlobalOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write results to FILE instead of standard output.", valueName: "FILE"))
    public var output: String?

    @Option(help: ArgumentHelp("Vulnerability database path (env BULWARK_DB; default: <cache dir>/db/bulwark.db).", valueName: "PATH"))
    public var db: String?

    @Option(help: ArgumentHelp("Cache and scratch directory (env BULWARK_CACHE_DIR; default: the user cache dir).", valueName: "PATH"))
    public var cacheDir: String?

    @Flag(help: "Neither read nor write the per-layer analysis cache (<cache dir>/layers); every layer is read.")
    public var noCache = false

    @Flag(help: "Never use the network (no automatic database update; SBOM generation never uses it).")
    public var offline = false

    @Flag(name: [.short, .long], help: "Print only results and errors: no progress or notes.")
    public var quiet = false

    @Flag(help: "Print debug logs to standard error.")
    public var debug = false

    public init() {}

    /// The cache directory in effect.
    public var resolvedCacheDirectory: String {
        cacheDir ?? DatabaseLocation.defaultCacheDirectory()
    }

    /// The per-layer analysis cache in effect: `<cache dir>/layers`, or nil with `--no-cache`.
    public var layerCache: LayerCache? {
        noCache ? nil : LayerCache(cacheDirectory: resolvedCacheDirectory)
    }

    /// The advisory database path in effect.
    public var resolvedDatabasePath: String {
        DatabaseLocation.resolve(explicit: db, cacheDirectory: cacheDir)
    }

    /// A per-process scratch directory under the temp dir.
    public var scratchDirectory: String {
        NSTemporaryDirectory() + "bulwark-\(ProcessInfo.processInfo.processIdentifier)"
    }
}

/// The `--format` of the SBOM commands.
public struct SBOMFormatOption: ParsableArguments {
    @Option(name: [.short, .long], help: "Output format: \(SBOMFormat.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: ", ")).")
    public var format: SBOMFormat = .table

    public init() {}
}

extension SBOMFormat: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ReportFormat: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
