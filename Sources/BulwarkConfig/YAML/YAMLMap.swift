import Yams

/// A mapping node's entries by string key, with YAML merge keys (`<<: *anchor`) applied: explicit
/// keys win over merged ones, earlier merge sources over later ones.
struct YAMLMap {
    /// One entry: the key, its line, and the value.
    struct Entry {
        var key: String
        var line: Int
        var value: Node
    }

    private(set) var entries: [Entry] = []
    /// The mapping's own line.
    let line: Int

    /// An empty mapping (for files whose root is not a mapping).
    init(emptyAt line: Int) { self.line = line }

    init?(_ node: Node?) {
        guard let node, case .mapping(let mapping) = node else { return nil }
        line = node.mark?.line ?? 1
        var merged: [Entry] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if name == "<<" {
                let sources: [Node]
                if case .sequence(let list) = value { sources = Array(list) } else { sources = [value] }
                for source in sources {
                    guard let map = YAMLMap(source) else { continue }
                    for entry in map.entries where !merged.contains(where: { $0.key == entry.key }) { merged.append(entry) }
                }
            } else {
                entries.append(Entry(key: name, line: key.mark?.line ?? line, value: value))
            }
        }
        for entry in merged where !entries.contains(where: { $0.key == entry.key }) { entries.append(entry) }
    }

    /// Adds `base`'s entries for keys this map does not set (Compose `extends`); when `line` is given,
    /// the inherited entries report that line (the `extends` key) instead of their own.
    mutating func inherit(from base: YAMLMap, reportedAt line: Int?) {
        for entry in base.entries where !entries.contains(where: { $0.key == entry.key }) {
            entries.append(Entry(key: entry.key, line: line ?? entry.line, value: entry.value))
        }
    }

    /// The value for `key`.
    subscript(_ key: String) -> Node? { entries.first(where: { $0.key == key })?.value }

    /// The line of `key`'s entry, or the mapping's line.
    func line(of key: String) -> Int { entries.first(where: { $0.key == key })?.line ?? line }

    /// A nested mapping.
    func map(_ key: String) -> YAMLMap? { YAMLMap(self[key]) }

    /// A string scalar value.
    func string(_ key: String) -> String? { self[key]?.scalar?.string }

    /// A boolean scalar value (YAML 1.1 words accepted).
    func bool(_ key: String) -> Bool? {
        guard let text = string(key)?.lowercased() else { return nil }
        if ["true", "yes", "on", "y"].contains(text) { return true }
        if ["false", "no", "off", "n"].contains(text) { return false }
        return nil
    }

    /// The elements of a sequence value (empty when absent or not a sequence).
    func list(_ key: String) -> [Node] {
        guard let node = self[key], case .sequence(let sequence) = node else { return [] }
        return Array(sequence)
    }
}
