import BulwarkCore

/// A cataloger that reads each file it is interested in on its own (most lockfiles): it supplies
/// `parse`, and this extension walks the tree.
public protocol FileByFileCataloger: Cataloger {
    /// The packages and warnings of one file; never throws for bad input.
    static func parse(_ bytes: [UInt8], path: String) -> CatalogResult
}

extension FileByFileCataloger {
    /// Parses every interesting file of `tree` with ``parse(_:path:)``.
    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for file in TreeFileScan.files(in: tree, where: isInterested) {
            let found = Self.parse(file.bytes, path: file.path)
            result.packages += found.packages
            result.warnings += found.warnings
        }
        return result
    }
}

/// Like ``FileByFileCataloger`` for catalogers whose per-file parser is an instance method.
public protocol FileParsingCataloger: Cataloger {
    /// The packages and warnings of one file; never throws for bad input.
    func parse(_ bytes: [UInt8], path: String) -> CatalogResult
}

extension FileParsingCataloger {
    /// Parses every interesting file of `tree` with ``parse(_:path:)``.
    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for file in TreeFileScan.files(in: tree, where: isInterested) {
            let found = parse(file.bytes, path: file.path)
            result.packages += found.packages
            result.warnings += found.warnings
        }
        return result
    }
}
