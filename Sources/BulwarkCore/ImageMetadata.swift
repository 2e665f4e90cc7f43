/// What Bulwark knows about a scanned image beyond its files.
public struct ImageMetadata: Hashable, Sendable, Codable {
    /// The digest of the selected manifest, when the source has one.
    public var manifestDigest: Digest?
    /// The digest of the image config blob (the image id).
    public var configDigest: Digest?
    /// Tags the source records for the image (`repo:tag`).
    public var repoTags: [String]
    /// Repository digests (`repo@sha256:…`).
    public var repoDigests: [String]
    /// `os` from the config, e.g. `linux`.
    public var os: String?
    /// `architecture` from the config, e.g. `amd64`.
    public var architecture: String?
    /// `variant` from the config, e.g. `v8`.
    public var variant: String?
    /// The config's creation timestamp, as written.
    public var created: String?
    /// The layers, base first.
    public var layers: [LayerReference]
    /// The runtime configuration: user, env, entrypoint, cmd, labels…
    public var config: ImageRuntimeConfig
    /// Every history entry of the config, empty layers included (`ENV`, `ARG`, `LABEL` steps live there).
    public var history: [ImageHistoryEntry]
    /// The manifest's annotations (OCI layouts and registries; `docker save` archives have none).
    public var annotations: [String: String]

    /// Creates image metadata.
    public init(
        manifestDigest: Digest? = nil, configDigest: Digest? = nil, repoTags: [String] = [], repoDigests: [String] = [],
        os: String? = nil, architecture: String? = nil, variant: String? = nil, created: String? = nil,
        layers: [LayerReference] = [], config: ImageRuntimeConfig = ImageRuntimeConfig(), history: [ImageHistoryEntry] = [],
        annotations: [String: String] = [:]
    ) {
        self.manifestDigest = manifestDigest
        self.configDigest = configDigest
        self.repoTags = repoTags
        self.repoDigests = repoDigests
        self.os = os
        self.architecture = architecture
        self.variant = variant
        self.created = created
        self.layers = layers
        self.config = config
        self.history = history
        self.annotations = annotations
    }

    private enum CodingKeys: String, CodingKey {
        case manifestDigest, configDigest, repoTags, repoDigests, os, architecture, variant, created, layers, config, history, annotations
    }

    /// Decodes metadata; `history` is optional so reports saved by earlier versions still read.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        manifestDigest = try c.decodeIfPresent(Digest.self, forKey: .manifestDigest)
        configDigest = try c.decodeIfPresent(Digest.self, forKey: .configDigest)
        repoTags = try c.decodeIfPresent([String].self, forKey: .repoTags) ?? []
        repoDigests = try c.decodeIfPresent([String].self, forKey: .repoDigests) ?? []
        os = try c.decodeIfPresent(String.self, forKey: .os)
        architecture = try c.decodeIfPresent(String.self, forKey: .architecture)
        variant = try c.decodeIfPresent(String.self, forKey: .variant)
        created = try c.decodeIfPresent(String.self, forKey: .created)
        layers = try c.decodeIfPresent([LayerReference].self, forKey: .layers) ?? []
        config = try c.decodeIfPresent(ImageRuntimeConfig.self, forKey: .config) ?? ImageRuntimeConfig()
        history = try c.decodeIfPresent([ImageHistoryEntry].self, forKey: .history) ?? []
        annotations = try c.decodeIfPresent([String: String].self, forKey: .annotations) ?? [:]
    }

    /// `os/architecture[/variant]`.
    public var platform: String? {
        guard let os, let architecture else { return nil }
        return [os, architecture, variant].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "/")
    }
}

/// The runtime part of an image config (`config` in the OCI image config).
public struct ImageRuntimeConfig: Hashable, Sendable, Codable {
    public var user: String?
    public var env: [String]
    public var entrypoint: [String]
    public var cmd: [String]
    public var workingDir: String?
    public var exposedPorts: [String]
    public var labels: [String: String]
    public var stopSignal: String?
    /// `Healthcheck.Test` (`["CMD-SHELL", "curl -f …"]`, `["NONE"]` when disabled); nil when the image has none.
    public var healthcheck: [String]?

    /// Creates a runtime config.
    public init(
        user: String? = nil, env: [String] = [], entrypoint: [String] = [], cmd: [String] = [],
        workingDir: String? = nil, exposedPorts: [String] = [], labels: [String: String] = [:], stopSignal: String? = nil,
        healthcheck: [String]? = nil
    ) {
        self.user = user
        self.env = env
        self.entrypoint = entrypoint
        self.cmd = cmd
        self.workingDir = workingDir
        self.exposedPorts = exposedPorts
        self.labels = labels
        self.stopSignal = stopSignal
        self.healthcheck = healthcheck
    }
}

/// One entry of the image config's `history`: the build step that made a layer or changed the config.
public struct ImageHistoryEntry: Hashable, Sendable, Codable {
    /// `created_by`: the Dockerfile instruction or build command.
    public var createdBy: String?
    /// `comment`, when the builder left one.
    public var comment: String?
    /// Whether the step changed only the config (no layer).
    public var emptyLayer: Bool

    /// Creates a history entry.
    public init(createdBy: String?, comment: String? = nil, emptyLayer: Bool = false) {
        self.createdBy = createdBy
        self.comment = comment
        self.emptyLayer = emptyLayer
    }
}
