import BulwarkCore
import Foundation

/// Reads an unpacked root filesystem directory into a `MemoryFileTree`: metadata for every entry
/// (symlinks are recorded, never followed, so loops cannot hang the walk) and the bytes of
/// interesting files.
public struct RootfsReader: Sendable {
    /// Which paths to keep the bytes of.
    public var interest: PathInterest
    /// The largest single file kept in memory.
    public var maxCollectedFileSize: Int
    /// The most entries walked.
    public var maxEntries = 5_000_000
    /// Analyzers that look at single files (binaries, archives).
    public var analyzers: [any FileAnalyzer]
    /// Directory names never descended into (e.g. `.git`).
    public var skippedDirectoryNames: Set<String> = [".git"]

    /// Creates a reader.
    public init(interest: @escaping PathInterest, analyzers: [any FileAnalyzer] = [], maxCollectedFileSize: Int = 512 << 20) {
        self.interest = interest
        self.analyzers = analyzers
        self.maxCollectedFileSize = maxCollectedFileSize
    }

    /// The names in a directory (without `.` and `..`), sorted; empty when it cannot be read.
    static func entryNames(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Walks `root`.
    public func read(root: String) throws(BulwarkError) -> MemoryFileTree {
        var warnings: [String] = []
        return try read(root: root, warnings: &warnings)
    }

    /// Walks `root`, collecting analysis warnings.
    public func read(root: String, warnings: inout [String]) throws(BulwarkError) -> MemoryFileTree {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw BulwarkError(.notFound, "\(root): no such directory")
        }
        guard isDirectory.boolValue else {
            throw BulwarkError(.invalidInput, "\(root): not a directory", hint: "to scan an image archive use `bulwark image \(root)`")
        }
        var tree = MemoryFileTree()
        var pending: [String] = ["/"]
        var count = 0
        let rootPath = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        while let directory = pending.popLast() {
            let hostDirectory = rootPath + (directory == "/" ? "" : directory)
            for name in Self.entryNames(of: hostDirectory) {
                count += 1
                if count > maxEntries {
                    throw BulwarkError(.limitExceeded, "\(root): more than \(maxEntries) entries")
                }
                let path = (directory == "/" ? "" : directory) + "/" + name
                let hostPath = rootPath + path
                var info = stat()
                guard lstat(hostPath, &info) == 0 else { continue }
                let type = info.st_mode & S_IFMT
                var node = FileNode(kind: .other, size: 0, mode: UInt32(info.st_mode & 0o7777))
                switch type {
                case S_IFDIR:
                    node.kind = .directory
                    if !skippedDirectoryNames.contains(name) { pending.append(path) }
                case S_IFLNK:
                    node.kind = .symlink
                    node.linkTarget = try? FileManager.default.destinationOfSymbolicLink(atPath: hostPath)
                case S_IFREG:
                    node.kind = .regular
                    node.size = Int64(info.st_size)
                    if interest(path) {
                        guard info.st_size <= maxCollectedFileSize else {
                            throw BulwarkError(.limitExceeded, "\(hostPath): \(info.st_size) bytes, over the \(maxCollectedFileSize) byte limit")
                        }
                        let file = try OpenFile(path: hostPath)
                        node.contents = try file.read(at: 0, count: Int(file.size))
                    }
                    if !analyzers.isEmpty {
                        let collected = node.contents
                        do {
                            node.analysis = try LayerReader.analyze(
                                path: path, mode: node.mode, size: node.size, analyzers: analyzers, cap: maxCollectedFileSize, warnings: &warnings
                            ) { () throws(BulwarkError) -> [UInt8] in
                                if let collected { return collected }
                                let file = try OpenFile(path: hostPath)
                                return try file.read(at: 0, count: Int(file.size))
                            }
                        } catch {
                            warnings.append("\(hostPath): \(error.message)")
                        }
                    }
                default:
                    node.kind = .other
                }
                tree.set(path, node)
            }
        }
        return tree
    }
}
