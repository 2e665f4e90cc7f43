import Synchronization

/// The kind of a filesystem entry.
public enum FileKind: String, Sendable, Codable, Hashable {
    case regular, directory, symlink, hardlink, other
}

/// One entry of a (merged) filesystem view: metadata always, contents only when an analyzer asked for it.
public struct FileNode: Sendable, Hashable {
    /// The kind of entry.
    public var kind: FileKind
    /// Size in bytes of a regular file.
    public var size: Int64
    /// Permission bits.
    public var mode: UInt32
    /// Target of a symlink or hard link (as written in the archive).
    public var linkTarget: String?
    /// The layer (0 = base) that wrote this entry last.
    public var layerIndex: Int
    /// The bytes, when an analyzer declared interest in this path.
    public var contents: [UInt8]?
    /// Packages a ``FileAnalyzer`` found in this file while its layer was read (binaries, archives).
    public var analysis: [Package]?

    /// Creates a node.
    public init(kind: FileKind, size: Int64 = 0, mode: UInt32 = 0o644, linkTarget: String? = nil, layerIndex: Int = 0, contents: [UInt8]? = nil) {
        self.kind = kind
        self.size = size
        self.mode = mode
        self.linkTarget = linkTarget
        self.layerIndex = layerIndex
        self.contents = contents
    }
}

/// A read-only view of a filesystem: every entry's metadata plus the contents of collected files.
///
/// Paths are absolute and normalized (`/etc/os-release`). Symlinks are followed with a hop limit,
/// so loops end in `nil`, never a hang.
public protocol FileTree: Sendable {
    /// The entry stored at exactly `path`, without following a final symlink.
    func node(at path: String) -> FileNode?
    /// Paths of all entries (any kind) strictly below `directory`, sorted.
    func paths(under directory: String) -> [String]
    /// Paths, sorted, of the entries a cataloger can read: files whose contents were collected, and
    /// symlinks (which may lead to one). Far fewer than all paths, so catalogers iterate these.
    func collectedPaths() -> [String]
}

extension FileTree {
    public func collectedPaths() -> [String] {
        paths(under: "/").filter { path in
            guard let node = node(at: path) else { return false }
            return node.contents != nil || node.kind == .symlink
        }
    }

    /// The maximum number of symlinks followed while resolving one path.
    public static var maxSymlinkHops: Int { 40 }

    /// Resolves symlinks in every component of `path`; nil when it dangles or loops.
    public func resolve(_ path: String) -> String? {
        var hops = 0
        var pending = PathNormalizer.components(of: path)
        var resolved: [String] = []
        while !pending.isEmpty {
            let component = pending.removeFirst()
            let candidate = "/" + (resolved + [component]).joined(separator: "/")
            if let node = node(at: candidate), node.kind == .symlink, let target = node.linkTarget {
                hops += 1
                if hops > Self.maxSymlinkHops { return nil }
                let targetComponents = PathNormalizer.components(of: target)
                if target.hasPrefix("/") { resolved = [] }
                pending = targetComponents + pending
                // `..` inside link targets is handled by components(of:) only relative to root;
                // resolve it here against the current directory.
                var merged: [String] = resolved
                var rest: [String] = []
                var consumingDots = true
                for part in pending {
                    if consumingDots && part == ".." { if !merged.isEmpty { merged.removeLast() } } else { consumingDots = false; rest.append(part) }
                }
                resolved = merged
                pending = rest
            } else if component == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
            } else {
                resolved.append(component)
            }
        }
        return "/" + resolved.joined(separator: "/")
    }

    /// The node at `path` after following symlinks.
    public func resolvedNode(at path: String) -> FileNode? {
        guard let real = resolve(path) else { return nil }
        return node(at: real)
    }

    /// The collected contents of the regular file at `path` (symlinks followed), or nil.
    public func contents(of path: String) -> [UInt8]? {
        guard let node = resolvedNode(at: path), node.kind == .regular || node.kind == .hardlink else { return nil }
        return node.contents
    }

    /// Whether any entry exists at `path` (symlinks followed).
    public func exists(_ path: String) -> Bool { resolvedNode(at: path) != nil }
}

/// A `FileTree` held in a dictionary; the merged result of applying layers.
public struct MemoryFileTree: FileTree, Sendable {
    /// Entries keyed by absolute normalized path.
    public private(set) var nodes: [String: FileNode]

    /// Creates a tree from entries.
    public init(nodes: [String: FileNode] = [:]) { self.nodes = nodes }

    public func node(at path: String) -> FileNode? { nodes[path] }

    public func paths(under directory: String) -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return nodes.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Adds or replaces the entry at `path` (normalized), with contents for regular files.
    public mutating func set(_ path: String, _ node: FileNode) {
        nodes[path] = node
    }

