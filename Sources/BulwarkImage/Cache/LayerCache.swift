import BulwarkCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Per-layer analysis results on disk, keyed by (diffID, ``LayerAnalysisIdentity``, format version),
/// shared by every image and every run that uses the same cache directory.
///
/// Layout: `<directory>/<first 2 hex of key>/<key>.layer`, one file per entry (see
/// ``LayerContentsCodec`` for the format). Safe for any number of processes at once without locks:
/// an entry is written to a unique temporary file in the same directory, fsynced, then renamed over
/// the final name, so readers see either no entry or a complete one; and every read re-checks the
/// payload's SHA-256, so a damaged entry is a miss (and is removed), never wrong results.
public struct LayerCache: Sendable {
    /// The cache directory itself (`<cache dir>/layers`).
    public let directory: String

    /// The suffix of complete entries.
    static let entrySuffix = ".layer"
    /// The suffix of records (see ``storeRecord(_:named:identity:)``).
    static let recordSuffix = ".record"
    /// The suffix of temporary files being written.
    static let temporarySuffix = ".tmp"
    /// Entries larger than this are treated as damaged rather than read (no layer analysis comes close).
    static let maxEntrySize = 16 << 30

    /// A cache rooted at `directory` exactly.
    public init(directory: String) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    /// The cache inside a Bulwark cache directory: `<cacheDirectory>/layers`.
    public init(cacheDirectory: String) {
        self.init(directory: cacheDirectory + "/layers")
    }

    /// Where the entry for `reference` would live; nil when the layer has no diffID (never cached).
    public func entryPath(for reference: LayerReference, identity: LayerAnalysisIdentity) -> String? {
        guard let diffID = reference.diffID else { return nil }
        let key = identity.key(diffID: diffID.description, formatVersion: LayerContentsCodec.formatVersion)
        return "\(directory)/\(key.prefix(2))/\(key)\(Self.entrySuffix)"
    }

    /// Whether an entry for `reference` exists with a current-format header of the right length.
    /// Cheap (reads 56 bytes); ``load(_:identity:)`` still verifies the whole entry.
    public func contains(_ reference: LayerReference, identity: LayerAnalysisIdentity) -> Bool {
        guard let path = entryPath(for: reference, identity: identity) else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        var header = [UInt8](repeating: 0, count: LayerContentsCodec.headerSize)
        guard Self.readFully(descriptor, into: &header) else { return false }
        return header.withUnsafeBytes { LayerContentsCodec.headerLooksValid($0, fileSize: Int(info.st_size)) }
    }

    /// The cached contents of `reference`, carrying `reference` (and its index on every node), or nil
    /// on a miss. A damaged, truncated or foreign entry is a miss and is removed.
    public func load(_ reference: LayerReference, identity: LayerAnalysisIdentity) -> LayerContents? {
        guard let path = entryPath(for: reference, identity: identity) else { return nil }
        return Self.readEntry(at: path) { entry in try? LayerContentsCodec.decode(entry, as: reference) }
    }

    /// Where the record `name` lives.
    func recordPath(named name: String, identity: LayerAnalysisIdentity) -> String {
        let key = identity.key(diffID: "record:" + name, formatVersion: LayerContentsCodec.formatVersion)
        return "\(directory)/\(key.prefix(2))/\(key)\(Self.recordSuffix)"
    }

    /// A small list of strings derived from layers, stored under `name` (which must name every input,
    /// e.g. a chain of diffIDs) with the same atomic, checksummed writes as layer entries.
    public func storeRecord(_ strings: [String], named name: String, identity: LayerAnalysisIdentity) throws(BulwarkError) {
        try Self.writeEntry(LayerContentsCodec.encodeRecord(strings, name: name), to: recordPath(named: name, identity: identity))
    }

    /// The record stored under `name`, or nil on a miss (a damaged record is removed).
    public func loadRecord(named name: String, identity: LayerAnalysisIdentity) -> [String]? {
        Self.readEntry(at: recordPath(named: name, identity: identity)) { entry in try? LayerContentsCodec.decodeRecord(entry, name: name) }
    }

