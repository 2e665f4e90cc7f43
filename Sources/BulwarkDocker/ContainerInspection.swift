/// The security-relevant parts of `GET /containers/{id}/json` (Docker and Podman shapes).
///
/// Every field is optional in the wire format; missing ones decode as "not set".
public struct ContainerInspection: Sendable, Hashable, Codable {
    /// The full container id.
    public var id: String
    /// The name, without the leading `/`.
    public var name: String
    /// The image id the container runs (`sha256:…`, or a bare hex id on Podman).
    public var imageID: String
    /// The image as the user named it (`Config.Image`).
    public var imageName: String
    /// Whether the container is running.
    public var running: Bool
    /// `Config.User` (empty means the image's user, usually root).
    public var user: String
    /// `AppArmorProfile`.
    public var appArmorProfile: String
    /// `ProcessLabel` (SELinux), set by Podman on SELinux hosts.
    public var processLabel: String
    /// `Config.Healthcheck.Test`, empty when none.
    public var healthcheck: [String]
    /// `HostConfig`.
    public var host: HostSettings
    /// `Mounts`.
    public var mounts: [Mount]

    /// The container's host-side settings.
    public struct HostSettings: Sendable, Hashable, Codable {
        public var privileged: Bool = false
        public var capAdd: [String] = []
        public var capDrop: [String] = []
        public var networkMode: String = ""
        public var pidMode: String = ""
        public var ipcMode: String = ""
        public var utsMode: String = ""
        public var usernsMode: String = ""
        public var cgroupnsMode: String = ""
        public var readonlyRootfs: Bool = false
        public var securityOpt: [String] = []
        public var runtime: String = ""
        public var binds: [String] = []
        public var devices: [String] = []
        public var memory: Int64 = 0
        public var cpuShares: Int64 = 0
        public var nanoCpus: Int64 = 0
        public var cpuQuota: Int64 = 0
        public var pidsLimit: Int64? = nil
        /// Host ports that container ports are published on.
        public var publishedHostPorts: [Int] = []

        /// Creates settings (all defaults: an unhardened container).
        public init() {}

        enum CodingKeys: String, CodingKey {
            case privileged = "Privileged", capAdd = "CapAdd", capDrop = "CapDrop", networkMode = "NetworkMode", pidMode = "PidMode"
            case ipcMode = "IpcMode", utsMode = "UTSMode", usernsMode = "UsernsMode", cgroupnsMode = "CgroupnsMode"
            case readonlyRootfs = "ReadonlyRootfs", securityOpt = "SecurityOpt", runtime = "Runtime", binds = "Binds", devices = "Devices"
            case memory = "Memory", cpuShares = "CpuShares", nanoCpus = "NanoCpus", cpuQuota = "CpuQuota", pidsLimit = "PidsLimit"
            case portBindings = "PortBindings"
        }

