@testable import BulwarkCatalog
import BulwarkCore
import Foundation
import Testing

@Suite struct DpkgCatalogerTests {
    let cataloger = DpkgCataloger()
    let debian = CatalogContext(operatingSystem: OperatingSystem(family: "debian", version: "12.5", versionID: "12"))

    func tree(status: String, extra: [(String, String)] = []) -> MemoryFileTree {
        var tree = MemoryFileTree()
        tree.addFile("/var/lib/dpkg/status", status)
        for (path, text) in extra { tree.addFile(path, text) }
        return tree
    }

    @Test func onlyPackagesWhoseFilesArePresentAreListed() throws {
        let status = """
            Package: kept
            Status: install ok installed
            Architecture: amd64
            Version: 1.0-1

            Package: removed
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 2.0-1

            Package: never
            Status: purge ok not-installed
            Architecture: amd64

            Package: halfway
            Status: install ok half-configured
            Architecture: all
            Version: 3.0

            """
        let result = try cataloger.catalog(tree(status: status), context: debian)
        #expect(result.packages.map(\.name) == ["kept", "halfway"])
    }

    @Test func sourceFieldFormsAndVersionParts() throws {
        let status = """
            Package: libssl3
            Status: install ok installed
            Architecture: amd64
            Source: openssl (3.0.11-1~deb12u2)
            Version: 3.0.11-1~deb12u2+b1

            Package: bsdutils
            Status: install ok installed
            Architecture: amd64
            Source: util-linux
            Version: 1:2.38.1-5+b1

            """
        let packages = try cataloger.catalog(tree(status: status), context: debian).packages
        let ssl = try #require(packages.first)
        #expect(ssl.sourceName == "openssl")
        #expect(ssl.sourceVersion == "3.0.11-1~deb12u2")
        #expect(ssl.purl.description == "pkg:deb/debian/libssl3@3.0.11-1~deb12u2%2Bb1?arch=amd64&distro=debian-12&upstream=openssl%403.0.11-1~deb12u2")
        let bsd = try #require(packages.last)
        #expect(bsd.epoch == 1)
        #expect(bsd.upstreamVersion == "2.38.1")
        #expect(bsd.release == "5+b1")
        #expect(bsd.sourceName == "util-linux")
        #expect(bsd.sourceVersion == "1:2.38.1-5+b1")
    }

