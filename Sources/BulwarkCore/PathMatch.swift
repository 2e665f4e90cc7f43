/// Allocation-free path tests for the predicates that run on every file of every scan
/// (`Cataloger.isInterested(in:)`): byte comparisons on the UTF-8 view only, no `Character`
/// segmentation, no regular expressions.
public enum PathMatch {
    /// Whether the last component of `path` is exactly `name`.
    public static func hasBaseName(_ path: String, _ name: StaticString) -> Bool {
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
    public static func baseNameHasSuffix(_ path: String, _ suffix: StaticString) -> Bool {
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
    public static func containsDirectory(_ path: String, _ component: StaticString) -> Bool {
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

    /// Whether `path` ends with `suffix`, compared byte for byte.
    public static func hasSuffix(_ path: String, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        let utf8 = path.utf8
        guard utf8.count >= count else { return false }
        let start = suffix.utf8Start
        var index = utf8.endIndex
        var offset = count
        while offset > 0 {
            index = utf8.index(before: index)
            offset -= 1
            if utf8[index] != start[offset] { return false }
        }
        return true
    }

    /// Whether `path` starts with `prefix`, compared byte for byte.
    public static func hasPrefix(_ path: String, _ prefix: StaticString) -> Bool {
        path.utf8.starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
    }

    /// Whether `path` contains `fragment`, compared byte for byte.
    public static func contains(_ path: String, _ fragment: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: fragment.utf8Start, count: fragment.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        let utf8 = path.utf8
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: first) {
            if utf8[found...].starts(with: needle) { return true }
            index = utf8.index(after: found)
        }
        return false
    }
}
