import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Synchronization
import Testing

/// Wraps a layer's opener: records every open, and fails the scan when opening is forbidden.
struct RecordingOpener: BlobOpener {
    let inner: any BlobOpener
    let index: Int
    let opened: OpenLog
    let forbidden: Bool

    func open() throws(BulwarkError) -> any ByteSource {
        opened.record(index)
        if forbidden { throw BulwarkError(.io, "layer \(index) was opened although it is cached") }
        return try inner.open()
    }

    func map() -> MappedRegion? { forbidden ? nil : inner.map() }
}

/// The layer positions opened during a scan.
final class OpenLog: Sendable {
    private let indices = Mutex<[Int]>([])
    func record(_ index: Int) { indices.withLock { $0.append(index) } }
    var all: [Int] { indices.withLock { $0.sorted() } }
}

@Suite struct LayerCacheScanTests {
    let scanner = InventoryScanner()

    static var base: TestLayer { Fixtures.debianImage().layers[0] }
    static func upper(_ packages: [(name: String, version: String, source: String?)], createdBy: String) -> TestLayer {
        let all: [(name: String, version: String, source: String?)] = [("libc6", "2.36-9+deb12u4", "glibc"), ("zlib1g", "1:1.2.13.dfsg-1", "zlib")] + packages
        return TestLayer(files: [("var/lib/dpkg/status", Fixtures.dpkgStatus(all))], createdBy: createdBy)
    }
    static var imageA: TestImage { TestImage(layers: [base, upper([("openssl", "3.0.11-1~deb12u2", nil)], createdBy: "RUN apt-get install openssl")]) }
    static var imageB: TestImage { TestImage(layers: [base, upper([("curl", "7.88.1-10+deb12u5", nil)], createdBy: "RUN apt-get install curl")]) }

    /// Writes `image` as a docker archive and resolves it, each layer's opener wrapped to record opens.
    func resolve(_ image: TestImage, in dir: String, name: String, log: OpenLog = OpenLog(), forbidden: Set<Int> = []) throws -> ResolvedImage {
        let path = try TemporaryDirectory.write(ImageWriter.tar(ImageWriter.dockerArchiveFiles(image)), named: name, in: dir)
        var resolved = try ImageOpener.open(path: path, scratchDirectory: dir + "/scratch").resolve(ImageSelection())
        for index in resolved.layers.indices {
            resolved.layers[index].opener = RecordingOpener(inner: resolved.layers[index].opener, index: index, opened: log, forbidden: forbidden.contains(index))
        }
        return resolved
    }

    func options(_ dir: String, cached: Bool = true, packages: PackageSelection = PackageSelection()) -> InventoryScanOptions {
        InventoryScanOptions(scratchDirectory: dir + "/scratch", packages: packages, layerCache: cached ? LayerCache(cacheDirectory: dir + "/cache") : nil)
    }

    @Test func secondImageSharingTheBaseReadsOnlyItsNewLayer() async throws {
        try await TemporaryDirectory.with { dir in
            let firstLog = OpenLog()
            let first = try resolve(Self.imageA, in: dir, name: "a.tar", log: firstLog)
            #expect(scanner.cachedLayerIndices(of: first, options: options(dir)) == [])
            let a = try await scanner.scan(first, options: options(dir))
            #expect(firstLog.all == [0, 1])
            #expect(scanner.cachedLayerIndices(of: first, options: options(dir)) == [0, 1])
            #expect(scanner.cachedLayerIndices(of: first, options: options(dir, cached: false)) == [])

            let secondLog = OpenLog()
            let second = try resolve(Self.imageB, in: dir, name: "b.tar", log: secondLog, forbidden: [0])
            #expect(scanner.cachedLayerIndices(of: second, options: options(dir)) == [0])
            let b = try await scanner.scan(second, options: options(dir))
            #expect(secondLog.all == [1], "only the new layer is read")
            #expect(b.packages.map(\.name) == ["curl", "libc6", "zlib1g"])
            #expect(b.packages.first { $0.name == "curl" }?.layer?.index == 1)
            #expect(b.packages.first { $0.name == "libc6" }?.layer == b.image?.layers[0])

            // A warm rescan of A opens nothing at all, and reports exactly what the cold scan did.
            let again = try await scanner.scan(try resolve(Self.imageA, in: dir, name: "a2.tar", forbidden: [0, 1]), options: options(dir))
            #expect(again.packages == a.packages)
            #expect(again.warnings == a.warnings)
            #expect(again.operatingSystem == a.operatingSystem)
        }
    }

