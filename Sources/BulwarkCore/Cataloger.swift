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

/// Where a cataloger applies: installed metadata is read in images and folders, lockfiles only in
/// folders (`bulwark fs`), as an image's lockfiles describe what was built, not what is installed.
public enum CatalogScope: String, Sendable, Hashable {
    /// Installed package databases and metadata (images, root filesystems, folders).
    case installed
    /// Lockfiles and manifests (folders only).
    case lockfile
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
    /// Where it applies (default: installed metadata).
    var scope: CatalogScope { get }
}

extension Cataloger {
    public var scope: CatalogScope { .installed }
}

/// Examines single files while their layer streams by — compiled binaries (Go build info,
/// cargo-auditable) and archives (jars) — so no file is ever kept beyond its own analysis.
///
/// Analyzers must never throw for bad input: problems become warnings naming the file.
public protocol FileAnalyzer: Sendable {
    /// A stable id, e.g. `go-binary`.
    var id: String { get }
    /// Whether to read the file at `path` (absolute) with permission bits `mode` and `size` bytes.
    func wants(path: String, mode: UInt32, size: Int64) -> Bool
    /// The packages in the file (each with `location` = `path`), plus warnings.
    func analyze(path: String, bytes: [UInt8]) -> CatalogResult
}
