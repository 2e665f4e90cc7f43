import BulwarkCore

/// Lists Python packages pinned by lockfiles in a folder: `requirements*.txt`, `poetry.lock`,
/// `Pipfile.lock`, `uv.lock` and `pdm.lock`. Problems are warnings; nothing throws.
public struct PythonLockfileCataloger: Cataloger {
    public let id = "python-lockfile"
    public var scope: CatalogScope { .lockfile }

    /// Creates the cataloger.
    public init() {}

    public func isInterested(in path: String) -> Bool {
        let name = PathNormalizer.baseName(path)
        switch name {
        case "poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock": return true
        default: return name.hasPrefix("requirements") && name.hasSuffix(".txt")
        }
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
