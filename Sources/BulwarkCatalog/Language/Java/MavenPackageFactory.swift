import BulwarkCore

/// Builds `maven` packages: name `groupId:artifactId` (or the artifactId alone when the group is
/// unknown), purl `pkg:maven/<groupId>/<artifactId>@<version>`.
public enum MavenPackageFactory {
    /// The purl of `groupId:artifactId` at `version` (no namespace when the group is empty).
    public static func purl(groupId: String, artifactId: String, version: String) -> PackageURL {
        PackageURL(type: "maven", namespace: groupId.isEmpty ? nil : groupId, name: artifactId, version: version.isEmpty ? nil : version)
    }

    /// A `maven` package read from `location`.
    public static func package(
        groupId: String, artifactId: String, version: String, location: String, isDevelopment: Bool = false, dependencies: [String] = []
    ) -> Package {
        Package.library(
            .maven, name: groupId.isEmpty ? artifactId : groupId + ":" + artifactId, version: version,
            purl: purl(groupId: groupId, artifactId: artifactId, version: version), location: location,
            isDevelopment: isDevelopment, dependencies: dependencies)
    }
}
