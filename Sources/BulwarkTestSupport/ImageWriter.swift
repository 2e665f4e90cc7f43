import BulwarkCore
import Foundation

/// Writes test images in the real on-disk formats: OCI layouts (directory or tar, single image or
/// multi-platform index) and `docker save` tarballs (classic and OCI-style).
public enum ImageWriter {
    /// A blob with its descriptor.
    struct Blob {
        var bytes: [UInt8]
        var mediaType: String
        var digest: String { TestDigest.sha256(bytes) }
        var descriptor: [String: Any] { ["mediaType": mediaType, "digest": digest, "size": bytes.count] }
    }

    /// The manifest and blobs of one image.
    static func manifest(for image: TestImage) -> (manifest: Blob, blobs: [Blob]) {
        let config = Blob(bytes: image.configJSON(), mediaType: "application/vnd.oci.image.config.v1+json")
        let layers = image.layers.map { Blob(bytes: $0.blob, mediaType: $0.mediaType) }
        let manifest: [String: Any] = [
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": config.descriptor, "layers": layers.map(\.descriptor),
        ]
        return (Blob(bytes: TestJSON.encode(manifest), mediaType: "application/vnd.oci.image.manifest.v1+json"), [config] + layers)
    }

    /// Files of an OCI layout holding `images`, each with a ref name; `asIndex` nests them in one
    /// image index with platforms (a multi-platform image) instead of listing them at the top.
    public static func ociLayoutFiles(_ images: [(ref: String, image: TestImage)], asIndex: Bool = false) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = [("oci-layout", Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8))]
        var seen: Set<String> = []
        var descriptors: [[String: Any]] = []
        func add(_ blob: Blob) {
            if seen.insert(blob.digest).inserted { files.append(("blobs/sha256/" + blob.digest.dropFirst(7), blob.bytes)) }
        }
        for (ref, image) in images {
            let (manifest, blobs) = manifest(for: image)
            blobs.forEach(add)
            add(manifest)
            var descriptor = manifest.descriptor
            var platform: [String: Any] = ["os": image.os, "architecture": image.architecture]
            if let variant = image.variant { platform["variant"] = variant }
            descriptor["platform"] = platform
            if !asIndex { descriptor["annotations"] = ["org.opencontainers.image.ref.name": ref] }
            descriptors.append(descriptor)
        }
        if asIndex {
            let nested = Blob(
                bytes: TestJSON.encode(["schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": descriptors]),
                mediaType: "application/vnd.oci.image.index.v1+json")
            add(nested)
            var top = nested.descriptor
            top["annotations"] = ["org.opencontainers.image.ref.name": images.first?.ref ?? "latest"]
            descriptors = [top]
        }
        files.append(("index.json", TestJSON.encode(["schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": descriptors])))
        return files
    }

    /// Files of a classic `docker save` tarball (`<id>/layer.tar`, `<config>.json`, manifest.json).
    public static func dockerArchiveFiles(_ image: TestImage, tags: [String] = ["test/image:latest"], ociStyle: Bool = false) -> [(String, [UInt8])] {
        let config = image.configJSON()
        let configHex = TestDigest.hex(config)
        var files: [(String, [UInt8])] = []
        var layerPaths: [String] = []
        for layer in image.layers {
            let blob = layer.blob
            let path = ociStyle ? "blobs/sha256/" + TestDigest.hex(blob) : TestDigest.hex(blob) + "/layer.tar"
            layerPaths.append(path)
            files.append((path, blob))
        }
        let configPath = ociStyle ? "blobs/sha256/" + configHex : configHex + ".json"
        files.append((configPath, config))
        files.append(("manifest.json", TestJSON.encode([["Config": configPath, "RepoTags": tags, "Layers": layerPaths]])))
        if ociStyle {
            let (manifest, _) = manifest(for: image)
            files.append(("blobs/sha256/" + TestDigest.hex(manifest.bytes), manifest.bytes))
            files.append(("oci-layout", Array(#"{"imageLayoutVersion":"1.0.0"}"#.utf8)))
            files.append(("index.json", TestJSON.encode(["schemaVersion": 2, "manifests": [manifest.descriptor]])))
        }
        return files
    }

    /// Packs files into a tar.
    public static func tar(_ files: [(String, [UInt8])]) -> [UInt8] {
        var writer = TarWriter()
        for (path, bytes) in files { writer.file(path, bytes) }
        return writer.finished()
    }

    /// Writes files under a directory.
    public static func writeDirectory(_ files: [(String, [UInt8])], to directory: String) throws {
        for (path, bytes) in files {
            let url = URL(fileURLWithPath: directory + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }
}

/// A temporary directory removed when the closure ends.
public enum TemporaryDirectory {
    /// Runs `body` with a fresh directory.
    public static func with<T>(_ body: (String) async throws -> T) async rethrows -> T {
        let path = NSTemporaryDirectory() + "bulwark-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }

    /// Writes `bytes` to `name` inside `directory` and returns the path.
    @discardableResult
    public static func write(_ bytes: [UInt8], named name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
