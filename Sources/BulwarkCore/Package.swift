/// The format a package was installed by; the raw value is also its purl type.
public enum PackageType: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Debian/Ubuntu dpkg packages.
    case deb
    /// Alpine/Wolfi/Chainguard apk packages.
    case apk
    /// RPM packages (RHEL family, SUSE, Mariner, Amazon Linux, Photon…).
    case rpm
    /// Python distributions (PyPI).
    case pypi
    /// Node packages (npm registry).
    case npm
    /// Go modules, including the `stdlib` pseudo-module for the toolchain.
    case golang
    /// Java artifacts (`groupId:artifactId`).
    case maven
    /// Ruby gems.
    case gem
    /// Rust crates.
    case cargo
    /// PHP packages (Packagist).
    case composer
    /// .NET packages.
    case nuget
    /// Swift packages (SwiftPM), named by their repository URL.
    case swift
    /// Dart/Flutter packages.
    case pub
    /// CocoaPods pods.
    case cocoapods

    /// Whether this is an operating-system package format.
    public var isOSPackage: Bool {
        switch self {
        case .deb, .apk, .rpm: return true
        default: return false
        }
    }

    /// The advisory ecosystem key (see ``EcosystemKey``) for a language package type; nil for OS types.
    public var ecosystemKey: String? {
        switch self {
        case .deb, .apk, .rpm: return nil
        case .pypi: return "pypi"
        case .npm: return "npm"
        case .golang: return "go"
        case .maven: return "maven"
        case .gem: return "rubygems"
        case .cargo: return "cargo"
        case .composer: return "composer"
        case .nuget: return "nuget"
        case .swift: return "swifturl"
        case .pub: return "pub"
        case .cocoapods: return nil
        }
    }

    /// The short names `--pkg-types` accepts for this type: `os` or `library`, then the type itself.
    public var selectionClass: String { isOSPackage ? "os" : "library" }

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
    /// Whether a lockfile marks it as a development-only dependency.
    public var isDevelopment: Bool
    /// Direct dependencies as the lockfile or metadata states them: purls when the version is
    /// resolved, else `name` (used for SBOM relationships).
    public var dependencies: [String]

    /// Creates a package.
    public init(
        type: PackageType, name: String, version: String, epoch: Int? = nil, upstreamVersion: String,
        release: String? = nil, architecture: String? = nil, sourceName: String? = nil, sourceVersion: String? = nil,
        licenses: [String] = [], maintainer: String? = nil, vendor: String? = nil, modularityLabel: String? = nil,
        purl: PackageURL, location: String, layer: LayerReference? = nil, installedFiles: [String] = [],
        isDevelopment: Bool = false, dependencies: [String] = []
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
        self.isDevelopment = isDevelopment
        self.dependencies = dependencies
    }

    /// A language package with the common fields (version kept whole; no epoch/release split).
    public static func library(
        _ type: PackageType, name: String, version: String, purl: PackageURL, location: String, licenses: [String] = [],
        isDevelopment: Bool = false, dependencies: [String] = []
    ) -> Package {
        Package(
            type: type, name: name, version: version, upstreamVersion: version, licenses: licenses, purl: purl, location: location,
            isDevelopment: isDevelopment, dependencies: dependencies)
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