    @Test func machineReadableCopyrightGivesLicenses() throws {
        let status = "Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:1.2.13.dfsg-1\nSource: zlib\n"
        let copyright = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
            Upstream-Name: zlib

            Files: *
            Copyright: 1995-2013 Jean-loup Gailly and Mark Adler
            License: Zlib

            Files: debian/*
            License: Zlib

            """
        let packages = try cataloger.catalog(tree(status: status, extra: [("/usr/share/doc/zlib1g/copyright", copyright)]), context: debian).packages
        #expect(packages.first?.licenses == ["Zlib"])
    }

    @Test(arguments: ["Package libc6 without colon\n", "Package: a\nVersion: 1\nStatus: install ok\n", " leading continuation\n"])
    func corruptStatusFilesAreErrorsNamingTheFile(_ status: String) {
        #expect {
            _ = try cataloger.catalog(tree(status: status), context: debian)
        } throws: { error in
            (error as? BulwarkError)?.message.hasPrefix("/var/lib/dpkg/status") == true
        }
    }

    @Test(.enabled(if: SharedFixtures.available, "needs ../shared/fixtures"))
    func debianMinbaseMatchesDpkgQuery() throws {
        var tree = SharedFixtures.tree([(imagePath: "/var/lib/dpkg/status", fixture: "pkgdb/dpkg/debian-12-minbase/status")])
        let root = try #require(SharedFixtures.root)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/pkgdb/dpkg/debian-12-minbase/info")) ?? [] where name.hasSuffix(".list") {
            if let data = SharedFixtures.bytes("pkgdb/dpkg/debian-12-minbase/info/" + name) {
                tree.set("/var/lib/dpkg/info/" + name, FileNode(kind: .regular, size: Int64(data.count), contents: data))
            }
        }
        let packages = try cataloger.catalog(tree, context: debian).packages
        let expected = SharedFixtures.tsv("pkgdb/expected/dpkg/rootfs-debian-bookworm.tsv").filter { $0["status"]?.hasPrefix("ii") == true }
        #expect(expected.count > 80)
        let ours = Set(packages.map { "\($0.name)|\($0.version)|\($0.architecture ?? "")|\($0.sourceName ?? "")|\($0.sourceVersion ?? "")" })
        let theirs = Set(expected.map { "\($0["package"] ?? "")|\($0["version"] ?? "")|\($0["arch"] ?? "")|\($0["source_package"] ?? "")|\($0["source_version"] ?? "")" })
        #expect(ours == theirs, "only ours: \(ours.subtracting(theirs).sorted()), only dpkg-query: \(theirs.subtracting(ours).sorted())")
        let withFiles = packages.filter { !$0.installedFiles.isEmpty }
        #expect(withFiles.count > 80)
    }

    @Test(.enabled(if: SharedFixtures.available, "needs ../shared/fixtures"))
    func texliveStatusMatchesDpkgQuery() throws {
        let tree = SharedFixtures.tree([(imagePath: "/var/lib/dpkg/status", fixture: "pkgdb/dpkg/texlive.status")])
        let packages = try cataloger.catalog(tree, context: CatalogContext()).packages
        let expected = SharedFixtures.tsv("pkgdb/expected/dpkg/claircore_dpkg_testdata_texlive.status.tsv").filter { $0["status"]?.hasPrefix("ii") == true }
        let ours = Set(packages.map { "\($0.name)|\($0.version)|\($0.sourceName ?? "")|\($0.sourceVersion ?? "")" })
        let theirs = Set(expected.map { "\($0["package"] ?? "")|\($0["version"] ?? "")|\($0["source_package"] ?? "")|\($0["source_version"] ?? "")" })
        #expect(theirs.count > 300)
        #expect(ours == theirs, "only ours: \(ours.subtracting(theirs).sorted().prefix(10)), only dpkg-query: \(theirs.subtracting(ours).sorted().prefix(10))")
    }
}

@Suite struct DebianCopyrightTests {
    @Test func freeFormCopyrightReferencesCommonLicenses() throws {
        var tree = MemoryFileTree()
        tree.addFile("/var/lib/dpkg/status", "Package: base-files\nStatus: install ok installed\nArchitecture: amd64\nVersion: 12.4+deb12u5\n")
        tree.addFile(
            "/usr/share/doc/base-files/copyright",
            "This is Debian's base-files.\n\nIt is free software under the GPL; see /usr/share/common-licenses/GPL.\nOr /usr/share/common-licenses/GPL-2.\n")
        let packages = try DpkgCataloger().catalog(tree, context: CatalogContext()).packages
        #expect(packages.first?.licenses == ["GPL", "GPL-2"])
    }
}

@Suite("Free-form Debian copyright files")
struct GNUVersionStatementTests {
    @Test(arguments: [
        ("GPL", "under the terms of the GNU General Public License as published by\nthe Free Software Foundation; either version 2 of the License, or\n(at your option) any later version.\n\nOn Debian systems, see /usr/share/common-licenses/GPL.", "GPL-2+"),
        ("GPL", "under the terms of the GNU General Public License version 3 as published by the Free Software Foundation.\nSee /usr/share/common-licenses/GPL-3 and GPL.", "GPL-3"),
        ("LGPL", "the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License, or (at your option) any later version.", "LGPL-2.1+"),
        ("GFDL", "under the terms of the GNU Free Documentation License Version 1.3 or any later version published by the FSF", "GFDL-1.3+"),
        ("GPL", "Licensed under the GPL. See /usr/share/common-licenses/GPL.", nil),
        ("GPL-2", "the GNU General Public License version 2", nil),
    ] as [(String, String, String?)])
    func versionFromTheText(name: String, text: String, expected: String?) {
        #expect(GNUVersionStatement.versioned(name, in: Array(text.utf8)) == expected)
    }

    @Test func copyrightFileWithoutLicenseFieldsGetsTheVersionedName() {
        let text = "This is base-files.\nThis program is free software; you can redistribute it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2, or (at your option) any later version.\nOn Debian systems, the complete text of the GNU General Public License can be found in `/usr/share/common-licenses/GPL'.\n"
        #expect(DebianCopyright.licenses(in: Array(text.utf8)) == ["GPL-2+"])
    }
}
