import ArgumentParser
import BulwarkCore
import BulwarkReport
import Foundation

/// Options every scanning command shares, so later capabilities plug in the same way.
public struct GlobalOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Output format: \(SBOMFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    public var format: SBOMFormat = .table

    @Option(name: [.short, .long], help: ArgumentHelp("Write results to FILE instead of standard output.", valueName: "FILE"))
    public var output: String?

    @Option(help: ArgumentHelp("Vulnerability database path (env BULWARK_DB). Not used by SBOM generation.", valueName: "PATH"))
    public var db: String?

    @Option(help: ArgumentHelp("Cache and scratch directory (env BULWARK_CACHE_DIR; default: the user cache dir).", valueName: "PATH"))
    public var cacheDir: String?

    @Flag(help: "Never use the network (SBOM generation never does).")
    public var offline = false

    @Flag(name: [.short, .long], help: "Print only results and errors: no progress or notes.")
    public var quiet = false

    @Flag(help: "Print debug logs to standard error.")
    public var debug = false

    public init() {}

    /// The cache directory in effect.
    public var resolvedCacheDirectory: String {
        if let cacheDir { return cacheDir }
        if let env = ProcessInfo.processInfo.environment["BULWARK_CACHE_DIR"], !env.isEmpty { return env }
        if let xdg = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/bulwark" }
        return NSHomeDirectory() + "/.cache/bulwark"
    }

    /// A per-process scratch directory under the temp dir.
    public var scratchDirectory: String {
        NSTemporaryDirectory() + "bulwark-\(ProcessInfo.processInfo.processIdentifier)"
    }
}

extension SBOMFormat: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