    @Test func resultsAreIdenticalWithAndWithoutTheCache() async throws {
        try await TemporaryDirectory.with { dir in
            // The cached base sits at another position (1, not 0) in the third image: attribution
            // must follow the current image's layers.
            let shifted = TestImage(layers: [TestLayer(files: [("etc/motd", "hi\n")], createdBy: "ADD motd /"), Self.base, Self.imageB.layers[1]])
            for image in [Self.imageA, Self.imageB, shifted, Self.imageA] {
                let plain = try await scanner.scan(try resolve(image, in: dir, name: "plain.tar"), options: options(dir, cached: false))
                let cold = try await scanner.scan(try resolve(image, in: dir, name: "cold.tar"), options: options(dir))
                let warm = try await scanner.scan(try resolve(image, in: dir, name: "warm.tar", forbidden: Set(image.layers.indices)), options: options(dir))
                for cached in [cold, warm] {
                    #expect(cached.packages == plain.packages)
                    #expect(cached.packages.map(\.layer) == plain.packages.map(\.layer))
                    #expect(cached.warnings == plain.warnings)
                    #expect(cached.operatingSystem == plain.operatingSystem)
                    #expect(cached.image == plain.image)
                }
            }
            let inShifted = try await scanner.scan(try resolve(shifted, in: dir, name: "s.tar", forbidden: [0, 1, 2]), options: options(dir))
            #expect(inShifted.packages.first { $0.name == "libc6" }?.layer?.index == 1)
            #expect(inShifted.packages.first { $0.name == "libc6" }?.layer?.createdBy == "ADD rootfs.tar /")
        }
    }

    @Test func packageTypeSelectionIsPartOfTheKey() async throws {
        try await TemporaryDirectory.with { dir in
            let image = try resolve(Self.imageA, in: dir, name: "a.tar")
            let osOnly = options(dir, packages: PackageSelection(types: ["os"]))
            _ = try await scanner.scan(image, options: osOnly)
            #expect(scanner.cachedLayerIndices(of: image, options: osOnly) == [0, 1])
            #expect(scanner.cachedLayerIndices(of: image, options: options(dir)) == [], "other catalogers collect other files")
            let all = try await scanner.scan(image, options: options(dir))
            let plain = try await scanner.scan(image, options: options(dir, cached: false))
            #expect(all.packages == plain.packages)
        }
    }

    @Test func layerFailingItsDigestCheckIsNeverCached() async throws {
        try await TemporaryDirectory.with { dir in
            for compression in [LayerCompression.none, .gzip] {
                var image = TestImage(layers: [TestLayer(files: [("etc/os-release", Fixtures.debianOSRelease)], compression: compression)])
                image.diffIDOverride = ["sha256:" + String(repeating: "0", count: 64)]
                let resolved = try resolve(image, in: dir, name: "bad.tar")
                await #expect(throws: BulwarkError.self) { try await scanner.scan(resolved, options: options(dir)) }
                #expect(LayerCache(cacheDirectory: dir + "/cache").status().entries == 0)
            }
        }
    }

    @Test func damagedEntryFallsBackToReadingTheLayer() async throws {
        try await TemporaryDirectory.with { dir in
            let plain = try await scanner.scan(try resolve(Self.imageA, in: dir, name: "p.tar"), options: options(dir, cached: false))
            _ = try await scanner.scan(try resolve(Self.imageA, in: dir, name: "a.tar"), options: options(dir))
            let cache = LayerCache(cacheDirectory: dir + "/cache")
            #expect(cache.status().entries == 3, "2 layers and the OS snapshot of the base")
            // Damage every entry's last byte (its payload) without touching the header.
            let root = dir + "/cache/layers"
            for folder in try FileManager.default.contentsOfDirectory(atPath: root) {
                for name in try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder) {
                    let path = root + "/" + folder + "/" + name
                    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                    bytes[bytes.count - 1] ^= 0xFF
                    try Data(bytes).write(to: URL(fileURLWithPath: path))
                }
            }
            let log = OpenLog()
            let rescanned = try await scanner.scan(try resolve(Self.imageA, in: dir, name: "r.tar", log: log), options: options(dir))
            #expect(log.all == [0, 1])
            #expect(rescanned.packages == plain.packages)
            #expect(cache.status().entries == 3, "rewritten")
        }
    }
}
