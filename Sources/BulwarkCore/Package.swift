/// The format a package was installed by. Language ecosystems join this list in later work.
public enum PackageType: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Debian/Ubuntu dpkg packages.
    case deb
    /// Alpine/Wolfi/Chainguard apk packages.
    case apk
    /// RPM packages (RHEL family, SUSE, Mariner, Amazon Linux, Photon…).
    case rpm

    /// Whether this is an operating-system package format.
    public var isOSPackage: Bool { true }

    public static func < (lhs: PackageType, rhs: PackageType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One installed package, as found in a package database, with where it came from.
public struct Package: Hashable, Sendable, Codable {
    /// The package format.
    public var type: PackageType
    /// The name as the package database records it.
    public var name: String
    /// The full version as the ecosystem writes it: `1:2.36-9+deb12u4` (dpkg),
    /// `3.1.4-r5` (apk), `1:1.1.1k-6.el8` (rpm, epoch shown only when set).
    public var version: String
    /// The epoch, when the package has one.
    public var epoch: Int?
    /// The upstream part of the version, without epoch and release/revision.
    public var upstreamVersion: String
    /// The distribution release/revision part (dpkg revision, rpm release, apk `rN`).
    public var release: String?
    /// The CPU architecture (`amd64`, `x86_64`, `noarch`, `all`…).
    public var architecture: String?
    /// The source package name (dpkg `Source`, rpm source rpm name, apk `origin`).
    public var sourceName: String?
    /// The source package version (full, with epoch when set).
    public var sourceVersion: String?
    /// Licenses as declared by the package database.
    public var licenses: [String]
    /// The maintainer or packager, when recorded.
    public var maintainer: String?
    /// The vendor (rpm).
    public var vendor: String?
    /// The rpm modularity label (`module:stream:version:context`), when set.
    public var modularityLabel: String?
    /// The package URL.
    public var purl: PackageURL
    /// The path of the database file the package was read from (absolute, inside the image).
    public var location: String
    /// The layer that introduced this package, when the image has layers.
    public var layer: LayerReference?
    /// Files the package database says this package owns (absolute paths).
    public var installedFiles: [String]

    /// Creates a package.
    public init(
        type: PackageType, name: String, version: String, epoch: Int? = nil, upstreamVersion: String,
        release: String? = nil, architecture: String? = nil, sourceName: String? = nil, sourceVersion: String? = nil,
        licenses: [String] = [], maintainer: String? = nil, vendor: String? = nil, modularityLabel: String? = nil,
        purl: PackageURL, location: String, layer: LayerReference? = nil, installedFiles: [String] = []
    ) {
        self.type = type
        self.name = name
        self.version = version
        self.epoch = epoch
        self.upstreamVersion = upstreamVersion
        self.release = release
        self.architecture = architecture
        self.sourceName = sourceName
        self.sourceVersion = sourceVersion
        self.licenses = licenses
        self.maintainer = maintainer
        self.vendor = vendor
        self.modularityLabel = modularityLabel
        self.purl = purl
        self.location = location
        self.layer = layer
        self.installedFiles = installedFiles
    }

    /// What makes two sightings of a package "the same install": used to find the introducing layer.
    public var identity: PackageIdentity {
        PackageIdentity(type: type, name: name, version: version, architecture: architecture)
    }
}

/// The identity of an installed package across layers: type, name, version and architecture.
public struct PackageIdentity: Hashable, Sendable {
    public var type: PackageType
    public var name: String
    public var version: String
    public var architecture: String?
}
