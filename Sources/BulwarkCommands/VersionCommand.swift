import ArgumentParser
import BulwarkCore
import BulwarkEngine
import BulwarkVulnDB
import Foundation

/// `bulwark version`: the build, the platform, and the database schema this binary reads.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version, the build, and the advisory database schema this binary reads.",
        discussion: "EXAMPLES:\n  bulwark version\n  bulwark version --format json")

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var format: VersionFormat = .text

    @Option(help: ArgumentHelp("Also report this database's schema and age (default: the usual path).", valueName: "PATH"))
    var db: String?

    enum VersionFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        var facts: [(String, String)] = [
            ("version", Bulwark.version),
            ("build", Self.buildConfiguration),
            ("platform", Self.platform),
            ("database schema", String(AdvisoryDatabase.schemaVersion)),
        ]
        let path = DatabaseLocation.resolve(explicit: db, cacheDirectory: nil)
        if let metadata = try? AdvisoryDatabase(path: path).metadata() {
            facts.append(("database", "\(path) (schema \(metadata.schemaVersion), built \(metadata.builtAt))"))
        } else {
            facts.append(("database", "\(path) (none; create it with `bulwark db update` or `bulwark db import`)"))
        }
        let text: String
        switch format {
        case .text:
            text = facts.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        case .json:
            let object = Dictionary(uniqueKeysWithValues: facts.map { ($0.0.replacingOccurrences(of: " ", with: "_"), $0.1) })
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
            text = String(decoding: data, as: UTF8.self)
        }
        do {
            try Console.emit(Array((text + "\n").utf8), to: nil)
        } catch {
            throw ExitStatus.report(error)
        }
    }

    static var buildConfiguration: String {
        #if DEBUG
            return "debug"
        #else
            return "release"
        #endif
    }

    static var platform: String {
        #if arch(x86_64)
            let architecture = "x86_64"
        #elseif arch(arm64)
            let architecture = "arm64"
        #else
            let architecture = "unknown"
        #endif
        #if os(Linux)
            return "linux/" + architecture
        #else
            return "other/" + architecture
        #endif
    }
}
