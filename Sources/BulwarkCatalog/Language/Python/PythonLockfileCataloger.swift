import BulwarkCore

/// Lists Python packages pinned by lockfiles in a folder: `requirements*.txt`, `poetry.lock`,
/// `Pipfile.lock`, `uv.lock` and `pdm.lock`. Problems are warnings; nothing throws.
public struct PythonLockfileCataloger: Cataloger {
    public let id = "python-lockfile"
    public var scope: CatalogScope { .lockfile }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool {
        if PathMatch.hasBaseName(path, "poetry.lock") || PathMatch.hasBaseName(path, "Pipfile.lock")
            || PathMatch.hasBaseName(path, "uv.lock") || PathMatch.hasBaseName(path, "pdm.lock")
        {
            return true
        }
        guard PathMatch.hasSuffix(path, ".txt") else { return false }
        return PathNormalizer.baseName(path).utf8.starts(with: "requirements".utf8)
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for file in TreeFileScan.files(in: tree, where: isInterested) {
            let found: CatalogResult
            switch PathNormalizer.baseName(file.path) {
            case "poetry.lock": found = PoetryLockParser.parse(file.bytes, path: file.path)
            case "Pipfile.lock": found = PipfileLockParser.parse(file.bytes, path: file.path)
            case "uv.lock": found = UVLockParser.parse(file.bytes, path: file.path)
            case "pdm.lock": found = PDMLockParser.parse(file.bytes, path: file.path)
            default: found = RequirementsFileParser.parse(file.bytes, path: file.path)
            }
            result.packages += found.packages
            result.warnings += found.warnings
        }
        return result
    }
}
