import BulwarkCore
import Foundation
import Synchronization

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
    /// Looks at every regular file's contents during the walk (secret scanning); results go to ``inspectionSink``.
    public var inspector: (any FileContentInspector)?
    /// Receives the inspector's findings (paths are tree-absolute).
    public var inspectionSink: ContentInspectionSink?
    /// Directory names never descended into (e.g. `.git`).
    public var skippedDirectoryNames: Set<String> = [".git"]
    /// Whether regular files nobody collected or analyzed get a node. Folder scans turn this off:
    /// catalogers only look at collected files, directories and symlinks, and a source tree's
    /// other files are most of its entries (and most of the walk's memory).
    public var keepsUncollectedFiles = true

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
        return names(in: handle)
    }

    private static func names(in handle: OpaquePointer) -> [String] {
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

    /// What reading one directory produced.
    private struct DirectoryListing: Sendable {
        var entries: [(path: String, node: FileNode)] = []
        var subdirectories: [String] = []
        /// Regular files walked but not kept (see ``keepsUncollectedFiles``).
        var droppedFiles = 0
        var warnings: [String] = []
        var error: BulwarkError?
    }

    /// Walks `root`, collecting analysis warnings.
    ///
    /// The walk goes breadth-first, one directory level at a time, and reads the directories of a
    /// level on all cores: `stat`, reading collected files and running analyzers dominate, and they
    /// are independent per directory. Entries are stat'ed relative to their directory's descriptor
    /// so the kernel does not resolve long paths again for every entry.
    public func read(root: String, warnings: inout [String]) throws(BulwarkError) -> MemoryFileTree {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw BulwarkError(.notFound, "\(root): no such directory")
        }
        guard isDirectory.boolValue else {
            throw BulwarkError(.invalidInput, "\(root): not a directory", hint: "to scan an image archive use `bulwark image \(root)`")
        }
        let rootPath = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var levels: [[DirectoryListing]] = []
        var frontier: [String] = ["/"]
        var count = 0
        var kept = 0
        while !frontier.isEmpty {
            let listings = Mutex<[DirectoryListing?]>(Array(repeating: nil, count: frontier.count))
            let directories = frontier
            DispatchQueue.concurrentPerform(iterations: directories.count) { index in
                let listing = list(directory: directories[index], rootPath: rootPath)
                listings.withLock { $0[index] = listing }
            }
            let level = listings.withLock { $0.compactMap { $0 } }
            frontier = []
            for listing in level {
                if let error = listing.error { throw error }
                count += listing.entries.count + listing.droppedFiles
                kept += listing.entries.count
                frontier += listing.subdirectories
            }
            if count > maxEntries {
                throw BulwarkError(.limitExceeded, "\(root): more than \(maxEntries) entries")
            }
            levels.append(level)
        }
        var nodes: [String: FileNode] = [:]
        nodes.reserveCapacity(kept)
        for level in levels {
            for listing in level {
                warnings += listing.warnings
                for entry in listing.entries { nodes[entry.path] = entry.node }
            }
        }
        return MemoryFileTree(nodes: nodes)
    }

    /// Reads one directory (`directory` is tree-absolute) of the tree rooted at `rootPath`.
    private func list(directory: String, rootPath: String) -> DirectoryListing {
        var listing = DirectoryListing()
        let hostDirectory = rootPath + (directory == "/" ? "" : directory)
        let descriptor = open(hostDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0, let handle = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            return listing
        }
        defer { closedir(handle) }
        let names = Self.names(in: handle)
        let prefix = directory == "/" ? "" : directory
        for name in names {
            let path = prefix + "/" + name
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            var node = FileNode(kind: .other, size: 0, mode: UInt32(info.st_mode & 0o7777))
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                node.kind = .directory
                if !skippedDirectoryNames.contains(name) { listing.subdirectories.append(path) }
            case S_IFLNK:
                node.kind = .symlink
                node.linkTarget = Self.linkTarget(descriptor, name)
            case S_IFREG:
                node.kind = .regular
                node.size = Int64(info.st_size)
                do throws(BulwarkError) {
                    try readRegularFile(path: path, hostPath: rootPath + path, into: &node, warnings: &listing.warnings)
                } catch {
                    listing.error = error
                    return listing
                }
                if let inspector, let inspectionSink, inspector.wants(path: path, mode: node.mode, size: node.size) {
                    inspect(path: path, hostPath: rootPath + path, node: node, inspector: inspector, sink: inspectionSink, warnings: &listing.warnings)
                }
                if !keepsUncollectedFiles && node.contents == nil && node.analysis == nil {
                    listing.droppedFiles += 1
                    continue
                }
            default:
                node.kind = .other
            }
            listing.entries.append((path, node))
        }
        return listing
    }

    /// Collects the contents of an interesting file and runs the analyzers on it.
    private func readRegularFile(path: String, hostPath: String, into node: inout FileNode, warnings: inout [String]) throws(BulwarkError) {
        if interest(path) {
            guard node.size <= maxCollectedFileSize else {
                throw BulwarkError(.limitExceeded, "\(hostPath): \(node.size) bytes, over the \(maxCollectedFileSize) byte limit")
            }
            let file = try OpenFile(path: hostPath)
            node.contents = try file.read(at: 0, count: Int(file.size))
        }
        guard !analyzers.isEmpty else { return }
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

    /// Runs the content inspector on one file (its collected bytes, or read now).
    private func inspect(
        path: String, hostPath: String, node: FileNode, inspector: any FileContentInspector, sink: ContentInspectionSink, warnings: inout [String]
    ) {
        let bytes: [UInt8]
        if let contents = node.contents {
            bytes = contents
        } else {
            do throws(BulwarkError) {
                let file = try OpenFile(path: hostPath)
                let size = Int(min(file.size, Int64(maxCollectedFileSize)))
                // Look at the first bytes before reading the rest: binaries are skipped unread.
                let prefix = try file.read(at: 0, count: min(size, inspector.binaryProbeLength))
                if prefix.count < size && inspector.isBinary(prefix: prefix) {
                    sink.add([], skipped: .binary)
                    return
                }
                bytes = prefix.count < size ? prefix + (try file.read(at: Int64(prefix.count), count: size - prefix.count)) : prefix
            } catch {
                warnings.append("\(hostPath): \(error.message)")
                return
            }
        }
        let result = inspector.inspect(path: path, bytes: bytes)
        sink.add(result.findings, skipped: result.skipped)
    }

    /// The target of the symlink `name` in the directory open as `descriptor`.
    private static func linkTarget(_ descriptor: Int32, _ name: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlinkat(descriptor, name, &buffer, buffer.count - 1)
        guard length >= 0 else { return nil }
        return String(decoding: buffer[0..<length], as: UTF8.self)
    }
}
