import BulwarkCatalog
import BulwarkCore
import Foundation
import Testing

@Suite struct APKCatalogerTests {
    let cataloger = APKCataloger()

    @Test func fieldsFilesAndPurl() throws {
        var tree = MemoryFileTree()
        tree.addFile("/lib/apk/db/installed", "P:busybox\nV:1.36.1-r15\nA:x86_64\nL:GPL-2.0-only\no:busybox\nF:bin\nR:busybox\nF:etc\nR:securetty\nZ:Q1abc=\n\n")
        let context = CatalogContext(operatingSystem: OperatingSystem(family: "alpine", version: "3.19.1", versionID: "3.19.1"))
        let package = try #require(try cataloger.catalog(tree, context: context).packages.first)
        #expect(package.upstreamVersion == "1.36.1")
        #expect(package.release == "r15")
        #expect(package.licenses == ["GPL-2.0-only"])
        #expect(package.installedFiles == ["/bin/busybox", "/etc/securetty"])
        #expect(package.purl.description == "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1")
    }

    @Test(arguments: ["garbage line\n", "P:x\n\nV:1\n", "PX\n"])
    func corruptDatabasesAreErrors(_ text: String) {
        var tree = MemoryFileTree()
        tree.addFile("/lib/apk/db/installed", text)
        #expect(throws: BulwarkError.self) { _ = try cataloger.catalog(tree, context: CatalogContext()) }
    }

    @Test(.enabled(if: SharedFixtures.available, "needs ../shared/fixtures"), arguments: ["3.10.9", "3.14.10", "3.18.9", "3.20.3"])
    func alpineMinirootfsMatchesApk(release: String) throws {
        let tree = SharedFixtures.tree([(imagePath: "/lib/apk/db/installed", fixture: "pkgdb/apk/alpine-\(release)/lib/apk/db/installed")])
        let packages = try cataloger.catalog(tree, context: CatalogContext()).packages
        let arch = packages.first?.architecture ?? "x86_64"
        let expected = SharedFixtures.tsv("pkgdb/expected/apk/alpine-minirootfs-\(release)-\(arch).tsv")
        #expect(expected.count > 10)
        let ours = Set(packages.map { "\($0.name)|\($0.version)|\($0.architecture ?? "")|\($0.sourceName ?? "")|\($0.licenses.joined())" })
        let theirs = Set(expected.map { "\($0["name"] ?? "")|\($0["version"] ?? "")|\($0["arch"] ?? "")|\($0["origin"] ?? "")|\($0["license"] ?? "")" })
        #expect(ours == theirs, "only ours: \(ours.subtracting(theirs).sorted()), only apk: \(theirs.subtracting(ours).sorted())")
    }
}
