import BulwarkCore
import BulwarkTestSupport
import Foundation
import Testing

@testable import BulwarkImage

/// Reads the same in-memory blob every time it is opened.
struct MemoryBlobOpener: BlobOpener {
    var bytes: [UInt8]
    func open() throws(BulwarkError) -> any ByteSource { MemorySource(bytes) }
}

/// A comparable rendering of one change, FileNode included.
struct ChangeSnapshot: Hashable {
    var path: String
    var kind: String
    var node: FileNode?

    static func of(_ contents: LayerContents) -> [ChangeSnapshot] {
        contents.changes.map { path, change in
            switch change {
            case .put(let node): return ChangeSnapshot(path: path, kind: "put", node: node)
            case .whiteout: return ChangeSnapshot(path: path, kind: "whiteout", node: nil)
            case .opaque: return ChangeSnapshot(path: path, kind: "opaque", node: nil)
            }
        }
    }
}

@Suite struct LayerCacheTests {
    static let identity = LayerAnalysisIdentity(catalogers: ["dpkg", "apk"], analyzers: ["go-binary"], version: 1)
    static let diffID = Digest(sha256Hex: String(repeating: "ab", count: 32))

    /// A layer with every kind of change, collected bytes and analyzer packages with every field set.
    static func sampleContents(index: Int = 0) -> LayerContents {
        let reference = LayerReference(index: index, digest: Digest(sha256Hex: String(repeating: "cd", count: 32)), diffID: diffID, createdBy: "ADD x /")
        var contents = LayerContents(reference: reference, fileCount: 3, uncompressedSize: 123_456, touchesCollectedFiles: true)
        contents.warnings = ["/usr/bin/app: truncated build info", "ünïcödé ⚠️ warning"]
        var status = FileNode(kind: .regular, size: 5, mode: 0o644, layerIndex: index, contents: Array("hello".utf8))
        status.contents = Array("Package: x\n".utf8) + [0, 255, 128]
        status.size = Int64(status.contents?.count ?? 0)
        var binary = FileNode(kind: .regular, size: 4096, mode: 0o755, layerIndex: index)
        binary.analysis = [
            Package(
                type: .golang, name: "github.com/a/b", version: "v1.2.3", epoch: 2, upstreamVersion: "1.2.3", release: "r1",
                architecture: "amd64", sourceName: "src", sourceVersion: "1:2", licenses: ["MIT", "Apache-2.0"], maintainer: "me",
                vendor: "acme", modularityLabel: "m:s:v:c",
                purl: PackageURL(type: "golang", namespace: "github.com/a", name: "b", version: "v1.2.3", qualifiers: ["arch": "amd64", "os": "linux"], subpath: "sub/dir"),
                location: "/usr/bin/app", layer: reference, installedFiles: ["/usr/bin/app"], isDevelopment: true,
                dependencies: ["pkg:golang/x@1", "y"]),
            Package.library(.golang, name: "stdlib", version: "go1.22.1", purl: PackageURL(type: "golang", name: "stdlib", version: "go1.22.1"), location: "/usr/bin/app"),
        ]
        contents.changes = [
            ("/etc", .put(FileNode(kind: .directory, mode: 0o755, layerIndex: index))),
            ("/var/lib/dpkg/status", .put(status)),
            ("/usr/bin/app", .put(binary)),
            ("/usr/bin/link", .put(FileNode(kind: .symlink, linkTarget: "app", layerIndex: index))),
            ("/usr/bin/hard", .put(FileNode(kind: .hardlink, size: 0, linkTarget: "/usr/bin/app", layerIndex: index))),
            ("/dev/null", .put(FileNode(kind: .other, layerIndex: index))),
            ("/empty", .put(FileNode(kind: .regular, layerIndex: index, contents: []))),
            ("/old", .whiteout),
            ("/opt", .opaque),
        ]
        return contents
    }

    func withCache(_ body: (LayerCache) async throws -> Void) async throws {
        try await TemporaryDirectory.with { dir in try await body(LayerCache(cacheDirectory: dir)) }
    }

    func entryFile(_ cache: LayerCache, _ reference: LayerReference) throws -> String {
        try #require(cache.entryPath(for: reference, identity: Self.identity))
    }

