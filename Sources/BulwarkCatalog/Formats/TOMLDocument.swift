/// The result of parsing a TOML file: the root table and the problems met on the way.
///
/// Lines that could not be parsed are left out and named in ``warnings`` as `"<path>:<line>: <problem>"`.
public struct TOMLDocument: Sendable {
    /// The top-level table.
    public var root: [String: TOMLValue]
    /// Problems, each naming the file and line.
    public var warnings: [String]

    /// Creates a document.
    public init(root: [String: TOMLValue] = [:], warnings: [String] = []) {
        self.root = root
        self.warnings = warnings
    }

    /// The value at a top-level key.
    public subscript(key: String) -> TOMLValue? { root[key] }
}
