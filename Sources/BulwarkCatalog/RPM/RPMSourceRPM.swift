/// The parts of a source rpm file name, `name-version-release.src.rpm`.
///
/// Split the way Trivy and rpm's own tools do: the release follows the last `-`, the version
/// the one before it, and the name is everything in front.
public struct RPMSourceRPM: Sendable, Hashable {
    /// The source package name, e.g. `util-linux`.
    public var name: String
    /// The upstream version, e.g. `2.32.1`.
    public var version: String
    /// The release, e.g. `42.el8_8`.
    public var release: String
    /// The file name as recorded, e.g. `util-linux-2.32.1-42.el8_8.src.rpm`.
    public var fileName: String

    /// Splits a source rpm file name; nil when it does not have the `name-version-release.arch.rpm` shape.
    public init?(fileName: String) {
        var stem = Substring(fileName)
        guard stem.hasSuffix(".rpm") else { return nil }
        stem = stem.dropLast(4)
        // Drop the architecture part (`src`, `nosrc`).
        guard let archDot = stem.lastIndex(of: ".") else { return nil }
        stem = stem[..<archDot]
        guard let releaseDash = stem.lastIndex(of: "-") else { return nil }
        let release = stem[stem.index(after: releaseDash)...]
        let rest = stem[..<releaseDash]
        guard let versionDash = rest.lastIndex(of: "-") else { return nil }
        let version = rest[rest.index(after: versionDash)...]
        let name = rest[..<versionDash]
        guard !name.isEmpty, !version.isEmpty, !release.isEmpty else { return nil }
        self.name = String(name)
        self.version = String(version)
        self.release = String(release)
        self.fileName = fileName
    }
}
