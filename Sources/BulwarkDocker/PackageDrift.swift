import BulwarkCore

/// A package found in a running container's filesystem that its image does not have (in this version).
public struct DriftedPackage: Sendable, Hashable, Codable {
    /// The package as found in the container.
    public var package: Package
    /// The version the image has at the same place, nil when the image has no such package at all.
    public var imageVersion: String?

    /// Creates a drifted package.
    public init(package: Package, imageVersion: String? = nil) {
        self.package = package
        self.imageVersion = imageVersion
    }

    /// `added` or `changed`.
    public var kind: String { imageVersion == nil ? "added" : "changed" }
}

/// Packages installed or upgraded in a container after it started: present in its filesystem,
/// absent from its image.
public enum PackageDrift {
    /// The container's packages that its image lacks, by type, name, version, architecture and location;
    /// a package whose name and location the image has in another version is reported as changed.
    public static func compute(container: [Package], image: [Package]) -> [DriftedPackage] {
        struct Key: Hashable {
            var type: PackageType
            var name: String
            var location: String
        }
        var imageVersions: [Key: [String]] = [:]
        var imageIdentities = Set<PackageIdentity>()
        for package in image {
            imageIdentities.insert(package.identity)
            imageVersions[Key(type: package.type, name: package.name, location: package.location), default: []].append(package.version)
        }
        var drifted: [DriftedPackage] = []
        var seen = Set<PackageIdentity>()
        for package in container where !imageIdentities.contains(package.identity) && seen.insert(package.identity).inserted {
            let versions = imageVersions[Key(type: package.type, name: package.name, location: package.location)] ?? []
            drifted.append(DriftedPackage(package: package, imageVersion: versions.sorted().first))
        }
        return drifted.sorted {
            ($0.package.type.rawValue, $0.package.name, $0.package.version) < ($1.package.type.rawValue, $1.package.name, $1.package.version)
        }
    }
}
