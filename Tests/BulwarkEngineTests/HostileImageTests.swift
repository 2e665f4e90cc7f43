import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Testing

/// Every hostile or broken input must end in a one-line `BulwarkError` naming the input — never a
/// crash, hang, or write outside the scratch directory.
@Suite struct HostileImageTests {
    let scanner = InventoryScanner()

    func expectFailure(_ bytes: [UInt8], code: BulwarkError.Code = .invalidInput, containing needle: String) async throws {
        try await TemporaryDirectory.with { dir in
            let path = try TemporaryDirectory.write(bytes, named: "hostile.tar", in: dir)
            do {
                _ = try await scanner.scanImage(at: path, options: InventoryScanOptions(scratchDirectory: dir + "/scratch"))
                Issue.record("expected an error containing '\(needle)'")
            } catch let error as BulwarkError {
                #expect(error.code == code, "\(error.message)")
                #expect(error.message.contains(needle), "\(error.message)")
                #expect(error.message.contains(path) || error.message.contains("hostile.tar"), "\(error.message)")
                #expect(!error.message.contains("\n"))
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            #expect(Set(leftovers).isSubset(of: ["hostile.tar", "scratch"]))
        }
    }

    static func archive(_ image: TestImage, ociStyle: Bool = false, mutate: (inout [(String, [UInt8])]) -> Void = { _ in }) -> [UInt8] {
        var files = ImageWriter.dockerArchiveFiles(image, ociStyle: ociStyle)
        mutate(&files)
        return ImageWriter.tar(files)
    }

    @Test func truncatedTarball() async throws {
        let bytes = Self.archive(Fixtures.debianImage())
        try await expectFailure(Array(bytes.prefix(bytes.count / 2 + 100)), containing: "truncated")
    }

    @Test func missingLayerBlob() async throws {
        let bytes = Self.archive(Fixtures.debianImage()) { files in
            if let index = files.firstIndex(where: { $0.0.hasSuffix("layer.tar") }) { files.remove(at: index) }
        }
        try await expectFailure(bytes, code: .notFound, containing: "missing")
    }

    @Test func manifestIsNotJSON() async throws {
        let bytes = Self.archive(Fixtures.debianImage()) { files in
            if let index = files.firstIndex(where: { $0.0 == "manifest.json" }) { files[index].1 = Array("{not json".utf8) }
        }
        try await expectFailure(bytes, containing: "manifest.json")
    }

    @Test func corruptGzipLayer() async throws {
        var image = Fixtures.debianImage()
        image.layers = [image.layers[0]]
        var files = ImageWriter.dockerArchiveFiles(image)
        if let index = files.firstIndex(where: { $0.0.hasSuffix("layer.tar") }) {
            var blob = files[index].1
            for offset in stride(from: 20, to: blob.count - 8, by: 7) { blob[offset] ^= 0x5A }
            files[index].1 = blob
        }
        try await expectFailure(ImageWriter.tar(files), containing: "gzip")
    }

    @Test func truncatedZstdLayer() async throws {
        var image = Fixtures.debianImage(compression: .zstd)
        image.layers = [image.layers[0]]
        let blob = image.layers[0].blob
        var files = ImageWriter.dockerArchiveFiles(image)
        if let index = files.firstIndex(where: { $0.0.hasSuffix("layer.tar") }) { files[index].1 = Array(blob.prefix(blob.count / 2)) }
        try await expectFailure(ImageWriter.tar(files), containing: "zstd")
    }

    @Test func blobDigestMismatchNamesTheBlob() async throws {
        var image = Fixtures.debianImage(compression: .none)
        image.layers = [image.layers[0]]
        var files = ImageWriter.dockerArchiveFiles(image, ociStyle: true)
        if let index = files.firstIndex(where: { $0.0.hasPrefix("blobs/") && $0.1 == image.layers[0].blob }) {
            // A valid tar of the same size but other content, stored under the original digest.
            var swapped = image.layers[0].blob
            if let position = swapped.firstIndex(of: UInt8(ascii: "D")) { swapped[position] = UInt8(ascii: "X") }
            files[index].1 = swapped
        }
        try await expectFailure(ImageWriter.tar(files), code: .integrity, containing: "layer 0 (sha256:")
    }

    @Test func diffIDMismatch() async throws {
        var image = Fixtures.debianImage()
        image.diffIDOverride = [TestDigest.sha256([1]), TestDigest.sha256([2])]
        try await expectFailure(Self.archive(image), code: .integrity, containing: "diffID")
    }

    @Test(arguments: ["../../etc/passwd", "/etc/shadow", "a/../../escape"])
    func entriesEscapingTheRoot(name: String) async throws {
        var writer = TarWriter()
        writer.file(name, "root:x:0:0")
        let image = TestImage(layers: [TestLayer(tar: writer.finished())])
        try await expectFailure(Self.archive(image), containing: "escapes the root")
    }

    @Test func headerClaimingTenGigabytes() async throws {
        var writer = TarWriter()
        writer.rawHeader(name: "var/lib/dpkg/status", type: "0", size: 10 << 30)
        writer.raw([UInt8](repeating: 0x41, count: 4096))
        let image = TestImage(layers: [TestLayer(tar: writer.bytes, compression: .gzip)])
        try await expectFailure(Self.archive(image), code: .limitExceeded, containing: "limit")
        // The same claim on an uncollected file is simply a truncated stream.
        var other = TarWriter()
        other.rawHeader(name: "big.bin", type: "0", size: 10 << 30)
        other.raw([UInt8](repeating: 0x41, count: 4096))
        try await expectFailure(Self.archive(TestImage(layers: [TestLayer(tar: other.bytes)])), containing: "truncated")
    }

    @Test func garbageTarHeader() async throws {
        let garbage = TestLayer(tar: [UInt8](repeating: 0x7F, count: 2048), compression: .none)
        try await expectFailure(Self.archive(TestImage(layers: [garbage])), containing: "checksum")
    }

    @Test func statusFileWithGarbageLines() async throws {
        let status = Fixtures.dpkgStatus([("libc6", "2.36-9", nil)]) + "\n@@@ this is not a field\n"
        let image = TestImage(layers: [TestLayer(files: [("var/lib/dpkg/status", status)])])
        try await expectFailure(Self.archive(image), containing: "/var/lib/dpkg/status: line")
    }

    @Test func notAnImageAtAll() async throws {
        try await expectFailure(Array("hello world, not a tar".utf8), containing: "too short")
        try await expectFailure(Compressors.gzip([UInt8](repeating: 0, count: 100)), containing: "too short")
        try await expectFailure(ImageWriter.tar([("readme.txt", Array("hi".utf8))]), containing: "not an image")
    }

    @Test func indexJSONNotJSONAndSchema1() async throws {
        try await expectFailure(ImageWriter.tar([("oci-layout", Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8)), ("index.json", Array("[[[".utf8))]), containing: "index.json")
        let manifest = Array(#"{"schemaVersion": 1, "name": "x", "fsLayers": []}"#.utf8)
        let hex = TestDigest.hex(manifest)
        let index = TestJSON.encode(["schemaVersion": 2, "manifests": [["mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:" + hex, "size": manifest.count]]])
        try await expectFailure(ImageWriter.tar([("index.json", index), ("blobs/sha256/" + hex, manifest)]), code: .unsupported, containing: "schema 1")
    }
}
