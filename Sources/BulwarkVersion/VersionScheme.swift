/// A version-ordering rule set: how one ecosystem writes versions and sorts them.
public enum VersionScheme: String, Sendable, CaseIterable {
    /// Debian/Ubuntu `dpkg` ordering (`epoch:upstream-revision`, Debian policy §5.6.12).
    case dpkg
    /// RPM `rpmvercmp` ordering over `epoch:version-release` (Red Hat, Rocky, Alma, SUSE).
    case rpm
    /// Alpine `apk-tools` ordering (Alpine, Wolfi, Chainguard).
    case apk
    /// Python PEP 440 ordering, as implemented by `packaging.version`.
    case pep440
    /// Strict Semantic Versioning 2.0.0 (build metadata ignored).
    case semver
    /// node-semver (loose mode): SemVer plus a leading `v`/`=` and a few lenient forms.
    case npm
    /// Maven's `ComparableVersion`.
    case maven
    /// Go module versions (`golang.org/x/mod/semver`), `v` prefix optional.
    case go
    /// RubyGems' `Gem::Version`.
    case rubygems
    /// Composer's version normalization followed by PHP `version_compare`.
    case composer
    /// NuGet's `NuGetVersion` (four numeric parts, case-insensitive SemVer 2 labels).
    case nuget
    /// Cargo's `semver` crate ordering (SemVer 2.0, 64-bit numbers, build metadata ignored).
    case cargo

    /// The comparator implementing this scheme.
    public var comparator: any VersionComparator {
        switch self {
        case .dpkg: DpkgComparator()
        case .rpm: RpmComparator()
        case .apk: ApkComparator()
        case .pep440: PEP440Comparator()
        case .semver: SemVerComparator(flavor: .strict)
        case .npm: SemVerComparator(flavor: .npm)
        case .maven: MavenComparator()
        case .go: GoComparator()
        case .rubygems: RubyGemsComparator()
        case .composer: ComposerComparator()
        case .nuget: NuGetComparator()
        case .cargo: SemVerComparator(flavor: .cargo)
        }
    }
}