        struct DeviceMapping: Decodable { var PathOnHost: String? }
        struct PortBinding: Decodable { var HostPort: String? }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            privileged = (try? c.decodeIfPresent(Bool.self, forKey: .privileged)) ?? false
            capAdd = (try? c.decodeIfPresent([String].self, forKey: .capAdd)) ?? []
            capDrop = (try? c.decodeIfPresent([String].self, forKey: .capDrop)) ?? []
            networkMode = (try? c.decodeIfPresent(String.self, forKey: .networkMode)) ?? ""
            pidMode = (try? c.decodeIfPresent(String.self, forKey: .pidMode)) ?? ""
            ipcMode = (try? c.decodeIfPresent(String.self, forKey: .ipcMode)) ?? ""
            utsMode = (try? c.decodeIfPresent(String.self, forKey: .utsMode)) ?? ""
            usernsMode = (try? c.decodeIfPresent(String.self, forKey: .usernsMode)) ?? ""
            cgroupnsMode = (try? c.decodeIfPresent(String.self, forKey: .cgroupnsMode)) ?? ""
            readonlyRootfs = (try? c.decodeIfPresent(Bool.self, forKey: .readonlyRootfs)) ?? false
            securityOpt = (try? c.decodeIfPresent([String].self, forKey: .securityOpt)) ?? []
            runtime = (try? c.decodeIfPresent(String.self, forKey: .runtime)) ?? ""
            binds = (try? c.decodeIfPresent([String].self, forKey: .binds)) ?? []
            devices = ((try? c.decodeIfPresent([DeviceMapping].self, forKey: .devices)) ?? []).compactMap(\.PathOnHost)
            memory = (try? c.decodeIfPresent(Int64.self, forKey: .memory)) ?? 0
            cpuShares = (try? c.decodeIfPresent(Int64.self, forKey: .cpuShares)) ?? 0
            nanoCpus = (try? c.decodeIfPresent(Int64.self, forKey: .nanoCpus)) ?? 0
            cpuQuota = (try? c.decodeIfPresent(Int64.self, forKey: .cpuQuota)) ?? 0
            pidsLimit = try? c.decodeIfPresent(Int64.self, forKey: .pidsLimit)
            let bindings = (try? c.decodeIfPresent([String: [PortBinding]?].self, forKey: .portBindings)) ?? [:]
            publishedHostPorts = bindings.values.flatMap { $0 ?? [] }.compactMap { $0.HostPort.flatMap { Int($0) } }.sorted()
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(privileged, forKey: .privileged)
            try c.encode(capAdd, forKey: .capAdd)
            try c.encode(capDrop, forKey: .capDrop)
            try c.encode(networkMode, forKey: .networkMode)
            try c.encode(pidMode, forKey: .pidMode)
            try c.encode(ipcMode, forKey: .ipcMode)
            try c.encode(utsMode, forKey: .utsMode)
            try c.encode(usernsMode, forKey: .usernsMode)
            try c.encode(cgroupnsMode, forKey: .cgroupnsMode)
            try c.encode(readonlyRootfs, forKey: .readonlyRootfs)
            try c.encode(securityOpt, forKey: .securityOpt)
            try c.encode(runtime, forKey: .runtime)
            try c.encode(binds, forKey: .binds)
            try c.encode(memory, forKey: .memory)
            try c.encode(cpuShares, forKey: .cpuShares)
            try c.encode(nanoCpus, forKey: .nanoCpus)
            try c.encode(cpuQuota, forKey: .cpuQuota)
            try c.encodeIfPresent(pidsLimit, forKey: .pidsLimit)
        }
    }

    /// One entry of `Mounts`.
    public struct Mount: Sendable, Hashable, Codable {
        /// `bind`, `volume`, `tmpfs`…
        public var type: String
        /// The host path (or volume path).
        public var source: String
        /// The path inside the container.
        public var destination: String
        /// Whether it is writable.
        public var readWrite: Bool
        /// `rprivate`, `shared`, `rshared`…
        public var propagation: String

        /// Creates a mount.
        public init(type: String = "bind", source: String, destination: String, readWrite: Bool = true, propagation: String = "") {
            self.type = type
            self.source = source
            self.destination = destination
            self.readWrite = readWrite
            self.propagation = propagation
        }

        enum CodingKeys: String, CodingKey { case type = "Type", source = "Source", destination = "Destination", readWrite = "RW", propagation = "Propagation" }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = (try? c.decodeIfPresent(String.self, forKey: .type)) ?? ""
            source = (try? c.decodeIfPresent(String.self, forKey: .source)) ?? ""
            destination = (try? c.decodeIfPresent(String.self, forKey: .destination)) ?? ""
            readWrite = (try? c.decodeIfPresent(Bool.self, forKey: .readWrite)) ?? true
            propagation = (try? c.decodeIfPresent(String.self, forKey: .propagation)) ?? ""
        }
    }

    /// Creates an inspection record (for tests and callers that build one by hand).
    public init(
        id: String, name: String = "", imageID: String = "", imageName: String = "", running: Bool = true, user: String = "",
        appArmorProfile: String = "", processLabel: String = "", healthcheck: [String] = [], host: HostSettings = HostSettings(), mounts: [Mount] = []
    ) {
        self.id = id
        self.name = name
        self.imageID = imageID
        self.imageName = imageName
        self.running = running
        self.user = user
        self.appArmorProfile = appArmorProfile
        self.processLabel = processLabel
        self.healthcheck = healthcheck
        self.host = host
        self.mounts = mounts
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", name = "Name", imageID = "Image", state = "State", config = "Config", appArmorProfile = "AppArmorProfile"
        case processLabel = "ProcessLabel", host = "HostConfig", mounts = "Mounts"
    }
    struct State: Decodable { var Running: Bool? }
    struct Config: Decodable {
        var Image: String?
        var User: String?
        var Healthcheck: Healthcheck?
        struct Healthcheck: Decodable { var Test: [String]? }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let rawName = (try? c.decodeIfPresent(String.self, forKey: .name)) ?? ""
        name = rawName.hasPrefix("/") ? String(rawName.dropFirst()) : rawName
        imageID = (try? c.decodeIfPresent(String.self, forKey: .imageID)) ?? ""
        running = ((try? c.decodeIfPresent(State.self, forKey: .state)) ?? nil)?.Running ?? false
        let config = (try? c.decodeIfPresent(Config.self, forKey: .config)) ?? nil
        imageName = config?.Image ?? ""
        user = config?.User ?? ""
        healthcheck = config?.Healthcheck?.Test ?? []
        appArmorProfile = (try? c.decodeIfPresent(String.self, forKey: .appArmorProfile)) ?? ""
        processLabel = (try? c.decodeIfPresent(String.self, forKey: .processLabel)) ?? ""
        host = ((try? c.decodeIfPresent(HostSettings.self, forKey: .host)) ?? nil) ?? HostSettings()
        mounts = ((try? c.decodeIfPresent([Mount].self, forKey: .mounts)) ?? nil) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(imageID, forKey: .imageID)
        try c.encode(host, forKey: .host)
        try c.encode(mounts, forKey: .mounts)
        try c.encode(appArmorProfile, forKey: .appArmorProfile)
        try c.encode(processLabel, forKey: .processLabel)
    }

    /// The name, else the short id.
    public var displayName: String { name.isEmpty ? String(id.prefix(12)) : name }
}
