import BulwarkCore

/// Lockfile helpers shared by the Node and .NET catalogers.
enum LockfilePaths {
    /// The paths in `tree` the predicate accepts, sorted, that hold collected contents.
    static func collected(in tree: any FileTree, where predicate: (String) -> Bool) -> [String] {
        tree.collectedPaths().filter { path in
            guard predicate(path), let node = tree.node(at: path) else { return false }
            return node.contents != nil || node.kind == .symlink
        }
    }

    /// The 1-based line of byte `offset` in `bytes`.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for byte in bytes.prefix(offset) where byte == 0x0A { line += 1 }
        return line
    }
}
