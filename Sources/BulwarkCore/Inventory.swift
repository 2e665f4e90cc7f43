/// What kind of thing was scanned.
public enum TargetKind: String, Sendable, Codable, Hashable {
    /// A `docker save` tarball.
    case dockerArchive = "docker-archive"
    /// An OCI image layout (directory or tar).
    case ociLayout = "oci-layout"
    /// An unpacked root filesystem directory.
    case rootfs
    /// A project folder (`bulwark fs`): lockfiles and installed metadata.
    case filesystem
    /// An image pulled from a registry by reference.
    case registry
}

/// The scanned target: its kind and how the user named it.
public struct ScanTarget: Hashable, Sendable, Codable {
    public var kind: TargetKind
    /// The path or reference as the user gave it.
    public var name: String

    /// Creates a scan target.
    public init(kind: TargetKind, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// Everything found inside one target: the SBOM's content.
public struct Inventory: Sendable, Codable, Hashable {
    /// What was scanned.
    public var target: ScanTarget
    /// Image metadata, for image targets.
    public var image: ImageMetadata?
    /// The detected operating system, or nil when none could be identified.
    public var operatingSystem: OperatingSystem?
    /// Installed packages, sorted by type, name, version and location.
    public var packages: [Package]
    /// Non-fatal problems met while reading the target (e.g. garbage lines in a status file).
    public var warnings: [String]

    /// Creates an inventory.
    public init(
        target: ScanTarget, image: ImageMetadata? = nil, operatingSystem: OperatingSystem? = nil,
        packages: [Package] = [], warnings: [String] = []
    ) {
        self.target = target
        self.image = image
        self.operatingSystem = operatingSystem
        self.packages = packages
        self.warnings = warnings
    }
}
