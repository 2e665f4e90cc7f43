import ArgumentParser
import BulwarkLicense
import Foundation

/// What a scan looks for.
enum ScannerKind: String, CaseIterable, Comparable {
    /// Known vulnerabilities of the packages (needs the advisory database).
    case vuln
    /// Image hardening: the config (user, health check, credentials) and the filesystem (modes, keys, caches).
    case misconfig
    /// Credentials in every layer's files (deleted ones too) and in the image config.
    case secret
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
            "Scanners to run, comma-separated: vuln (known vulnerabilities), misconfig (image config and filesystem hardening, rules BW-IMG-*), secret (credentials in every layer, deleted files included, and the config), license (declared licenses as SPDX, categorized). Default: vuln.",
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
            case "secret", "secrets": result.insert(.secret)
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

    @Option(help: ArgumentHelp("Secret scanning rules (YAML): extra rules, disabled rule ids, allow rules.", valueName: "FILE"))
    var secretConfig: String?

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
        if secretConfig != nil && !kinds.contains(.secret) { throw ValidationError("--secret-config needs --scanners with secret") }
        if (failOnLicense != nil || licensePolicy != nil) && !kinds.contains(.license) {
            throw ValidationError("--fail-on-license and --license-policy need --scanners with license")
        }
    }
}
