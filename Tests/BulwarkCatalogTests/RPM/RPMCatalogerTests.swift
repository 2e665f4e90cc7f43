import BulwarkCatalog
import BulwarkCore
import Testing

/// The cataloger's choice of files, its package mapping and its errors, on trees built in code.
@Suite("RPM cataloger")
struct RPMCatalogerTests {
    static func file(_ bytes: [UInt8]) -> FileNode {
        FileNode(kind: .regular, size: Int64(bytes.count), contents: bytes)
    }

    static func ndb(_ names: [String]) -> [UInt8] {
        var builder = NDBBuilder()
        builder.blobs = names.map { RPMHeaderBlobBuilder.package(name: $0, files: ["/usr/bin/\($0)"]).build() }
        return builder.build().bytes
    }

    static func bdb(_ names: [String]) -> [UInt8] {
        var builder = BerkeleyDBHashBuilder()
        builder.add(instance: 0, value: [0, 0, 0, UInt8(names.count + 1)])
        for (number, name) in names.enumerated() {
            builder.add(instance: UInt32(number + 1), value: RPMHeaderBlobBuilder.package(name: name).build())
        }
        return builder.build().bytes
    }

    @Test("interested in exactly the six database paths")
    func interest() {
        let cataloger = RPMCataloger()
        #expect(cataloger.id == "rpm")
        for path in [
            "/var/lib/rpm/Packages", "/var/lib/rpm/Packages.db", "/var/lib/rpm/rpmdb.sqlite",
            "/usr/lib/sysimage/rpm/Packages", "/usr/lib/sysimage/rpm/Packages.db", "/usr/lib/sysimage/rpm/rpmdb.sqlite",
        ] {
            #expect(cataloger.isInterested(in: path), "\(path)")
        }
        for path in [
            "/var/lib/rpm/Name", "/var/lib/rpm/rpmdb.sqlite-wal", "/var/lib/rpm/Packages.bak", "/var/lib/rpm",
            "/usr/lib/rpm/Packages", "/var/lib/rpm/sub/Packages", "Packages", "/", "",
            "/opt/var/lib/rpm/Packages", "/var/lib/rpm/packages",
        ] {
            #expect(!cataloger.isInterested(in: path), "\(path)")
        }
    }

    @Test("one database per directory: SQLite before NDB before Berkeley DB")
    func preference() throws {
        var tree = MemoryFileTree()
        tree.set("/var/lib/rpm/Packages", Self.file(Self.bdb(["from-bdb"])))
        tree.set("/var/lib/rpm/Packages.db", Self.file(Self.ndb(["from-ndb"])))
        var result = try RPMCataloger().catalog(tree, context: CatalogContext())
        #expect(result.packages.map(\.name) == ["from-ndb"])
        #expect(result.packages.first?.location == "/var/lib/rpm/Packages.db")
        // A bogus preferred file is an error, not a silent fallback.
        tree.addFile("/var/lib/rpm/rpmdb.sqlite", "definitely not sqlite")
        let error = #expect(throws: BulwarkError.self) { try RPMCataloger().catalog(tree, context: CatalogContext()) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.hasPrefix("/var/lib/rpm/rpmdb.sqlite: ") == true)
        // Only the Berkeley DB left.
        tree.remove("/var/lib/rpm/rpmdb.sqlite")
        tree.remove("/var/lib/rpm/Packages.db")
        result = try RPMCataloger().catalog(tree, context: CatalogContext())
        #expect(result.packages.map(\.name) == ["from-bdb"])
    }

    @Test("the format is detected from content, not the file name")
    func contentDetection() throws {
        var tree = MemoryFileTree()
        tree.set("/var/lib/rpm/Packages", Self.file(Self.ndb(["ndb-under-bdb-name"])))
        tree.set("/usr/lib/sysimage/rpm/Packages.db", Self.file(Self.bdb(["bdb-under-ndb-name"])))
        let result = try RPMCataloger().catalog(tree, context: CatalogContext())
        #expect(result.packages.map(\.name) == ["ndb-under-bdb-name", "bdb-under-ndb-name"])
        #expect(result.packages.map(\.location) == ["/var/lib/rpm/Packages", "/usr/lib/sysimage/rpm/Packages.db"])
    }

