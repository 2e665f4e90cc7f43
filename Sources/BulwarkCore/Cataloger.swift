/// What a cataloger knows about the scan besides the files: the detected OS, for purls.
public struct CatalogContext: Sendable {
    /// The detected operating system, if any.
    public var operatingSystem: OperatingSystem?

    /// Creates a context.
    public init(operatingSystem: OperatingSystem? = nil) { self.operatingSystem = operatingSystem }
}

/// The packages a cataloger found, with non-fatal problems.
public struct CatalogResult: Sendable {
    /// The packages found.
    public var packages: [Package]
    /// Non-fatal problems, each naming the file.
    public var warnings: [String]

    /// Creates a result.
    public init(packages: [Package] = [], warnings: [String] = []) {
        self.packages = packages
        self.warnings = warnings
    }
}

/// Reads one package format out of a filesystem view.
///
/// Catalogers never see layers, archives or sources: they declare which paths they need
/// (``isInterested(in:)``), the image reader keeps only those bytes, and the cataloger reads them
/// from a ``FileTree``. Throwing means the database is corrupt (an error naming the file).
public protocol Cataloger: Sendable {
    /// A stable id, e.g. `dpkg`.
    var id: String { get }
    /// Whether the contents of `path` (absolute, normalized) are needed.
    func isInterested(in path: String) -> Bool
    /// Lists the packages in `tree`.
    func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult
}