    /// Removes the entry at `path` and everything below it.
    public mutating func remove(_ path: String) {
        nodes[path] = nil
        let prefix = path == "/" ? "/" : path + "/"
        for key in nodes.keys where key.hasPrefix(prefix) { nodes[key] = nil }
    }

    /// Removes everything below `directory`, keeping the directory itself.
    public mutating func removeChildren(of directory: String) {
        let prefix = directory == "/" ? "/" : directory + "/"
        for key in nodes.keys where key.hasPrefix(prefix) && key != directory { nodes[key] = nil }
    }

    /// Convenience for tests and rootfs scans: a regular file with contents.
    public mutating func addFile(_ path: String, _ text: String, layer: Int = 0) {
        let bytes = Array(text.utf8)
        nodes[path] = FileNode(kind: .regular, size: Int64(bytes.count), layerIndex: layer, contents: bytes)
    }
}

/// A read-only `FileTree` over a finished `MemoryFileTree` with its paths sorted once, so that
/// `paths(under:)` is a binary search instead of a scan of every entry (catalogers call it often).
public final class IndexedFileTree: FileTree, Sendable {
    private let tree: MemoryFileTree
    private let collected: [String]
    /// All paths sorted; built on first use, since most scans only need ``collectedPaths()``.
    private let allPaths = Mutex<[String]?>(nil)

    /// Indexes `tree`.
    public init(_ tree: MemoryFileTree) {
        self.tree = tree
        var collected: [String] = []
        for (path, node) in tree.nodes where node.contents != nil || node.kind == .symlink {
            collected.append(path)
        }
        self.collected = collected.sorted()
    }

    public func node(at path: String) -> FileNode? { tree.node(at: path) }

    public func collectedPaths() -> [String] { collected }

    private var sortedPaths: [String] {
        allPaths.withLock { paths in
            if let paths { return paths }
            let sorted = tree.nodes.keys.sorted()
            paths = sorted
            return sorted
        }
    }

    public func paths(under directory: String) -> [String] {
        let sortedPaths = self.sortedPaths
        if directory == "/" { return sortedPaths }  // every path; no copy
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var low = 0
        var high = sortedPaths.count
        while low < high {
            let middle = (low + high) / 2
            if sortedPaths[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        var result: [String] = []
        var index = low
        while index < sortedPaths.count, sortedPaths[index].hasPrefix(prefix) {
            result.append(sortedPaths[index])
            index += 1
        }
        return result
    }
}

/// Normalizes archive paths into absolute, clean paths and rejects ones that escape the root.
public enum PathNormalizer {
    /// The fast path for the common case (`./etc/x`, `etc/x/`): no empty, `.` or `..` components
    /// after the leading `./`. Returns nil when the slow, general normalization is needed.
    static func cleanArchivePath(_ name: String) -> String? {
        var bytes = Substring(name).utf8[...]
        while bytes.starts(with: [0x2E, 0x2F]) { bytes = bytes.dropFirst(2) }  // "./"
        while bytes.last == 0x2F { bytes = bytes.dropLast() }
        guard let first = bytes.first, first != 0x2F else { return bytes.isEmpty && !name.hasPrefix("/") ? "/" : nil }
        var componentLength = 0
        var componentAllDots = true
        for byte in bytes {
            if byte == 0x2F {
                // "//", "/./" and "/../" need the general path.
                if componentLength == 0 || (componentAllDots && componentLength <= 2) { return nil }
                componentLength = 0
                componentAllDots = true
            } else {
                componentLength += 1
                if byte != 0x2E { componentAllDots = false }
            }
        }
        if componentAllDots && componentLength <= 2 { return nil }
        return "/" + String(decoding: bytes, as: UTF8.self)
    }

    /// The last component of an absolute normalized path.
    public static func baseName(_ path: String) -> Substring {
        // Byte search: `/` is ASCII, so a UTF-8 index is also a valid String index here.
        guard let slash = path.utf8.lastIndex(of: 0x2F) else { return Substring(path) }
        return path[path.utf8.index(after: slash)...]
    }

    /// The parent directory of an absolute normalized path (`/` for top-level entries).
    public static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: 0x2F), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// Splits a path into components, dropping empty and `.` parts (but keeping `..`).
    public static func components(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
    }

    /// Normalizes an archive entry name (`./etc/x`, `etc/x/`) to `/etc/x`.
    /// Returns nil for a name that is absolute or climbs above the root with `..`.
    public static func archivePath(_ name: String) -> String? {
        if let clean = cleanArchivePath(name) { return clean }
        if name.hasPrefix("/") { return nil }
        var stack: [String] = []
        for part in components(of: name) {
            if part == ".." {
                if stack.isEmpty { return nil }
                stack.removeLast()
            } else {
                stack.append(part)
            }
        }
        return "/" + stack.joined(separator: "/")
    }
}
