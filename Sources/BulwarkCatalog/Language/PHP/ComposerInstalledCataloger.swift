import BulwarkCore

/// Lists PHP packages installed by composer from `vendor/composer/installed.json`, in both the
/// composer 1 form (a JSON array) and the composer 2 form (`{"packages": [...], "dev-package-names": [...]}`,
/// whose dev names mark development packages).
public struct ComposerInstalledCataloger: FileByFileCataloger {
    public let id = "composer-installed"
    public var scope: CatalogScope { .installed }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool { PathMatch.hasSuffix(path, "/vendor/composer/installed.json") }

    /// The packages of one `installed.json`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let document: Any
        switch StructuredInput.json(bytes, path: path) {
        case .failed(let warning): return CatalogResult(warnings: [warning])
        case .parsed(let parsed): document = parsed
        }
        let list: [Any]
        var developmentNames = Set<String>()
        if let array = document as? [Any] {
            list = array
        } else if let object = document as? [String: Any], let packages = object["packages"] as? [Any] {
            list = packages
            developmentNames = Set((object["dev-package-names"] as? [Any] ?? []).compactMap { $0 as? String })
        } else {
            return CatalogResult(warnings: ["\(path): expected an array of packages or an object with 'packages'"])
        }
        let entries = list.map { entry -> (object: Any, isDevelopment: Bool) in
            let name = (entry as? [String: Any])?["name"] as? String ?? ""
            return (entry, developmentNames.contains(name))
        }
        var result = ComposerPackageReader.packages(entries, path: path)
        result.warnings = WarningLimit.capped(result.warnings, path: path)
        return result
    }
}
