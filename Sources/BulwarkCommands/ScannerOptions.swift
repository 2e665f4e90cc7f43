import ArgumentParser
import BulwarkLicense
import Foundation

/// What a scan looks for.
enum ScannerKind: String, CaseIterable, Comparable {
    /// Known vulnerabilities of the packages (needs the advisory database).
    case vuln
    /// Image hardening: the config (user, health check, credentials) and the filesystem (modes, keys, caches).
    case misconfig
    /// Declared licenses normalized to SPDX and categorized (`--fail-on-license`).
    case license

    static func < (lhs: ScannerKind, rhs: ScannerKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// `--scanners LIST`.
struct ScannerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Scanners to run, comma-separated: vuln (known vulnerabilities), misconfig (image config and filesystem hardening, rules BW-IMG-*), license (declared licenses as SPDX, categorized). Default: vuln.",
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
            case "license", "licenses": result.insert(.license)
            default:
                throw ValidationError("unknown scanner '\(name)' in --scanners: use \(ScannerKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        guard !result.isEmpty else { throw ValidationError("--scanners needs at least one of \(ScannerKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        return result
    }

    @Option(
        help: ArgumentHelp(
            "With --scanners license: fail (with --exit-code) when a package's license category is this or more restrictive: forbidden, unknown, restricted, reciprocal, notice, permissive, unencumbered.",
            valueName: "CATEGORY"))
    var failOnLicense: String?

    @Option(help: ArgumentHelp("License policy (YAML): categories (SPDX id → category), allowed and forbidden id lists.", valueName: "FILE"))
    var licensePolicy: String?

    /// The `--fail-on-license` category.
    func licenseGate() throws -> LicenseCategory? {
        guard let failOnLicense else { return nil }
        guard let category = LicenseCategory(rawValue: failOnLicense.lowercased()) else {
            throw ValidationError("unknown license category '\(failOnLicense)': use \(LicenseCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return category
    }

    func validate() throws {
        let kinds = try selected()
        _ = try licenseGate()
        if (failOnLicense != nil || licensePolicy != nil) && !kinds.contains(.license) {
            throw ValidationError("--fail-on-license and --license-policy need --scanners with license")
        }
    }
}
