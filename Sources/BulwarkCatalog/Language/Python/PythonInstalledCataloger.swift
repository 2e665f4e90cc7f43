import Foundation
import BulwarkCore

/// Lists installed Python distributions from `*.dist-info/METADATA`, `*.egg-info/PKG-INFO`,
/// `*.egg-info` files and `*.egg/EGG-INFO/PKG-INFO` inside any `site-packages` or `dist-packages`
/// directory (system interpreters, virtualenvs, user installs).
///
/// Dependencies (`Requires-Dist` without an `extra` marker) are resolved against the distributions
/// installed in the same directory. A record without a name or version is a warning.
public struct PythonInstalledCataloger: Cataloger {
    public let id = "python-installed"
    public var scope: CatalogScope { .installed }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool {
        guard PathMatch.hasSuffix(path, ".dist-info/METADATA") || PathMatch.hasSuffix(path, ".egg-info/PKG-INFO")
            || PathMatch.hasSuffix(path, ".egg-info") || PathMatch.hasSuffix(path, ".egg/EGG-INFO/PKG-INFO")
        else { return false }
        return PathMatch.contains(path, "/site-packages/") || PathMatch.contains(path, "/dist-packages/")
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        var found: [(package: Package, requires: [String], directory: String)] = []
        for file in TreeFileScan.files(in: tree, where: isInterested) {
            let metadata = PythonCoreMetadata.parse(TextDecoding.text(Array(file.bytes.prefix(StructuredInput.maxBytes))))
            guard let name = metadata.name, !name.isEmpty, let version = metadata.version, !version.isEmpty else {
                result.warnings.append("\(file.path):1: Python metadata without Name or Version")
                continue
            }
            let licenses = PythonLicense.licenses(
                expression: metadata.licenseExpression, license: metadata.license, classifiers: metadata.classifiers)
            let package = Package.library(
                .pypi, name: name, version: version, purl: PythonPackageNames.purl(name: name, version: version),
                location: file.path, licenses: licenses)
            let requires = metadata.requiresDist.filter { !$0.contains("extra ==") && !$0.contains("extra==") }
                .compactMap { PythonPackageNames.requirementName(Substring($0)).map(String.init) }
            found.append((package, requires, Self.sitePackagesDirectory(of: file.path)))
        }
        var installed: [String: [String: (name: String, version: String)]] = [:]
        for entry in found {
            installed[entry.directory, default: [:]][PythonPackageNames.lookupKey(entry.package.name)] = (entry.package.name, entry.package.version)
        }
        for entry in found {
            var package = entry.package
            package.dependencies = PythonPackageNames.resolve(entry.requires, versions: installed[entry.directory] ?? [:])
            result.packages.append(package)
        }
        return result
    }

    /// The `…/site-packages` or `…/dist-packages` directory holding `path`.
    static func sitePackagesDirectory(of path: String) -> String {
        for marker in ["/site-packages/", "/dist-packages/"] {
            if let range = path.range(of: marker, options: .backwards) { return String(path[..<range.upperBound]) }
        }
        return PathNormalizer.parent(path)
    }
}
