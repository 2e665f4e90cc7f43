import BulwarkCore

/// Media types Bulwark reads (OCI image spec and Docker's v2 schema 2).
public enum MediaType {
    public static let ociIndex = "application/vnd.oci.image.index.v1+json"
    public static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let ociConfig = "application/vnd.oci.image.config.v1+json"
    public static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    public static let dockerManifestV1 = "application/vnd.docker.distribution.manifest.v1+json"
    public static let dockerManifestV1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws"

    /// Whether `type` names an index / manifest list.
    public static func isIndex(_ type: String?) -> Bool { type == ociIndex || type == dockerManifestList }
    /// Whether `type` names a single-image manifest.
    public static func isManifest(_ type: String?) -> Bool { type == ociManifest || type == dockerManifest }
}

/// An OCI platform (`os/architecture[/variant]`).
public struct Platform: Codable, Sendable, Hashable, CustomStringConvertible {
    public var os: String
    public var architecture: String
    public var variant: String?

    enum CodingKeys: String, CodingKey {
        case os, architecture, variant
    }

    /// Creates a platform.
    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = (variant?.isEmpty ?? true) ? nil : variant
    }

    /// Parses `os/arch[/variant]`.
    public init(parsing text: String) throws(BulwarkError) {
        let parts = text.split(separator: "/").map(String.init)
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw BulwarkError(.invalidInput, "invalid platform '\(text)': expected os/arch[/variant], e.g. linux/arm64/v8")
        }
        self.init(os: parts[0], architecture: parts[1], variant: parts.count == 3 ? parts[2] : nil)
    }

    public var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }

    /// The platform of this machine (linux + the CPU architecture in OCI spelling).
    public static var host: Platform {
        #if arch(arm64)
            return Platform(os: "linux", architecture: "arm64", variant: "v8")
        #elseif arch(x86_64)
            return Platform(os: "linux", architecture: "amd64")
        #else
            return Platform(os: "linux", architecture: "amd64")
        #endif
    }

    /// Whether an image of platform `candidate` satisfies this request. A request without variant
    /// accepts any variant; `arm64` treats a missing variant as `v8`.
    public func matches(_ candidate: Platform) -> Bool {
        guard os == candidate.os, architecture == candidate.architecture else { return false }
        guard let wanted = variant else { return true }
        let normalizedCandidate = candidate.variant ?? (candidate.architecture == "arm64" ? "v8" : nil)
        return wanted == normalizedCandidate
    }
}

/// An OCI content descriptor.
public struct Descriptor: Codable, Sendable, Hashable {
    public var mediaType: String?
    public var digest: Digest
    public var size: Int64
    public var annotations: [String: String]?
    public var platform: Platform?
    public var urls: [String]?
}

/// An OCI image index or Docker manifest list.
public struct ImageIndex: Codable, Sendable {
    public var schemaVersion: Int?
    public var mediaType: String?
    public var manifests: [Descriptor]
}

/// An OCI image manifest or Docker v2 schema 2 manifest.
public struct ImageManifest: Codable, Sendable {
    public var schemaVersion: Int?
    public var mediaType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    /// Manifest annotations (`org.opencontainers.image.base.name`…).
    public var annotations: [String: String]?
}

/// The parts of the OCI image configuration Bulwark reads.
public struct ImageConfiguration: Codable, Sendable {
    public struct RootFS: Codable, Sendable {
        public var type: String?
        public var diff_ids: [Digest]?
    }

    public struct History: Codable, Sendable {
        public var created: String?
        public var created_by: String?
        public var comment: String?
        public var empty_layer: Bool?
    }

    public struct Runtime: Codable, Sendable {
        public var User: String?
        public var Env: [String]?
        public var Entrypoint: [String]?
        public var Cmd: [String]?
        public var WorkingDir: String?
        public var ExposedPorts: [String: AnyCodableEmpty]?
        public var Labels: [String: String]?
        public var StopSignal: String?
        public var Healthcheck: HealthcheckConfig?
    }

    /// `Healthcheck` of the runtime config (only `Test` matters to Bulwark).
    public struct HealthcheckConfig: Codable, Sendable {
        public var Test: [String]?
    }

    public var architecture: String?
    public var os: String?
    public var variant: String?
    public var created: String?
    public var config: Runtime?
    public var rootfs: RootFS?
    public var history: [History]?

    /// The runtime configuration in Bulwark's model.
    public var runtime: ImageRuntimeConfig {
        ImageRuntimeConfig(
            user: config?.User, env: config?.Env ?? [], entrypoint: config?.Entrypoint ?? [], cmd: config?.Cmd ?? [],
            workingDir: config?.WorkingDir, exposedPorts: (config?.ExposedPorts?.keys).map { Array($0).sorted() } ?? [],
            labels: config?.Labels ?? [:], stopSignal: config?.StopSignal, healthcheck: config?.Healthcheck?.Test)
    }

    /// Every history entry in Bulwark's model.
    public var historyEntries: [ImageHistoryEntry] {
        (history ?? []).map { ImageHistoryEntry(createdBy: $0.created_by, comment: $0.comment, emptyLayer: $0.empty_layer ?? false) }
    }

    /// `created_by` for each non-empty layer, in layer order (history entries marked `empty_layer` skipped).
    public var layerHistory: [String?] {
        (history ?? []).filter { $0.empty_layer != true }.map { $0.created_by }
    }
}

/// Decodes any JSON value and ignores it (the `{}` values of `ExposedPorts`).
public struct AnyCodableEmpty: Codable, Sendable, Hashable {
    public init() {}
    public init(from decoder: any Decoder) throws {}
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode([String: String]())
    }
}

/// One entry of a `docker save` manifest.json.
public struct DockerArchiveManifestEntry: Codable, Sendable {
    public var Config: String
    public var RepoTags: [String]?
    public var Layers: [String]
}
