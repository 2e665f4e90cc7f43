import BulwarkCatalog
import BulwarkCore
import Testing

@Suite("Composer (PHP)")
struct ComposerCatalogerTests {
    let lockfile = ComposerLockCataloger()
    let installed = ComposerInstalledCataloger()

    @Test func interestAndScopes() {
        #expect(lockfile.isInterested(in: "/app/composer.lock"))
        #expect(!lockfile.isInterested(in: "/app/composer.json"))
        #expect(lockfile.scope == .lockfile)
        #expect(installed.isInterested(in: "/var/www/vendor/composer/installed.json"))
        #expect(!installed.isInterested(in: "/var/www/installed.json"))
        #expect(installed.scope == .installed)
    }

    @Test func composerLockPackagesAndDevPackages() throws {
        let text = #"""
            {"packages": [
               {"name": "guzzlehttp/guzzle", "version": "7.4.5", "license": ["MIT"],
                "require": {"php": ">=7.2", "ext-json": "*", "guzzlehttp/psr7": "^2.0", "psr/missing": "^1"}},
               {"name": "guzzlehttp/psr7", "version": "2.4.0", "license": "MIT"},
               {"version": "1.0"}
             ],
             "packages-dev": [{"name": "phpunit/phpunit", "version": "9.5.21", "license": ["BSD-3-Clause"]}]}
            """#
        let result = try lockfile.catalog(LangTextFixtures.tree(texts: ["/app/composer.lock": text]), context: CatalogContext())
        #expect(result.packages.map(\.name) == ["guzzlehttp/guzzle", "guzzlehttp/psr7", "phpunit/phpunit"])
        #expect(result.packages.map(\.isDevelopment) == [false, false, true])
        #expect(result.packages[0].purl.description == "pkg:composer/guzzlehttp/guzzle@7.4.5")
        #expect(result.packages[0].dependencies == ["pkg:composer/guzzlehttp/psr7@2.4.0", "psr/missing"])
        #expect(result.packages[1].licenses == ["MIT"])
        #expect(result.warnings == ["/app/composer.lock: package #3 lacks a name or version string"])
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realComposerLocks() throws {
        let happy = try lockfile.catalog(
            LangTextFixtures.tree([("/app/composer.lock", "trivy-parser-cases/parser/php/composer/testdata/composer_happy.lock")]), context: CatalogContext())
        #expect(happy.warnings.isEmpty)
        #expect(happy.packages.count == 10)
        #expect(happy.packages.filter(\.isDevelopment).count == 2)
        let guzzle = try #require(happy.packages.first)
        #expect(guzzle.name == "guzzlehttp/guzzle" && guzzle.version == "6.5.8" && guzzle.licenses == ["MIT"])
        let sad = try lockfile.catalog(
            LangTextFixtures.tree([("/app/composer.lock", "trivy-analyzer-cases/language/php/composer/testdata/composer/sad/composer.lock")]),
            context: CatalogContext())
        #expect(sad.packages.isEmpty && sad.warnings.count == 1)
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realInstalledJSONBothForms() throws {
        let base = "syft-cataloger-cases/cataloger/php/testdata/vendor/"
        let v1 = try installed.catalog(
            LangTextFixtures.tree([("/srv/vendor/composer/installed.json", base + "composer_1/installed.json")]), context: CatalogContext())
        let v2 = try installed.catalog(
            LangTextFixtures.tree([("/srv/vendor/composer/installed.json", base + "composer_2/installed.json")]), context: CatalogContext())
        #expect(v1.warnings.isEmpty && v2.warnings.isEmpty)
        #expect(v1.packages.map { "\($0.name)@\($0.version)" } == ["asm89/stack-cors@1.3.0", "behat/mink@v1.8.1"])
        #expect(v2.packages.map { "\($0.name)@\($0.version)" } == v1.packages.map { "\($0.name)@\($0.version)" })
        #expect(v2.packages.map(\.isDevelopment) == [false, true])
        #expect(v1.packages.first?.licenses == ["MIT"])
        #expect(v1.packages.first?.location == "/srv/vendor/composer/installed.json")
    }

    @Test func hostileInputsGiveWarningsNotCrashes() throws {
        for hostile in LangTextHostileInputs.cases where !hostile.bytes.isEmpty {
            let lock = try lockfile.catalog(LangTextFixtures.tree(path: "/h/composer.lock", bytes: hostile.bytes), context: CatalogContext())
            let vendor = try installed.catalog(LangTextFixtures.tree(path: "/h/vendor/composer/installed.json", bytes: hostile.bytes), context: CatalogContext())
            #expect(lock.packages.isEmpty && !lock.warnings.isEmpty, "\(hostile.name)")
            #expect(vendor.packages.isEmpty && !vendor.warnings.isEmpty, "\(hostile.name)")
        }
    }
}
