import BulwarkCore

/// The catalogers and file analyzers Bulwark runs, in a fixed order.
public enum CatalogerRegistry {
    /// Every OS package cataloger.
    public static var osPackageCatalogers: [any Cataloger] {
        [DpkgCataloger(), APKCataloger(), RPMCataloger()]
    }

    /// Language package catalogers that read metadata and lockfiles from the merged tree.
    public static var languageCatalogers: [any Cataloger] {
        [
            PythonInstalledCataloger(), PythonLockfileCataloger(), InstalledGemCataloger(), GemfileLockCataloger(),
            ComposerInstalledCataloger(), ComposerLockCataloger(), CargoLockfileCataloger(), SwiftPackageResolvedCataloger(),
            PubspecLockCataloger(), PodfileLockCataloger(),
            NodePackageCataloger(), NPMLockfileCataloger(), YarnLockCataloger(), PNPMLockCataloger(),
            DotNetDepsCataloger(), NuGetLockCataloger(), NuGetPackagesConfigCataloger(),
            GoModCataloger(), MavenPomCataloger(), GradleLockfileCataloger(),
        ]
    }

    /// Analyzers of single files: compiled binaries and archives.
    public static var fileAnalyzers: [any FileAnalyzer] {
        [GoBinaryAnalyzer(), CargoAuditableAnalyzer(), JavaArchiveAnalyzer()]
    }
}
