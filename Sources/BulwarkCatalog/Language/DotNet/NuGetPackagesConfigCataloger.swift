import BulwarkCore

/// Lists the NuGet packages of a classic .NET Framework project's `packages.config`
/// (`<package id="…" version="…" developmentDependency="true"/>`).
///
/// The XML is read by ``PackagesConfigParser`` (no entity expansion, nesting capped). A document
/// that is not well formed yields a warning with the line and no packages, as in Trivy; elements
/// without an `id` or `version` are skipped with a warning. `developmentDependency="true"` marks a
/// development package. The file states no dependencies.
public struct NuGetPackagesConfigCataloger: FileParsingCataloger {
    public let id = "nuget-packages-config"

    /// Creates the cataloger.
    public init() {}

    public var scope: CatalogScope { .lockfile }

    public func isInterested(in path: String) -> Bool { PathMatch.hasBaseName(path, "packages.config") }

    /// Parses one `packages.config`; `path` is used for `location` and in warnings.
    public func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let entries: [PackagesConfigEntry]
        do {
            entries = try PackagesConfigParser.parse(bytes)
        } catch {
            return CatalogResult(warnings: ["\(path):\(error.line): \(error.problem)"])
        }
        var result = CatalogResult()
        for entry in entries {
            guard NuGetPackageFactory.isPlausible(entry.id), NuGetPackageFactory.isPlausible(entry.version) else {
                result.warnings.append("\(path):\(entry.line): <package> without a valid id and version")
                continue
            }
            result.packages.append(NuGetPackageFactory.package(name: entry.id, version: entry.version, location: path, isDevelopment: entry.isDevelopment))
        }
        return result
    }
}
