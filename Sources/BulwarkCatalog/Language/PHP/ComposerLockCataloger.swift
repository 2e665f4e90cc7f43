import Foundation
import BulwarkCore

/// Lists PHP packages from `composer.lock`: `packages` (production) and `packages-dev` (development).
public struct ComposerLockCataloger: FileByFileCataloger {
    public let id = "composer-lock"
    public var scope: CatalogScope { .lockfile }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool { PathMatch.hasBaseName(path, "composer.lock") }

    /// The packages of one `composer.lock`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let object: [String: Any]
        switch StructuredInput.jsonObject(bytes, path: path) {
        case .failed(let warning): return CatalogResult(warnings: [warning])
        case .parsed(let parsed): object = parsed
        }
        var entries: [(object: Any, isDevelopment: Bool)] = []
        var warnings: [String] = []
        for (key, isDevelopment) in [("packages", false), ("packages-dev", true)] {
            guard let value = object[key], !(value is NSNull) else { continue }
            guard let list = value as? [Any] else {
                warnings.append("\(path): '\(key)' is not an array")
                continue
            }
            entries += list.map { ($0, isDevelopment) }
        }
        var result = ComposerPackageReader.packages(entries, path: path)
        result.warnings = WarningLimit.capped(warnings + result.warnings, path: path)
        return result
    }
}
