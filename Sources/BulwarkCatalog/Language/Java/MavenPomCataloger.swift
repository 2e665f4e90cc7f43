import Foundation
import BulwarkCore

/// Reads `pom.xml` files in folders (lockfile scope): the project and its declared dependencies,
/// with `${property}` interpolation from `<properties>`, `${project.version}`,
/// `${project.groupId}`, `${project.parent.version}` (and the legacy `${version}`/`${pom.*}`).
/// `<dependencyManagement>` entries are not packages; they only supply a version a dependency
/// leaves out. Scope `test` marks a dependency development-only. Parents and imported BOMs are
/// not fetched (offline): a version still unresolved is reported empty with a warning.
/// The XML reader expands no external entities and caps depth and size.
public struct MavenPomCataloger: Cataloger {
    /// Creates the cataloger.
    public init() {}

    public var id: String { "maven-pom" }
    public var scope: CatalogScope { .lockfile }

    public func isInterested(in path: String) -> Bool { PathMatch.hasSuffix(path, "/pom.xml") || path == "pom.xml" }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for path in tree.collectedPaths() where isInterested(in: path) {
            guard let bytes = tree.contents(of: path) else { continue }
            let parsed = Self.parse(bytes, location: path)
            result.packages += parsed.packages
            result.warnings += parsed.warnings
        }
        return result
    }

    /// The packages of one POM's bytes read from `location`.
    public static func parse(_ bytes: [UInt8], location: String) -> CatalogResult {
        let project: MavenXMLElement
        do {
            project = try MavenXMLParser.parse(bytes)
        } catch {
            return CatalogResult(warnings: ["\(location):0: \(error.description)"])
        }
        guard project.name == "project" else { return CatalogResult(warnings: ["\(location):0: the root element is not <project>"]) }
        var warnings: [String] = []
        let parent = project.child("parent")
        var properties: [String: String] = [:]
        for property in project.child("properties")?.children ?? [] { properties[property.name] = property.text }
        let groupId = project.value("groupId") ?? parent?.value("groupId") ?? ""
        let artifactId = project.value("artifactId") ?? ""
        let version = project.value("version") ?? parent?.value("version") ?? ""
        for (key, value) in [("groupId", groupId), ("artifactId", artifactId), ("version", version)] {
            properties["project." + key] = value
            properties["pom." + key] = value
        }
        properties["version"] = properties["version"] ?? version
        properties["project.parent.version"] = parent?.value("version") ?? ""
        properties["project.parent.groupId"] = parent?.value("groupId") ?? ""
        properties["parent.version"] = parent?.value("version") ?? ""

        let resolver = MavenPropertyResolver(properties: properties)
        var managed: [String: String] = [:]
        for dependency in project.child("dependencyManagement")?.child("dependencies")?.children("dependency") ?? [] {
            let group = resolver.resolve(dependency.value("groupId") ?? ""), artifact = resolver.resolve(dependency.value("artifactId") ?? "")
            if let managedVersion = dependency.value("version") { managed[group + ":" + artifact] = resolver.resolve(managedVersion) }
        }
        var packages: [Package] = []
        var directPurls: [String] = []
        for dependency in project.child("dependencies")?.children("dependency") ?? [] {
            let group = resolver.resolve(dependency.value("groupId") ?? "")
            let artifact = resolver.resolve(dependency.value("artifactId") ?? "")
            guard !artifact.isEmpty else {
                warnings.append("\(location):0: a <dependency> without <artifactId>")
                continue
            }
            var resolvedVersion = dependency.value("version").map(resolver.resolve) ?? managed[group + ":" + artifact] ?? ""
            if resolvedVersion.contains("${") {
                warnings.append("\(location):0: \(group):\(artifact): version \(resolvedVersion) refers to an unknown property")
                resolvedVersion = ""
            } else if resolvedVersion.isEmpty {
                warnings.append("\(location):0: \(group):\(artifact): no version (inherited from a parent or BOM not read offline)")
            }
            let scope = resolver.resolve(dependency.value("scope") ?? "")
            let package = MavenPackageFactory.package(
                groupId: group, artifactId: artifact, version: resolvedVersion, location: location, isDevelopment: scope == "test")
            directPurls.append(package.purl.description)
            packages.append(package)
        }
        if !artifactId.isEmpty {
            let projectVersion = resolver.resolve(version)
            packages.append(MavenPackageFactory.package(
                groupId: resolver.resolve(groupId), artifactId: resolver.resolve(artifactId),
                version: projectVersion.contains("${") ? "" : projectVersion, location: location, dependencies: directPurls))
        }
        return CatalogResult(packages: packages, warnings: warnings)
    }
}

/// Replaces `${name}` references with property values, recursively to a fixed depth (cycles stop there).
struct MavenPropertyResolver {
    let properties: [String: String]
    static let maximumRounds = 10

    /// `text` with known `${…}` references replaced; unknown ones stay as written.
    func resolve(_ text: String) -> String {
        var current = text
        for _ in 0..<Self.maximumRounds {
            guard current.contains("${") else { return current }
            var out = ""
            var rest = Substring(current)
            var changed = false
            while let start = rest.range(of: "${") {
                out += rest[..<start.lowerBound]
                guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                    out += rest[start.lowerBound...]
                    rest = ""
                    break
                }
                let name = String(rest[start.upperBound..<end])
                if let value = properties[name] {
                    out += value
                    changed = true
                } else {
                    out += rest[start.lowerBound...end]
                }
                rest = rest[rest.index(after: end)...]
            }
            out += rest
            current = out
            if !changed { break }
        }
        return current
    }
}
