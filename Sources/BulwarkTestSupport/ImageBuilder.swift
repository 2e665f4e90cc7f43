import BulwarkCore
import Crypto
import Foundation

/// How a test layer is compressed.
public enum LayerCompression: Sendable {
    case none, gzip, zstd
}

/// A layer described in memory.
public struct TestLayer: Sendable {
    /// The layer tar (uncompressed).
    public var tar: [UInt8]
    /// The compression applied when stored.
    public var compression: LayerCompression
    /// The history `created_by`.
    public var createdBy: String

    /// Creates a layer from a tar writer's output.
    public init(tar: [UInt8], compression: LayerCompression = .gzip, createdBy: String = "ADD rootfs /") {
        self.tar = tar
        self.compression = compression
        self.createdBy = createdBy
    }

    /// Creates a layer from path → contents pairs (directories created implicitly are not needed).
    public init(files: [(String, String)], compression: LayerCompression = .gzip, createdBy: String = "ADD rootfs /") {
        var writer = TarWriter()
        for (path, text) in files { writer.file(path, text) }
        self.init(tar: writer.finished(), compression: compression, createdBy: createdBy)
    }

    /// The stored blob.
    public var blob: [UInt8] {
        switch compression {
        case .none: return tar
        case .gzip: return Compressors.gzip(tar)
        case .zstd: return Compressors.zstd(tar)
        }
    }

    /// The OCI media type of the stored blob.
    public var mediaType: String {
        switch compression {
        case .none: return "application/vnd.oci.image.layer.v1.tar"
        case .gzip: return "application/vnd.oci.image.layer.v1.tar+gzip"
        case .zstd: return "application/vnd.oci.image.layer.v1.tar+zstd"
        }
    }
}

/// An image described in memory: layers plus config fields.
public struct TestImage: Sendable {
    public var layers: [TestLayer]
    public var os = "linux"
    public var architecture = "amd64"
    public var variant: String?
    public var user: String? = "0:0"
    public var env: [String] = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]
    /// Overrides the diff_ids written into the config (to build inconsistent images).
    public var diffIDOverride: [String]?
    /// Config labels.
    public var labels: [String: String] = [:]
    /// `Healthcheck.Test`, when set.
    public var healthcheck: [String]?
    /// `created_by` of config-only history steps appended after the layers' (ENV, ARG, LABEL…).
    public var emptyLayerHistory: [String] = []

    /// Creates an image.
    public init(layers: [TestLayer]) { self.layers = layers }

    /// The config JSON.
    public func configJSON() -> [UInt8] {
        let diffIDs = diffIDOverride ?? layers.map { TestDigest.sha256($0.tar) }
        var history: [[String: Any]] = []
        for layer in layers { history.append(["created": "2024-01-01T00:00:00Z", "created_by": layer.createdBy]) }
        history.insert(["created": "2024-01-01T00:00:00Z", "created_by": "LABEL a=b", "empty_layer": true], at: min(1, history.count))
        for step in emptyLayerHistory { history.append(["created": "2024-01-01T00:00:00Z", "created_by": step, "empty_layer": true]) }
        var config: [String: Any] = ["Env": env, "Cmd": ["/bin/sh"]]
        if let user { config["User"] = user }
        if !labels.isEmpty { config["Labels"] = labels }
        if let healthcheck { config["Healthcheck"] = ["Test": healthcheck] }
        var object: [String: Any] = [
            "architecture": architecture, "os": os, "created": "2024-01-01T00:00:00Z",
            "config": config, "rootfs": ["type": "layers", "diff_ids": diffIDs], "history": history,
        ]
        if let variant { object["variant"] = variant }
        return TestJSON.encode(object)
    }
}

/// SHA-256 helpers for tests.
public enum TestDigest {
    /// `sha256:<hex>` of `data`.
    public static func sha256(_ data: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The hex part only.
    public static func hex(_ data: [UInt8]) -> String { String(sha256(data).dropFirst(7)) }
}

/// Deterministic JSON for tests.
public enum TestJSON {
    /// Encodes a JSON object with sorted keys.
    public static func encode(_ object: Any) -> [UInt8] {
        (try? Array(JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))) ?? []
    }
}
