/// The operating system an image or root filesystem is built on, as its release files say.
public struct OperatingSystem: Hashable, Sendable, Codable {
    /// The distribution family id, lower-case: `debian`, `ubuntu`, `alpine`, `rhel`, `centos`,
    /// `rocky`, `almalinux`, `fedora`, `amzn`, `ol`, `sles`, `opensuse-leap`, `mariner`, `azurelinux`,
    /// `wolfi`, `chainguard`, `photon`, … (the os-release `ID`).
    public var family: String
    /// The release, e.g. `12.5` for Debian 12.5, `3.18.9` for Alpine, `9.2` for RHEL.
    public var version: String
    /// The os-release `VERSION_ID` (e.g. `12`), which distro advisories are keyed on.
    public var versionID: String?
    /// The release codename, e.g. `bookworm`.
    public var codename: String?
    /// A name for people, e.g. `Debian GNU/Linux 12 (bookworm)`.
    public var prettyName: String?
    /// Related families from `ID_LIKE`.
    public var idLike: [String]

    /// Creates an operating-system description.
    public init(
        family: String, version: String, versionID: String? = nil, codename: String? = nil,
        prettyName: String? = nil, idLike: [String] = []
    ) {
        self.family = family
        self.version = version
        self.versionID = versionID
        self.codename = codename
        self.prettyName = prettyName
        self.idLike = idLike
    }

    /// The `distro` purl qualifier: `debian-12`, `alpine-3.18.9`, `rhel-9.2`.
    public var purlDistro: String {
        "\(family)-\(versionID ?? version)"
    }

    /// The purl namespace for this OS's packages (`redhat` for RHEL, otherwise the family id).
    public var purlNamespace: String {
        switch family {
        case "rhel": return "redhat"
        case "amzn": return "amazon"
        case "ol": return "oracle"
        default: return family
        }
    }
}