    @Test func roundTripKeepsEveryFieldAndTakesTheCurrentLayerReference() async throws {
        try await withCache { cache in
            let stored = Self.sampleContents(index: 0)
            try cache.store(stored, identity: Self.identity)
            #expect(cache.contains(stored.reference, identity: Self.identity))
            // The same diffID at another position, with another compressed digest, in another image.
            let current = LayerReference(index: 3, digest: Digest(sha256Hex: String(repeating: "ef", count: 32)), diffID: Self.diffID, createdBy: "COPY . /")
            let loaded = try #require(cache.load(current, identity: Self.identity))
            let expected = Self.sampleContents(index: 3)
            #expect(loaded.reference == current)
            #expect(loaded.fileCount == expected.fileCount)
            #expect(loaded.uncompressedSize == expected.uncompressedSize)
            #expect(loaded.touchesCollectedFiles)
            #expect(loaded.warnings == expected.warnings)
            #expect(loaded.pendingCheck == nil)
            var expectedChanges = ChangeSnapshot.of(expected)
            // The package that carried a layer carries the current one after loading.
            if case .put(var node) = expected.changes[2].change {
                node.analysis?[0].layer = current
                expectedChanges[2].node = node
            }
            #expect(ChangeSnapshot.of(loaded) == expectedChanges)
        }
    }

    @Test(arguments: [LayerCompression.none, .gzip, .zstd])
    func roundTripOfARealLayer(compression: LayerCompression) async throws {
        var files: [(String, String)] = [("etc/os-release", "ID=debian\n"), ("var/lib/dpkg/status", "Package: a\n"), ("etc/.wh.gone", "")]
        for index in 0..<500 { files.append(("usr/share/doc/pkg\(index)/copyright", "text \(index)")) }
        let layer = TestLayer(files: files, compression: compression)
        let reference = LayerReference(index: 0, digest: try Digest(parsing: TestDigest.sha256(layer.blob)), diffID: try Digest(parsing: TestDigest.sha256(layer.tar)))
        let reader = LayerReader(interest: { $0.hasPrefix("/etc/") || $0.hasPrefix("/var/lib/dpkg/") })
        let read = try reader.read(LayerBlob(reference: reference, opener: MemoryBlobOpener(bytes: layer.blob)), imageLabel: "test")
        try await withCache { cache in
            try cache.store(read, identity: Self.identity)
            let loaded = try #require(cache.load(reference, identity: Self.identity))
            #expect(ChangeSnapshot.of(loaded) == ChangeSnapshot.of(read))
            #expect(loaded.changes.contains { $0.path == "/etc/gone" })
            #expect(loaded.fileCount == read.fileCount && loaded.uncompressedSize == read.uncompressedSize)
            #expect(loaded.touchesCollectedFiles == read.touchesCollectedFiles)
        }
    }

    /// Every way an entry can be damaged: each one must be a miss, and the file must be gone.
    enum Damage: String, CaseIterable {
        case flipPayloadByte, flipHashByte, flipMagic, truncateHeader, truncatePayload, dropLastByte, appendByte, empty, garbage,
            otherFormatVersion, garbageWithValidHeader
    }

