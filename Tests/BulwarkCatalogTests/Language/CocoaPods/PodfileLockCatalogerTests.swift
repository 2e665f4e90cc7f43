import BulwarkCatalog
import BulwarkCore
import Testing

@Suite("CocoaPods Podfile.lock")
struct PodfileLockCatalogerTests {
    let cataloger = PodfileLockCataloger()

    @Test func interestAndScope() {
        #expect(cataloger.isInterested(in: "/ios/Podfile.lock"))
        #expect(!cataloger.isInterested(in: "/ios/Podfile"))
        #expect(cataloger.scope == .lockfile)
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realPodfileLockWithSubspecs() throws {
        let result = try cataloger.catalog(
            LangTextFixtures.tree([("/ios/Podfile.lock", "trivy-parser-cases/parser/swift/cocoapods/testdata/happy.lock")]), context: CatalogContext())
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map { "\($0.name)@\($0.version)" } == [
            "AppCenter@4.2.0", "AppCenter/Analytics@4.2.0", "AppCenter/Core@4.2.0", "AppCenter/Crashes@4.2.0", "KeychainAccess@4.2.1",
        ])
        #expect(result.packages[1].purl.description == "pkg:cocoapods/AppCenter@4.2.0#Analytics")
        #expect(result.packages[0].dependencies == ["pkg:cocoapods/AppCenter@4.2.0#Analytics", "pkg:cocoapods/AppCenter@4.2.0#Crashes"])
        #expect(result.packages.allSatisfy { $0.type == .cocoapods && $0.location == "/ios/Podfile.lock" })
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realSadAndLargerPodfileLocks() throws {
        let sad = try cataloger.catalog(
            LangTextFixtures.tree([("/ios/Podfile.lock", "trivy-parser-cases/parser/swift/cocoapods/testdata/sad.lock")]), context: CatalogContext())
        #expect(sad.packages.isEmpty && sad.warnings.count == 1)
        let syft = try cataloger.catalog(
            LangTextFixtures.tree([("/ios/Podfile.lock", "syft-cataloger-cases/cataloger/swift/testdata/Podfile.lock")]), context: CatalogContext())
        #expect(syft.warnings.isEmpty)
        #expect(syft.packages.first { $0.name == "Reveal-SDK" }?.version == "33")
        #expect(syft.packages.first { $0.name == "PINCache/Core" }?.dependencies == ["pkg:cocoapods/PINOperation@1.2.1"])
    }

    @Test func hostileInputsGiveWarningsNotCrashes() throws {
        for hostile in LangTextHostileInputs.cases where !hostile.bytes.isEmpty {
            let result = try cataloger.catalog(LangTextFixtures.tree(path: "/h/Podfile.lock", bytes: hostile.bytes), context: CatalogContext())
            #expect(result.packages.isEmpty, "\(hostile.name)")
            if hostile.name == "garbage" || hostile.name.hasPrefix("deep") || hostile.name == "wrong types yaml" {
                #expect(!result.warnings.isEmpty, "\(hostile.name)")
            }
        }
    }
}
