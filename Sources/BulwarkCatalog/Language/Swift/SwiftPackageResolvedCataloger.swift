import Foundation
import BulwarkCore

/// Lists Swift packages pinned by SwiftPM's `Package.resolved` (versions 1, 2 and 3), in folders and in
/// images. The name is the repository location without scheme and `.git` (`github.com/apple/swift-nio`),
/// the version is `state.version`, else the pinned `state.revision`; the purl is
/// `pkg:swift/<host>/<owner>/<repo>@<version>`. Local (file system) pins are left out.
public struct SwiftPackageResolvedCataloger: FileByFileCataloger {
    public let id = "swift-package-resolved"
    public var scope: CatalogScope { .installed }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool { PathMatch.hasBaseName(path, "Package.resolved") }

    /// The packages of one `Package.resolved`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        let object: [String: Any]
        switch StructuredInput.jsonObject(bytes, path: path) {
        case .failed(let warning): return CatalogResult(warnings: [warning])
        case .parsed(let parsed): object = parsed
        }
        let pins: [Any]
        if object.isEmpty {
            return CatalogResult()  // SwiftPM writes `{}` when nothing is pinned
        } else if let list = object["pins"] as? [Any] {
            pins = list  // versions 2 and 3
        } else if let inner = object["object"] as? [String: Any], let list = inner["pins"] as? [Any] {
            pins = list  // version 1
        } else {
            return CatalogResult(warnings: ["\(path): no 'pins' array (not a Package.resolved of version 1, 2 or 3)"])
        }
        var result = CatalogResult()
        for (index, value) in pins.enumerated() {
            guard let pin = value as? [String: Any] else {
                result.warnings.append("\(path): pin #\(index + 1) is not an object")
                continue
            }
            let kind = pin["kind"] as? String
            if kind == "fileSystem" || kind == "localSourceControl" { continue }
            guard let location = (pin["location"] ?? pin["repositoryURL"]) as? String, let repository = repositoryPath(location) else {
                result.warnings.append("\(path): pin #\(index + 1) has no usable repository location")
                continue
            }
            let state = pin["state"] as? [String: Any] ?? [:]
            guard let version = (state["version"] as? String) ?? (state["revision"] as? String), !version.isEmpty else {
                result.warnings.append("\(path): pin '\(repository)' has neither a version nor a revision")
                continue
            }
            let segments = repository.split(separator: "/").map(String.init)
            let purl = PackageURL(
                type: "swift", namespace: segments.dropLast().joined(separator: "/"), name: segments.last ?? repository, version: version)
            result.packages.append(Package.library(.swift, name: repository, version: version, purl: purl, location: path))
        }
        result.warnings = WarningLimit.capped(result.warnings, path: path)
        return result
    }

    /// `https://github.com/apple/swift-nio.git`, `git@github.com:apple/swift-nio.git`,
    /// `ssh://git@github.com/apple/swift-nio` → `github.com/apple/swift-nio`; nil for local paths.
    public static func repositoryPath(_ location: String) -> String? {
        var rest = Substring(location)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("/") || rest.hasPrefix(".") {
            return nil
        } else if let colon = rest.firstIndex(of: ":") {
            // scp-like `user@host:owner/repo`
            rest = rest[..<colon] + "/" + rest[rest.index(after: colon)...]
        }
        if let at = rest.firstIndex(of: "@"), let slash = rest.firstIndex(of: "/"), at < slash { rest = rest[rest.index(after: at)...] }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.hasSuffix(".git") { rest = rest.dropLast(4) }
        let segments = rest.split(separator: "/")
        guard segments.count >= 2, let host = segments.first, host.contains(".") || host == "localhost" else { return nil }
        // Host names are case-insensitive; owner and repository keep their case.
        return ([host.lowercased()] + segments.dropFirst().map(String.init)).joined(separator: "/")
    }
}
