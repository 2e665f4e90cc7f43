import BulwarkCore

/// Cheap path tests shared by the Node and .NET catalogers: run for every path of an image, so no
/// allocation and no regular expressions — only byte comparisons on the path's UTF-8 view.
enum LockfilePaths {
    /// Whether the last component of `path` is exactly `name`.
    static func hasBaseName(_ path: String, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let utf8 = path.utf8
        guard utf8.count > count else { return false }
        var index = utf8.endIndex
        let start = name.utf8Start
        var offset = count
        while offset > 0 {
            index = utf8.index(before: index)
            offset -= 1
            if utf8[index] != start[offset] { return false }
        }
        return utf8[utf8.index(before: index)] == 0x2F
    }

    /// Whether the last component of `path` ends with `suffix` (case-sensitive) and is longer than it.
    static func baseNameHasSuffix(_ path: String, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        let utf8 = path.utf8
        guard utf8.count > count + 1 else { return false }
        var index = utf8.endIndex
        let start = suffix.utf8Start
        var offset = count
        while offset > 0 {
            index = utf8.index(before: index)
            offset -= 1
            if utf8[index] != start[offset] { return false }
        }
        return utf8[utf8.index(before: index)] != 0x2F
    }

    /// Whether `path` has a component exactly equal to `component` (not the last one).
    static func containsDirectory(_ path: String, _ component: StaticString) -> Bool {
        let count = component.utf8CodeUnitCount
        let start = component.utf8Start
        return path.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count > count + 2 else { return false }
            var index = 0
            while index + count + 1 < bytes.count {
                if bytes[index] == 0x2F {
                    var matches = bytes[index + count + 1] == 0x2F
                    var offset = 0
                    while matches && offset < count {
                        if bytes[index + 1 + offset] != start[offset] { matches = false }
                        offset += 1
                    }
                    if matches { return true }
                }
                index += 1
            }
            return false
        } ?? path.contains("/" + String(describing: component) + "/")
    }

    /// The paths in `tree` the predicate accepts, sorted, that hold collected contents.
    static func collected(in tree: any FileTree, where predicate: (String) -> Bool) -> [String] {
        tree.paths(under: "/").filter { path in
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
