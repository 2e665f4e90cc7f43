import Yams

/// Turns a Yams node tree into a ``ComposeValue`` tree tagged with one file's index: applies YAML
/// merge keys (explicit keys win, earlier merge sources over later ones), reads `!reset` /
/// `!override` tags, and bounds depth and size so hostile files cannot exhaust the stack or memory.
struct ComposeValueLoader {
    /// The file the nodes come from.
    let fileIndex: Int
    /// Deepest nesting converted.
    let maximumDepth: Int
    /// Nodes still allowed (aliases count every time they are expanded).
    private(set) var budget: Int

    init(fileIndex: Int, maximumDepth: Int, budget: Int) {
        self.fileIndex = fileIndex
        self.maximumDepth = maximumDepth
        self.budget = budget
    }

    /// The converted tree of `node`; throws a rejection naming the line of the node that broke a limit.
    mutating func convert(_ node: Node, depth: Int = 0) throws(YAMLGuard.Rejection) -> ComposeValue {
        let line = node.mark?.line ?? 1
        budget -= 1
        if budget < 0 { throw YAMLGuard.Rejection(line: line, message: "Compose file has too many values (limit reached)") }
        if depth > maximumDepth {
            throw YAMLGuard.Rejection(line: line, message: "Compose nesting deeper than \(maximumDepth) levels")
        }
        let origin = ComposeOrigin(fileIndex: fileIndex, line: line)
        var value: ComposeValue
        switch node {
        case .scalar(let scalar):
            value = ComposeValue(Self.isNull(scalar) ? .null : .scalar(scalar.string), origin: origin)
        case .sequence(let sequence):
            var elements: [ComposeValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence { elements.append(try convert(element, depth: depth + 1)) }
            value = ComposeValue(.sequence(elements), origin: origin)
        case .mapping(let mapping):
            var explicit: [ComposeEntry] = []
            var merged: [ComposeEntry] = []
            var seen = Set<String>()
            for (key, child) in mapping {
                guard case .scalar(let keyScalar) = key else { continue }
                if keyScalar.string == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                    let sources: [Node]
                    if case .sequence(let list) = child { sources = Array(list) } else { sources = [child] }
                    for source in sources {
                        guard case .mapping = source else { continue }
                        for entry in try convert(source, depth: depth + 1).entries where !seen.contains(entry.key) {
                            seen.insert(entry.key)
                            merged.append(entry)
                        }
                    }
                    continue
                }
                explicit.append(
                    ComposeEntry(key: keyScalar.string, origin: ComposeOrigin(fileIndex: fileIndex, line: key.mark?.line ?? line), value: try convert(child, depth: depth + 1)))
            }
            let explicitKeys = Set(explicit.map(\.key))
            value = ComposeValue(.mapping(explicit + merged.filter { !explicitKeys.contains($0.key) }), origin: origin)
        case .alias:
            value = ComposeValue(.null, origin: origin)
        }
        value.directive = Self.directive(of: node)
        return value
    }

    /// A plain scalar spelling YAML's null (or an explicit `!!null`).
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        let name = scalar.tag.description
        if name == Tag.Name.null.rawValue { return true }
        guard scalar.style == .plain || scalar.style == .any, name == Tag.Name.implicit.rawValue || name.hasPrefix("!") else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The Compose merge tag on `node`, if any.
    static func directive(of node: Node) -> ComposeDirective? {
        switch node.tag.description {
        case "!reset": return .reset
        case "!override": return .override
        default: return nil
        }
    }
}