    /// Reads the entry at `path` and decodes it; removes the file when it cannot be decoded.
    private static func readEntry<Value>(at path: String, decode: ([UInt8]) -> Value?) -> Value? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return nil
        }
        let size = Int(info.st_size)
        var entry: [UInt8]?
        if size >= LayerContentsCodec.headerSize && size <= Self.maxEntrySize {
            var bytes = [UInt8](repeating: 0, count: size)
            if Self.readFully(descriptor, into: &bytes) { entry = bytes }
        }
        close(descriptor)
        if let entry, let value = decode(entry) { return value }
        remove(path, ifStill: info)
        return nil
    }

    /// Stores `contents` (after waiting for and checking its digest: an unverified layer is never
    /// cached). Layers without a diffID, or holding a file of 4 GiB or more, are silently not stored.
    /// Throws the digest error, or an `.io` error when the entry cannot be written.
    public func store(_ contents: LayerContents, identity: LayerAnalysisIdentity) throws(BulwarkError) {
        try contents.verify()
        guard let diffID = contents.reference.diffID, let path = entryPath(for: contents.reference, identity: identity),
            let entry = LayerContentsCodec.encode(contents, diffID: diffID)
        else { return }
        try Self.writeEntry(entry, to: path)
    }

    /// Writes `entry` to a unique temporary file next to `path`, fsyncs it and renames it over `path`.
    private static func writeEntry(_ entry: [UInt8], to path: String) throws(BulwarkError) {
        let folder = PathNormalizer.parent(path)
        try makeDirectory(folder)
        let temporary = "\(folder)/.\(PathNormalizer.baseName(path)).\(getpid()).\(UInt64.random(in: 0...UInt64.max))\(temporarySuffix)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BulwarkError(.io, "\(temporary): cannot create a layer cache entry (\(errnoText()))") }
        let written = writeFully(descriptor, entry) && fsync(descriptor) == 0
        let reason = errnoText()
        guard close(descriptor) == 0, written else {
            unlink(temporary)
            throw BulwarkError(.io, "\(temporary): cannot write a layer cache entry (\(reason))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw BulwarkError(.io, "\(path): cannot store a layer cache entry (\(reason))")
        }
        removeStaleTemporaryFiles(in: folder)
    }

    /// How old a temporary file must be before it counts as left behind by a killed writer.
    static let staleTemporaryAge: Int = 3600

    /// Removes temporary files in `folder` that no writer has touched for ``staleTemporaryAge`` seconds
    /// (left by processes killed mid-write). One small directory listing per stored entry.
    static func removeStaleTemporaryFiles(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = time(nil)
        for name in names where name.hasSuffix(temporarySuffix) {
            var info = stat()
            let path = "\(folder)/\(name)"
            if stat(path, &info) == 0, now - modificationSeconds(info) > staleTemporaryAge { unlink(path) }
        }
    }

    private static func modificationSeconds(_ info: stat) -> Int {
        #if canImport(Glibc)
            Int(info.st_mtim.tv_sec)
        #else
            Int(info.st_mtimespec.tv_sec)
        #endif
    }

    /// Counts entries, their bytes and leftover temporary files. A missing directory is an empty cache.
    public func status() -> LayerCacheStatus {
        var status = LayerCacheStatus(path: directory)
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: directory) else { return status }
        for folder in folders {
            guard let names = try? manager.contentsOfDirectory(atPath: "\(directory)/\(folder)") else { continue }
            for name in names {
                if name.hasSuffix(Self.temporarySuffix) {
                    status.temporaryFiles += 1
                } else if name.hasSuffix(Self.entrySuffix) || name.hasSuffix(Self.recordSuffix) {
                    var info = stat()
                    guard stat("\(directory)/\(folder)/\(name)", &info) == 0 else { continue }
                    status.entries += 1
                    status.totalBytes += Int64(info.st_size)
                }
            }
        }
        return status
    }

    /// Removes every entry (and leftover temporary file); returns what was there. The directory is
    /// first renamed aside, so concurrent readers see either the old cache or an empty one.
    @discardableResult
    public func clean() throws(BulwarkError) -> LayerCacheStatus {
        let before = status()
        guard FileManager.default.fileExists(atPath: directory) else { return before }
        let aside = "\(directory).removing.\(getpid()).\(UInt64.random(in: 0...UInt64.max))"
        guard rename(directory, aside) == 0 else {
            throw BulwarkError(.io, "\(directory): cannot clean the layer cache (\(Self.errnoText()))")
        }
        do {
            try FileManager.default.removeItem(atPath: aside)
        } catch {
            throw BulwarkError(.io, "\(aside): cannot remove the old layer cache (\(error.localizedDescription))")
        }
        return before
    }

    // MARK: File helpers

    /// Creates `path` and its parents; another process creating them at the same time is fine.
    static func makeDirectory(_ path: String) throws(BulwarkError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, path != "/" else {
            throw BulwarkError(.io, "\(path): cannot create the layer cache directory (\(errnoText()))")
        }
        try makeDirectory(PathNormalizer.parent(path))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw BulwarkError(.io, "\(path): cannot create the layer cache directory (\(errnoText()))")
        }
    }

    /// Removes a damaged entry unless another process has already replaced it with a new file.
    private static func remove(_ path: String, ifStill original: stat) {
        var current = stat()
        guard stat(path, &current) == 0, current.st_ino == original.st_ino, current.st_dev == original.st_dev else { return }
        unlink(path)
    }

    /// Fills `buffer` from the descriptor; false on an error or a short file.
    static func readFully(_ descriptor: Int32, into buffer: inout [UInt8]) -> Bool {
        buffer.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let count = read(descriptor, base + offset, raw.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    private static func writeFully(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let count = write(descriptor, base + offset, raw.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
