import ArgumentParser
import Foundation

/// What a scan looks for.
enum ScannerKind: String, CaseIterable, Comparable {
    /// Known vulnerabilities of the packages (needs the advisory database).
    case vuln
    /// Image hardening: the config (user, health check, credentials) and the filesystem (modes, keys, caches).
    case misconfig

    static func < (lhs: ScannerKind, rhs: ScannerKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// `--scanners LIST`.
struct ScannerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Scanners to run, comma-separated: vuln (known vulnerabilities), misconfig (image config and filesystem hardening, rules BW-IMG-*). Default: vuln.",
            valueName: "LIST"))
    var scanners: String = "vuln"

    /// The chosen scanners; throws a validation error naming an unknown one.
    func selected() throws -> Set<ScannerKind> {
        var result = Set<ScannerKind>()
        for word in scanners.split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            switch name {
            case "vuln", "vulnerability", "vulnerabilities": result.insert(.vuln)
            case "misconfig", "misconfiguration", "config": result.insert(.misconfig)
            default:
                throw ValidationError("unknown scanner '\(name)' in --scanners: use \(ScannerKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        guard !result.isEmpty else { throw ValidationError("--scanners needs at least one of \(ScannerKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        return result
    }

    func validate() throws { _ = try selected() }
}