    @Test("a directory symlinked to the other is read once, located at the real path")
    func symlinkedDirectory() throws {
        var tree = MemoryFileTree()
        tree.set("/usr/lib/sysimage/rpm/Packages.db", Self.file(Self.ndb(["bash", "zypper"])))
        tree.set("/var/lib/rpm", FileNode(kind: .symlink, linkTarget: "/usr/lib/sysimage/rpm"))
        let result = try RPMCataloger().catalog(tree, context: CatalogContext())
        #expect(result.packages.map(\.name) == ["bash", "zypper"])
        #expect(Set(result.packages.map(\.location)) == ["/usr/lib/sysimage/rpm/Packages.db"])
        // Same with a file symlink instead of a directory symlink.
        tree.remove("/var/lib/rpm")
        tree.set("/var/lib/rpm/Packages.db", FileNode(kind: .symlink, linkTarget: "../../../usr/lib/sysimage/rpm/Packages.db"))
        #expect(tree.contents(of: "/var/lib/rpm/Packages.db") != nil)
        let again = try RPMCataloger().catalog(tree, context: CatalogContext())
        #expect(again.packages.map(\.name) == ["bash", "zypper"])
        #expect(Set(again.packages.map(\.location)) == ["/usr/lib/sysimage/rpm/Packages.db"])
    }