    @Test(arguments: Damage.allCases)
    func damagedEntryIsAMissAndIsRemoved(damage: Damage) async throws {
        try await withCache { cache in
            let contents = Self.sampleContents()
            try cache.store(contents, identity: Self.identity)
            let path = try entryFile(cache, contents.reference)
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let header = LayerContentsCodec.headerSize
            switch damage {
            case .flipPayloadByte: bytes[header + (bytes.count - header) / 2] ^= 0x40
            case .flipHashByte: bytes[header - 1] ^= 0x01
            case .flipMagic: bytes[0] ^= 0xFF
            case .truncateHeader: bytes = Array(bytes.prefix(header / 2))
            case .truncatePayload: bytes = Array(bytes.prefix(header + (bytes.count - header) / 3))
            case .dropLastByte: bytes.removeLast()
            case .appendByte: bytes.append(0)
            case .empty: bytes = []
            case .garbage: bytes = (0..<5000).map { _ in UInt8.random(in: 0...255) }
            case .otherFormatVersion: bytes[8] &+= 1
            case .garbageWithValidHeader:
                // A correct header and hash over a payload that is not a layer: must fail decoding, not crash.
                var payload = (0..<4000).map { _ in UInt8.random(in: 0...255) }
                payload.replaceSubrange(0..<4, with: [0xFF, 0xFF, 0xFF, 0x7F])
                bytes = Self.entry(withPayload: payload)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(!cache.contains(contents.reference, identity: Self.identity) || damage == .flipPayloadByte || damage == .flipHashByte || damage == .garbageWithValidHeader)
            #expect(cache.load(contents.reference, identity: Self.identity) == nil)
            #expect(!FileManager.default.fileExists(atPath: path), "a damaged entry is removed")
            // …and the next store repairs it.
            try cache.store(contents, identity: Self.identity)
            #expect(cache.load(contents.reference, identity: Self.identity) != nil)
        }
    }

    /// A well-formed entry header (current version, right length, right hash) around `payload`.
    static func entry(withPayload payload: [UInt8]) -> [UInt8] {
        var header = LayerContentsCodec.magic
        withUnsafeBytes(of: LayerContentsCodec.formatVersion.littleEndian) { header += $0 }
        header += [0, 0, 0, 0]
        withUnsafeBytes(of: Int64(payload.count).littleEndian) { header += $0 }
        let hex = Array(TestDigest.hex(payload).utf8)
        header += stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<($0 + 2)], as: UTF8.self), radix: 16) ?? 0 }
        return header + payload
    }

    @Test func randomPayloadsWithValidChecksumsNeverCrash() async throws {
        try await withCache { cache in
            let contents = Self.sampleContents()
            try cache.store(contents, identity: Self.identity)
            let path = try entryFile(cache, contents.reference)
            let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            var generator = SystemRandomNumberGenerator()
            let whole = Array(good[LayerContentsCodec.headerSize...])
            #expect(Self.entry(withPayload: whole) == good, "the test's header matches the writer's")
            var misses = 0
            for round in 0..<300 {
                // Cut the valid payload short (always a miss), or change one byte of it under a matching
                // checksum (must never crash; it may decode, as only a real writer could produce it).
                var payload = whole
                let cut = Int.random(in: 0..<payload.count, using: &generator)
                if round % 2 == 0 {
                    payload = Array(payload.prefix(cut))
                } else {
                    payload[cut] = UInt8.random(in: 0...255, using: &generator)
                }
                try Data(Self.entry(withPayload: payload)).write(to: URL(fileURLWithPath: path))
                let loaded = cache.load(contents.reference, identity: Self.identity)
                if round % 2 == 0 { #expect(loaded == nil, "cut at \(cut)") }
                if loaded == nil { misses += 1 }
            }
            #expect(misses >= 150)
        }
    }

    @Test func entryForAnotherDiffIDAtThisNameIsAMiss() async throws {
        try await withCache { cache in
            let contents = Self.sampleContents()
            try cache.store(contents, identity: Self.identity)
            let other = LayerReference(index: 0, diffID: Digest(sha256Hex: String(repeating: "01", count: 32)))
            let otherPath = try entryFile(cache, other)
            try FileManager.default.createDirectory(atPath: (otherPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try entryFile(cache, contents.reference), toPath: otherPath)
            #expect(cache.load(other, identity: Self.identity) == nil)
            #expect(cache.load(contents.reference, identity: Self.identity) != nil)
        }
    }

    @Test func keyDependsOnDiffIDAndAnalysisIdentityButNotOnOrder() {
        let cache = LayerCache(cacheDirectory: "/c")
        let reference = LayerReference(index: 0, diffID: Self.diffID)
        let same = LayerAnalysisIdentity(catalogers: ["apk", "dpkg", "dpkg"], analyzers: ["go-binary"], version: 1)
        #expect(cache.entryPath(for: reference, identity: same) == cache.entryPath(for: reference, identity: Self.identity))
        #expect(cache.entryPath(for: LayerReference(index: 5, digest: Self.diffID, diffID: Self.diffID), identity: Self.identity) == cache.entryPath(for: reference, identity: Self.identity))
        let others = [
            LayerAnalysisIdentity(catalogers: ["dpkg"], analyzers: ["go-binary"], version: 1),
            LayerAnalysisIdentity(catalogers: ["dpkg", "apk"], analyzers: [], version: 1),
            LayerAnalysisIdentity(catalogers: ["dpkg", "apk"], analyzers: ["go-binary"], version: 2),
            LayerAnalysisIdentity(catalogers: ["dpkg", "apk"], analyzers: ["go-binary"], version: 1, settings: ["cap=1"]),
        ]
        var paths = Set(others.compactMap { cache.entryPath(for: reference, identity: $0) })
        paths.insert(cache.entryPath(for: reference, identity: Self.identity) ?? "")
        paths.insert(cache.entryPath(for: LayerReference(index: 0, diffID: Digest(sha256Hex: String(repeating: "00", count: 32))), identity: Self.identity) ?? "")
        #expect(paths.count == 6)
        #expect(cache.entryPath(for: LayerReference(index: 0), identity: Self.identity) == nil, "no diffID, no caching")
        let path = cache.entryPath(for: reference, identity: Self.identity) ?? ""
        let name = (path as NSString).lastPathComponent
        #expect(path.hasPrefix("/c/layers/\(name.prefix(2))/") && name.hasSuffix(".layer") && name.count == 64 + 6)
    }

    @Test func recordsRoundTripAndDamagedRecordsAreMisses() async throws {
        try await withCache { cache in
            let strings = ["2", "deb\u{0}libc6\u{0}2.36\u{0}+amd64", "", "ünï ⚠️"]
            #expect(cache.loadRecord(named: "chain-a", identity: Self.identity) == nil)
            try cache.storeRecord(strings, named: "chain-a", identity: Self.identity)
            #expect(cache.loadRecord(named: "chain-a", identity: Self.identity) == strings)
            #expect(cache.loadRecord(named: "chain-b", identity: Self.identity) == nil)
            #expect(cache.loadRecord(named: "chain-a", identity: LayerAnalysisIdentity(catalogers: [], analyzers: [], version: 9)) == nil)
            try cache.storeRecord([], named: "empty", identity: Self.identity)
            #expect(cache.loadRecord(named: "empty", identity: Self.identity) == [])
            #expect(cache.status().entries == 2)
            let path = cache.recordPath(named: "chain-a", identity: Self.identity)
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.count - 2] ^= 0x10
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(cache.loadRecord(named: "chain-a", identity: Self.identity) == nil)
            #expect(!FileManager.default.fileExists(atPath: path))
            // A layer entry is never read as a record (and the other way round).
            let contents = Self.sampleContents()
            try cache.store(contents, identity: Self.identity)
            try FileManager.default.copyItem(atPath: try entryFile(cache, contents.reference), toPath: path)
            #expect(cache.loadRecord(named: "chain-a", identity: Self.identity) == nil)
        }
    }

    @Test func layerWithoutDiffIDIsNotStored() async throws {
        try await withCache { cache in
            var contents = Self.sampleContents()
            contents.reference.diffID = nil
            try cache.store(contents, identity: Self.identity)
            #expect(cache.status().entries == 0)
        }
    }

    @Test func statusCountsEntriesAndCleanRemovesThem() async throws {
        try await TemporaryDirectory.with { dir in
            let cache = LayerCache(cacheDirectory: dir)
            #expect(cache.status() == LayerCacheStatus(path: dir + "/layers"))
            for index in 0..<5 {
                var contents = Self.sampleContents()
                contents.reference.diffID = Digest(sha256Hex: String(repeating: String(format: "%02x", index), count: 32))
                try cache.store(contents, identity: Self.identity)
            }
            let path = try entryFile(cache, LayerReference(index: 0, diffID: Digest(sha256Hex: String(repeating: "00", count: 32))))
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: (path as NSString).deletingLastPathComponent + "/.x.1.2.tmp"))
            let status = cache.status()
            #expect(status.entries == 5)
            #expect(status.temporaryFiles == 1)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            #expect(status.totalBytes == Int64(size * 5))
            #expect(try cache.clean() == status)
            #expect(cache.status() == LayerCacheStatus(path: dir + "/layers"))
            #expect(!FileManager.default.fileExists(atPath: dir + "/layers"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
            #expect(try cache.clean().entries == 0, "cleaning an empty cache is fine")
        }
    }

    @Test func storingRemovesTemporaryFilesOfKilledWritersOnly() async throws {
        try await withCache { cache in
            let contents = Self.sampleContents()
            try cache.store(contents, identity: Self.identity)
            let folder = (try entryFile(cache, contents.reference) as NSString).deletingLastPathComponent
            let stale = folder + "/.dead.1.2.tmp"
            let fresh = folder + "/.busy.3.4.tmp"
            try Data([1]).write(to: URL(fileURLWithPath: stale))
            try Data([2]).write(to: URL(fileURLWithPath: fresh))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: stale)
            #expect(cache.status().temporaryFiles == 2)
            try cache.store(contents, identity: Self.identity)
            #expect(!FileManager.default.fileExists(atPath: stale))
            #expect(FileManager.default.fileExists(atPath: fresh), "a writer may still be busy with it")
        }
    }

    @Test func manyConcurrentWritersAndReadersOfOneKey() async throws {
        try await withCache { cache in
            let contents = Self.sampleContents()
            let expected = ChangeSnapshot.of(contents)
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for worker in 0..<32 {
                    group.addTask {
                        if worker % 2 == 0 { try cache.store(contents, identity: Self.identity) }
                        guard let loaded = cache.load(contents.reference, identity: Self.identity) else { return true }  // a miss is fine
                        return ChangeSnapshot.of(loaded) == expected
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0 })
            #expect(cache.status().entries == 1)
            #expect(cache.status().temporaryFiles == 0)
        }
    }

    @Test func unwritableCacheDirectoryIsAnIOError() async throws {
        try await TemporaryDirectory.with { dir in
            try Data([1]).write(to: URL(fileURLWithPath: dir + "/file"))
            let cache = LayerCache(directory: dir + "/file/layers")
            #expect(throws: BulwarkError.self) { try cache.store(Self.sampleContents(), identity: Self.identity) }
            #expect(cache.load(Self.sampleContents().reference, identity: Self.identity) == nil)
            #expect(cache.status().entries == 0)
        }
    }
}
