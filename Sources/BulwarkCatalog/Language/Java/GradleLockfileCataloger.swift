import BulwarkCore

/// Reads Gradle dependency lockfiles (lockfile scope): `gradle.lockfile` and the older
/// `gradle/dependency-locks/*.lockfile`, lines `group:artifact:version=configuration,…`.
/// A dependency locked only in test configurations (`testCompileClasspath`, …) is development-only.
public struct GradleLockfileCataloger: Cataloger {
    /// Creates the cataloger.
    public init() {}

    public var id: String { "gradle-lockfile" }
    public var scope: CatalogScope { .lockfile }

    public func isInterested(in path: String) -> Bool {
        PathMatch.hasSuffix(path, "/gradle.lockfile")
            || (PathMatch.hasSuffix(path, ".lockfile") && PathMatch.contains(path, "/gradle/dependency-locks/"))
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for path in tree.collectedPaths() where isInterested(in: path) {
            guard let bytes = tree.contents(of: path) else { continue }
            let parsed = Self.parse(String(decoding: bytes, as: UTF8.self), location: path)
            result.packages += parsed.packages
            result.warnings += parsed.warnings
        }
        return result
    }

    /// The packages of one lockfile's text.
    public static func parse(_ text: String, location: String) -> CatalogResult {
        var result = CatalogResult()
        var seen = Set<String>()
        for (number, rawLine) in text.withUnixLineEnds().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.droppingEdges(in: " \t\r")
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("empty=") else { continue }
            let halves = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let coordinates = halves[0].split(separator: ":", omittingEmptySubsequences: false)
            guard coordinates.count == 3, coordinates.allSatisfy({ !$0.isEmpty }) else {
                result.warnings.append("\(location):\(number + 1): expected group:artifact:version=configurations")
                continue
            }
            let configurations = halves.count == 2 ? halves[1].split(separator: ",").map { $0.droppingEdges(in: " ") } : []
            let isTestOnly = !configurations.isEmpty && configurations.allSatisfy { $0.lowercased().contains("test") }
            let (group, artifact, version) = (String(coordinates[0]), String(coordinates[1]), String(coordinates[2]))
            guard seen.insert(line).inserted else { continue }
            result.packages.append(
                MavenPackageFactory.package(groupId: group, artifactId: artifact, version: version, location: location, isDevelopment: isTestOnly))
        }
        return result
    }
}