    @Test("empty database files give a warning, not an error")
    func emptyFile() throws {
        var tree = MemoryFileTree()
        tree.set("/var/lib/rpm/Packages", Self.file([]))
        let result = try RPMCataloger().catalog(tree, context: CatalogContext())
        #expect(result.packages.isEmpty)
        #expect(result.warnings == ["/var/lib/rpm/Packages: empty rpm database file, no packages read"])
        // Reached twice through a directory symlink, it is still reported once.
        var linked = MemoryFileTree()
        linked.set("/usr/lib/sysimage/rpm/rpmdb.sqlite", Self.file([]))
        linked.set("/var/lib/rpm", FileNode(kind: .symlink, linkTarget: "/usr/lib/sysimage/rpm"))
        #expect(
            try RPMCataloger().catalog(linked, context: CatalogContext()).warnings == [
                "/usr/lib/sysimage/rpm/rpmdb.sqlite: empty rpm database file, no packages read"
            ])
        // An empty preferred file does not hide a real one next to it.
        tree.set("/var/lib/rpm/rpmdb.sqlite", Self.file([]))
        tree.set("/var/lib/rpm/Packages", Self.file(Self.bdb(["kept"])))
        #expect(try RPMCataloger().catalog(tree, context: CatalogContext()).packages.map(\.name) == ["kept"])
    }

    @Test("no database, no packages")
    func noDatabase() throws {
        var tree = MemoryFileTree()
        tree.addFile("/etc/os-release", "ID=fedora\n")
        let result = try RPMCataloger().catalog(tree, context: CatalogContext())
        #expect(result.packages.isEmpty)
        #expect(result.warnings.isEmpty)
    }

    @Test("garbage under a database name throws invalid input naming the file")
    func garbage() {
        for content in ["bogus", "SQLite format 3", String(repeating: "\u{0}", count: 8192)] {
            var tree = MemoryFileTree()
            tree.addFile("/usr/lib/sysimage/rpm/rpmdb.sqlite", content)
            let error = #expect(throws: BulwarkError.self) { try RPMCataloger().catalog(tree, context: CatalogContext()) }
            #expect(error?.code == .invalidInput)
            #expect(error?.message.hasPrefix("/usr/lib/sysimage/rpm/rpmdb.sqlite: ") == true)
        }
    }

    @Test("package mapping without a known OS, and gpg-pubkey skipped")
    func mapping() throws {
        var builder = NDBBuilder()
        var key = RPMHeaderBlobBuilder()
        key.add(.name, .string("gpg-pubkey"))
        key.add(.version, .string("fd431d51"))
        key.add(.release, .string("4ae0493b"))
        key.add(.sourceRPM, .string("(none)"))
        builder.blobs = [
            key.build(),
            RPMHeaderBlobBuilder.package(
                name: "libgcc", version: "11.3.1", release: "4.3.el9", epoch: nil, arch: "x86_64",
                sourceRPM: "gcc-11.3.1-4.3.el9.src.rpm", license: "", vendor: nil, files: ["/usr/lib64/libgcc_s.so.1"]
            ).build(),
        ]
        var tree = MemoryFileTree()
        tree.set("/var/lib/rpm/Packages.db", Self.file(builder.build().bytes))
        let result = try RPMCataloger().catalog(tree, context: CatalogContext())
        #expect(result.packages.count == 1)
        let package = try #require(result.packages.first)
        #expect(package.name == "libgcc")
        #expect(package.version == "11.3.1-4.3.el9")
        #expect(package.epoch == nil)
        #expect(package.sourceName == "gcc")
        #expect(package.sourceVersion == "11.3.1-4.3.el9")
        #expect(package.licenses.isEmpty)
        #expect(package.vendor == nil)
        #expect(package.installedFiles == ["/usr/lib64/libgcc_s.so.1"])
        #expect(
            package.purl.description
                == "pkg:rpm/libgcc@11.3.1-4.3.el9?arch=x86_64&upstream=gcc-11.3.1-4.3.el9.src.rpm")
        #expect(package.identity.version == "11.3.1-4.3.el9")

        // The source epoch is the package's epoch, like Trivy.
        let info = try RPMPackageInfo(
            header: RPMHeader(
                blob: RPMHeaderBlobBuilder.package(
                    name: "openssl-libs", version: "3.0.7", release: "27.el9", epoch: 1,
                    sourceRPM: "openssl-3.0.7-27.el9.src.rpm"
                ).build(), source: "test"))
        let os = OperatingSystem(family: "rhel", version: "9.2", versionID: "9.2")
        let mapped = RPMCataloger.package(from: info, location: "/var/lib/rpm/rpmdb.sqlite", context: CatalogContext(operatingSystem: os))
        #expect(mapped.sourceVersion == "1:3.0.7-27.el9")
        #expect(
            mapped.purl.description
                == "pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9.2&epoch=1"
                + "&upstream=openssl-3.0.7-27.el9.src.rpm")
    }

    @Test(
        "the real samples through the cataloger",
        .enabled(if: RPMTestFixtures.has("cbl-mariner-2.0.rpmdb.sqlite") && RPMTestFixtures.has("sle15-bci.Packages.db")))
    func realSamples() throws {
        let mariner = try #require(RPMTestFixtures.database("cbl-mariner-2.0.rpmdb.sqlite"))
        let sle = try #require(RPMTestFixtures.database("sle15-bci.Packages.db"))
        var tree = MemoryFileTree()
        tree.set("/var/lib/rpm/rpmdb.sqlite", Self.file(mariner))
        tree.set("/usr/lib/sysimage/rpm/Packages.db", Self.file(sle))
        let os = OperatingSystem(family: "mariner", version: "2.0", versionID: "2.0")
        let result = try RPMCataloger().catalog(tree, context: CatalogContext(operatingSystem: os))
        #expect(result.packages.count == 129 + 35)
        let bash = try #require(result.packages.first { $0.name == "bash" && $0.location == "/var/lib/rpm/rpmdb.sqlite" })
        #expect(bash.version == "5.1.8-1.cm2")
        #expect(bash.vendor == "Microsoft Corporation")
        #expect(bash.licenses == ["GPLv3"])
        #expect(
            bash.purl.description
                == "pkg:rpm/mariner/bash@5.1.8-1.cm2?arch=x86_64&distro=mariner-2.0&upstream=bash-5.1.8-1.cm2.src.rpm")
        let pcre = try #require(result.packages.first { $0.name == "libpcre1" })
        #expect(pcre.sourceName == "pcre")
        #expect(pcre.sourceVersion == "8.45-20.10.1")
        #expect(pcre.location == "/usr/lib/sysimage/rpm/Packages.db")
    }
}
