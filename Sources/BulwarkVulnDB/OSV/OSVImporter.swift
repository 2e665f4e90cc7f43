import BulwarkArchive
import BulwarkCore
import Dispatch
import Foundation

/// Imports OSV records (schema 1.6) from a directory tree of `*.json` files, a single JSON file
/// (one record or an array), or a zip such as the per-ecosystem `all.zip` exports.
///
/// Records are read and parsed on all cores in chunks, one chunk ahead of the thread that
/// writes to the sink, so memory stays bounded. A malformed record (not JSON, no id, wrong
/// types, unreadable zip entry) is skipped and counted in `statistics.malformed`; only failures
/// of the input as a whole (missing path, unreadable zip directory) or of the sink abort.
public enum OSVImporter {
    /// Largest single JSON file read.
    static let maximumFileSize = 256 << 20
    /// Records parsed ahead of the writer, per chunk.
    static let chunkSize = 512

    /// Imports everything at `path` into `sink`.
    public static func importPath(_ path: String, into sink: any ImportSink) throws(BulwarkError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BulwarkError(.notFound, "\(path): no such OSV file or directory")
        }
        let prepare = sink is DatabaseBuilder
        if isDirectory.boolValue {
            try importSources(jsonFiles(under: path).map { .file($0) }, into: sink, prepare: prepare)
        } else if try isZip(path) {
            let archive = try ZipArchive(path: path)
            let sources = archive.entries.filter { !$0.isDirectory && $0.name.lowercased().hasSuffix(".json") }.map { RecordSource.zipEntry(archive, $0) }
            try importSources(sources, into: sink, prepare: prepare)
        } else {
            let bytes = try DurableFiles.read(path, limit: maximumFileSize)
            for outcome in OSVParseOutcome.parse(bytes, label: path, prepare: prepare) { try outcome.apply(to: sink) }
        }
    }

    /// Imports one record (or an array of records) given as bytes. Never throws: a malformed record
    /// or a sink failure is recorded in `sink.statistics` as malformed, naming `label`.
    public static func importRecord(_ bytes: [UInt8], label: String, into sink: any ImportSink) {
        for outcome in OSVParseOutcome.parse(bytes, label: label, prepare: false) {
            do {
                try outcome.apply(to: sink)
            } catch {
                sink.statistics.recordMalformed("\(label): cannot store: \(error.message)")
            }
        }
    }

    /// Where one record file comes from.
    enum RecordSource: Sendable {
        case file(String)
        case zipEntry(ZipArchive, ZipEntry)

        /// Reads and parses the record(s).
        func load(prepare: Bool) -> [OSVParseOutcome] {
            switch self {
            case .file(let path):
                do {
                    return OSVParseOutcome.parse(try DurableFiles.read(path, limit: OSVImporter.maximumFileSize), label: path, prepare: prepare)
                } catch {
                    return [.malformed(error.message)]
                }
            case .zipEntry(let archive, let entry):
                do {
                    return OSVParseOutcome.parse(try archive.read(entry), label: "\(archive.path):\(entry.name)", prepare: prepare)
                } catch {
                    return [.malformed(error.message)]
                }
            }
        }
    }

    private static func isZip(_ path: String) throws(BulwarkError) -> Bool {
        if path.lowercased().hasSuffix(".zip") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BulwarkError(.io, "\(path): cannot open") }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)).map { [UInt8]($0) } ?? []
        return magic == [0x50, 0x4b, 0x03, 0x04]
    }

    /// Every `*.json` file under `root`, sorted, symlinked directories not followed.
    private static func jsonFiles(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.lowercased().hasSuffix(".json") { files.append(root + "/" + relative) }
        }
        return files.sorted()
    }

    /// Parses chunks of `sources` on all cores while the calling thread writes the previous chunk.
    private static func importSources(_ sources: [RecordSource], into sink: any ImportSink, prepare: Bool) throws(BulwarkError) {
        guard !sources.isEmpty else { return }
        var start = 0
        var current = ChunkParse(Array(sources[0..<min(chunkSize, sources.count)]), prepare: prepare)
        current.runNow()
        start = min(chunkSize, sources.count)
        while true {
            var next: ChunkParse?
            if start < sources.count {
                let upcoming = ChunkParse(Array(sources[start..<min(start + chunkSize, sources.count)]), prepare: prepare)
                upcoming.runInBackground()
                next = upcoming
                start = min(start + chunkSize, sources.count)
            }
            do {
                for outcomes in current.waitForResults() {
                    for outcome in outcomes { try outcome.apply(to: sink) }
                }
            } catch {
                _ = next?.waitForResults()
                throw error
            }
            guard let following = next else { return }
            current = following
        }
    }
}

/// One chunk of record sources parsed in parallel (`concurrentPerform`), each result stored in its
/// own slot, then handed over after a semaphore.
private final class ChunkParse: @unchecked Sendable {
    private let sources: [OSVImporter.RecordSource]
    private let prepare: Bool
    private let slots: UnsafeMutableBufferPointer<[OSVParseOutcome]>
    private let done = DispatchSemaphore(value: 0)

    init(_ sources: [OSVImporter.RecordSource], prepare: Bool) {
        self.sources = sources
        self.prepare = prepare
        slots = .allocate(capacity: sources.count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    private func parseAll() {
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            self.slots[index] = self.sources[index].load(prepare: self.prepare)
        }
        done.signal()
    }

    /// Parses on the calling thread (and helpers).
    func runNow() { parseAll() }

    /// Parses on a background queue.
    func runInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { self.parseAll() }
    }

    /// Blocks until parsed, then returns the outcomes in source order. Call once.
    func waitForResults() -> UnsafeMutableBufferPointer<[OSVParseOutcome]> {
        done.wait()
        return slots
    }
}
