import BulwarkCatalog
import BulwarkCore
import Testing

@Suite("Swift Package.resolved")
struct SwiftPackageResolvedCatalogerTests {
    let cataloger = SwiftPackageResolvedCataloger()

    @Test func interestAndScope() {
        #expect(cataloger.isInterested(in: "/app/Package.resolved"))
        #expect(cataloger.isInterested(in: "/app/App.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/Package.resolved"))
        #expect(!cataloger.isInterested(in: "/app/Package.swift"))
        // Installed scope: images see Swift packages too.
        #expect(cataloger.scope == .installed)
    }

    @Test(arguments: [
        ("https://github.com/apple/swift-nio.git", "github.com/apple/swift-nio"),
        ("https://github.com/Quick/Nimble", "github.com/Quick/Nimble"),
        ("git@github.com:pointfreeco/swift-parsing.git", "github.com/pointfreeco/swift-parsing"),
        ("ssh://git@GitLab.com/group/sub/repo.git/", "gitlab.com/group/sub/repo"),
    ])
    func repositoryPaths(location: String, expected: String) {
        #expect(SwiftPackageResolvedCataloger.repositoryPath(location) == expected)
    }

    @Test func localPathsHaveNoRepository() {
        #expect(SwiftPackageResolvedCataloger.repositoryPath("/Users/me/Lib") == nil)
        #expect(SwiftPackageResolvedCataloger.repositoryPath("../Lib") == nil)
    }

    @Test func versionsOneTwoAndThree() throws {
        let v1 = #"{"object": {"pins": [{"package": "Nimble", "repositoryURL": "https://github.com/Quick/Nimble.git", "state": {"branch": null, "revision": "c93f", "version": "9.2.1"}}]}, "version": 1}"#
        let v2 = #"{"pins": [{"identity": "swift-log", "kind": "remoteSourceControl", "location": "https://github.com/apple/swift-log.git", "state": {"revision": "96a2", "version": "1.5.3"}}, {"identity": "local", "kind": "fileSystem", "location": "/x/local"}], "version": 2}"#
        let v3 = #"{"originHash": "ea83", "pins": [{"identity": "swift-mmio", "kind": "remoteSourceControl", "location": "https://github.com/apple/swift-mmio", "state": {"branch": "main", "revision": "80c109b8"}}], "version": 3}"#
        let tree = LangTextFixtures.tree(texts: ["/a/Package.resolved": v1, "/b/Package.resolved": v2, "/c/Package.resolved": v3])
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map(\.purl.description) == [
            "pkg:swift/github.com/Quick/Nimble@9.2.1", "pkg:swift/github.com/apple/swift-log@1.5.3", "pkg:swift/github.com/apple/swift-mmio@80c109b8",
        ])
        #expect(result.packages.map(\.name) == ["github.com/Quick/Nimble", "github.com/apple/swift-log", "github.com/apple/swift-mmio"])
        #expect(result.packages.map(\.location) == ["/a/Package.resolved", "/b/Package.resolved", "/c/Package.resolved"])
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realPackageResolvedFiles() throws {
        let base = "trivy-parser-cases/parser/swift/swift/testdata/"
        let v1 = try cataloger.catalog(LangTextFixtures.tree([("/x/Package.resolved", base + "happy-v1-Package.resolved")]), context: CatalogContext())
        #expect(v1.packages.map { "\($0.name)@\($0.version)" } == ["github.com/Quick/Nimble@9.2.1", "github.com/ReactiveCocoa/ReactiveSwift@7.1.1"])
        let v2 = try cataloger.catalog(LangTextFixtures.tree([("/x/Package.resolved", base + "happy-v2-Package.resolved")]), context: CatalogContext())
        #expect(v2.warnings.isEmpty && v2.packages.count == 6)
        let empty = try cataloger.catalog(LangTextFixtures.tree([("/x/Package.resolved", base + "empty-Package.resolved")]), context: CatalogContext())
        #expect(empty.packages.isEmpty && empty.warnings.isEmpty)
        let v3 = try cataloger.catalog(
            LangTextFixtures.tree([("/x/Package.resolved", "syft-cataloger-cases/cataloger/swift/testdata/PackageV3.resolved")]), context: CatalogContext())
        #expect(v3.packages.map { "\($0.name)@\($0.version)" } == [
            "github.com/apple/swift-mmio@80c109b87511041338a4d8d88064088c8dfc079b", "github.com/apple/swift-syntax@509.1.1",
        ])
        let bad = try cataloger.catalog(
            LangTextFixtures.tree([("/x/Package.resolved", "syft-cataloger-cases/cataloger/swift/testdata/bad-version-packages.resolved")]),
            context: CatalogContext())
        #expect(bad.packages.isEmpty && bad.warnings.count == 1)
    }

    @Test func hostileInputsGiveWarningsNotCrashes() throws {
        for hostile in LangTextHostileInputs.cases where !hostile.bytes.isEmpty {
            let result = try cataloger.catalog(LangTextFixtures.tree(path: "/h/Package.resolved", bytes: hostile.bytes), context: CatalogContext())
            #expect(!result.warnings.isEmpty, "\(hostile.name)")
        }
    }
}
