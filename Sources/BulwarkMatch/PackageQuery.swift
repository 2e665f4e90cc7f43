import BulwarkCore

/// How one installed package is looked up: the ecosystem key, the names to try and the version
/// to compare — which for distros that track source packages is the source package's.
struct PackageQuery: Hashable {
    var ecosystem: String
    var names: [String]
    var version: String

    /// The queries for `package` on `os`; empty when there is no advisory data for it.
    static func queries(for package: Package, os: OperatingSystem?) -> [PackageQuery] {
        switch package.type {
        case .deb:
            guard let os, let key = EcosystemKey.forOperatingSystem(os) else { return [] }
            // Debian and Ubuntu advisories name source packages and source versions.
            let source = package.sourceName ?? package.name
            return [PackageQuery(ecosystem: key, names: [source], version: package.sourceVersion ?? package.version)]
        case .apk:
            guard let os, let key = EcosystemKey.forOperatingSystem(os) else { return [] }
            // Alpine secfixes are per origin; the origin's version equals the package's.
            var names = [package.sourceName ?? package.name]
            if package.name != names[0] { names.append(package.name) }
            return [PackageQuery(ecosystem: key, names: names, version: package.version)]
        case .rpm:
            guard let os, let key = EcosystemKey.forOperatingSystem(os) else { return [] }
            // RPM advisories name binary packages (Red Hat, Alma, Rocky) or source packages (SUSE):
            // try both, comparing the binary's epoch:version-release.
            var names = [package.name]
            if let source = package.sourceName, source != package.name { names.append(source) }
            return [PackageQuery(ecosystem: key, names: names, version: package.version)]
        default:
            // Language packages: their ecosystem's advisories, by the ecosystem's normalized name.
            guard let key = package.type.ecosystemKey else { return [] }
            return [PackageQuery(ecosystem: key, names: [EcosystemKey.normalizeName(package.name, ecosystem: key)], version: package.version)]
        }
    }
}
