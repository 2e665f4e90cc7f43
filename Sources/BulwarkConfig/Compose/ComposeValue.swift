/// Where a value of a (possibly merged) Compose model was written: which of the project's files,
/// and which line of it.
public struct ComposeOrigin: Sendable, Hashable {
    /// Index into the project's file list (merge order; 0 is the first `-f` file).
    public var fileIndex: Int
    /// 1-based line.
    public var line: Int

    /// Creates an origin.
    public init(fileIndex: Int, line: Int) {
        self.fileIndex = fileIndex
        self.line = line
    }
}

/// One key of a Compose mapping: the key, where the key was written, and its value.
public struct ComposeEntry: Sendable, Hashable {
    /// The key text.
    public var key: String
    /// Where the key was written (for merged scalars: in the file whose value won).
    public var origin: ComposeOrigin
    /// The value.
    public var value: ComposeValue

    /// Creates an entry.
    public init(key: String, origin: ComposeOrigin, value: ComposeValue) {
        self.key = key
        self.origin = origin
        self.value = value
    }
}

/// A node of a Compose model in which every value remembers the file and line that set it, so
/// findings on a merged project point at the right place. YAML merge keys (`<<`) are already applied.
public struct ComposeValue: Sendable, Hashable {
    /// The node's content.
    public enum Content: Sendable, Hashable {
        /// `null`, `~` or an empty value.
        case null
        /// Any other scalar, as written (numbers and booleans stay text).
        case scalar(String)
        /// A sequence.
        case sequence([ComposeValue])
        /// A mapping, in file order.
        case mapping([ComposeEntry])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var origin: ComposeOrigin
    /// A Compose merge tag (`!reset`, `!override`) the file put on this node; consumed by the merge.
    var directive: ComposeDirective?

    /// Creates a value.
    public init(_ content: Content, origin: ComposeOrigin) {
        self.content = content
        self.origin = origin
        self.directive = nil
    }

    /// The scalar text (nil for null, sequences and mappings).
    public var string: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// The elements of a sequence (empty for anything else).
    public var elements: [ComposeValue] {
        if case .sequence(let list) = content { return list }
        return []
    }

    /// Whether the value is a sequence.
    public var isSequence: Bool {
        if case .sequence = content { return true }
        return false
    }

    /// The entries of a mapping (empty for anything else).
    public var entries: [ComposeEntry] {
        if case .mapping(let list) = content { return list }
        return []
    }

    /// Whether the value is a mapping.
    public var isMapping: Bool {
        if case .mapping = content { return true }
        return false
    }

    /// The entry for `key` in a mapping.
    public func entry(_ key: String) -> ComposeEntry? {
        guard case .mapping(let list) = content else { return nil }
        return list.first { $0.key == key }
    }

    /// The value for `key` in a mapping.
    public subscript(_ key: String) -> ComposeValue? { entry(key)?.value }

    /// The value at a key path (`["services", "web", "ports"]`).
    public func value(at path: [String]) -> ComposeValue? {
        var current = self
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// The scalar texts of a sequence's scalar elements.
    public var strings: [String] { elements.compactMap(\.string) }

    /// A YAML 1.1 boolean scalar (`true`/`yes`/`on`/`y` and their negatives), else nil.
    public var bool: Bool? {
        guard let text = string?.lowercased() else { return nil }
        if ["true", "yes", "on", "y"].contains(text) { return true }
        if ["false", "no", "off", "n"].contains(text) { return false }
        return nil
    }

    /// Where `key` was written, or where this mapping starts when it has no such key.
    func origin(of key: String) -> ComposeOrigin { entry(key)?.origin ?? origin }

    /// The scalar text of `key`.
    func string(_ key: String) -> String? { self[key]?.string }

    /// The boolean value of `key`.
    func bool(_ key: String) -> Bool? { self[key]?.bool }

    /// The elements of the sequence at `key`.
    func list(_ key: String) -> [ComposeValue] { self[key]?.elements ?? [] }

    /// The value with every origin (its own and all nested ones) moved to `origin`: used for
    /// settings inherited from another file, which are reported at the line that pulled them in.
    func relocated(to origin: ComposeOrigin) -> ComposeValue {
        var copy = self
        copy.origin = origin
        switch content {
        case .null, .scalar: break
        case .sequence(let list): copy.content = .sequence(list.map { $0.relocated(to: origin) })
        case .mapping(let list):
            copy.content = .mapping(list.map { ComposeEntry(key: $0.key, origin: origin, value: $0.value.relocated(to: origin)) })
        }
        return copy
    }
}

/// The Compose merge tags (Compose 2.24+): `!reset` removes the value the earlier files set,
/// `!override` replaces it instead of merging.
enum ComposeDirective: Sendable, Hashable {
    case reset
    case override
}
