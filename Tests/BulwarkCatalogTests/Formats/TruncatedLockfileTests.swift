import BulwarkCatalog
import BulwarkCore
import Testing

/// Real samples cut short at several points: every cataloger keeps going and reports, never throws.
@Suite("Truncated real lockfiles")
struct TruncatedLockfileTests {
    static let samples: [(imagePath: String, fixture: String)] = [
        ("/app/poetry.lock", "trivy-parser-cases/parser/python/poetry/testdata/poetry_v2_flask.lock"),
        ("/app/uv.lock", "trivy-parser-cases/parser/python/uv/testdata/uv_normal.lock"),
        ("/app/pdm.lock", "syft-cataloger-cases/cataloger/python/testdata/pdm-lock/pdm.lock"),
        ("/app/Pipfile.lock", "trivy-parser-cases/parser/python/pipenv/testdata/Pipfile_many.lock"),
        ("/app/requirements.txt", "trivy-parser-cases/parser/python/pip/testdata/requirements_hash.txt"),
        ("/app/Gemfile.lock", "trivy-parser-cases/parser/ruby/bundler/testdata/Gemfile_bundler2.lock"),
        ("/app/composer.lock", "trivy-parser-cases/parser/php/composer/testdata/composer_happy.lock"),
        ("/app/vendor/composer/installed.json", "syft-cataloger-cases/cataloger/php/testdata/vendor/composer_2/installed.json"),
        ("/app/Cargo.lock", "trivy-parser-cases/parser/rust/cargo/testdata/cargo_v3.lock"),
        ("/app/Package.resolved", "trivy-parser-cases/parser/swift/swift/testdata/happy-v2-Package.resolved"),
        ("/app/pubspec.lock", "syft-cataloger-cases/cataloger/dart/testdata/pubspec_locks/pubspec.lock"),
        ("/app/Podfile.lock", "syft-cataloger-cases/cataloger/swift/testdata/Podfile.lock"),
        ("/usr/lib/python3/dist-packages/x.egg-info", "trivy-parser-cases/parser/python/packaging/testdata/distlib-0.3.1-py3.9.egg-info"),
    ]

    static let catalogers: [any Cataloger] = [
        PythonInstalledCataloger(), PythonLockfileCataloger(), InstalledGemCataloger(), GemfileLockCataloger(), ComposerLockCataloger(),
        ComposerInstalledCataloger(), CargoLockfileCataloger(), SwiftPackageResolvedCataloger(), PubspecLockCataloger(), PodfileLockCataloger(),
    ]

    @Test(.enabled(if: LangTextFixtures.available), arguments: samples.map(\.imagePath))
    func truncatedSamplesNeverThrow(imagePath: String) throws {
        let fixture = try #require(Self.samples.first { $0.imagePath == imagePath }?.fixture)
        let bytes = try #require(LangTextFixtures.bytes(fixture))
        let interested = Self.catalogers.filter { $0.isInterested(in: imagePath) }
        #expect(interested.count == 1, "exactly one cataloger reads \(imagePath)")
        let complete = try interested.flatMap { try $0.catalog(LangTextFixtures.tree(path: imagePath, bytes: bytes), context: CatalogContext()).packages }
        #expect(!complete.isEmpty, "\(fixture) yields packages when whole")
        for fraction in [0.1, 0.37, 0.5, 0.83, 0.97] {
            let cut = Array(bytes.prefix(Int(Double(bytes.count) * fraction)))
            for cataloger in interested {
                let result = try cataloger.catalog(LangTextFixtures.tree(path: imagePath, bytes: cut), context: CatalogContext())
                #expect(result.packages.count <= complete.count, "\(fixture) cut at \(fraction)")
                #expect(result.packages.allSatisfy { !$0.name.isEmpty && !$0.version.isEmpty })
            }
        }
    }
}
