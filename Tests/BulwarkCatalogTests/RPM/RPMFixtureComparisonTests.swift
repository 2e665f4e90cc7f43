import BulwarkCatalog
import BulwarkCore
import Testing

/// Reads the real databases from the shared samples and compares every package, field by
/// field, with the listings the real tools (go-rpmdb, osv-scalibr, syft) produced.
@Suite("RPM databases vs. real tools' listings")
struct RPMFixtureComparisonTests {
    /// A listing value: `(none)` means the tag is absent.
    static func expectedValue(_ text: String?) -> String? {
        guard let text, text != "(none)" else { return nil }
        return text
    }

    /// Compares `packages` with the listing rows, both sorted by name, version, release and
    /// arch (listings are sorted by name, databases are not), for every column the listing has.
    static func compare(_ packages: [RPMPackageInfo], with rows: [[String: String]]) {
        #expect(packages.count == rows.count)
        let sortedPackages = packages.sorted {
            ($0.name, $0.version, $0.release ?? "", $0.architecture ?? "")
                < ($1.name, $1.version, $1.release ?? "", $1.architecture ?? "")
        }
        let sortedRows = rows.sorted {
            ($0["name"] ?? "", $0["version"] ?? "", $0["release"] ?? "", $0["arch"] ?? "")
                < ($1["name"] ?? "", $1["version"] ?? "", $1["release"] ?? "", $1["arch"] ?? "")
        }
        for (package, row) in zip(sortedPackages, sortedRows) {
            let label = row["name"] ?? "?"
            #expect(package.name == row["name"], "name of \(label)")
            #expect(package.version == row["version"], "version of \(label)")
            #expect(package.release == expectedValue(row["release"]), "release of \(label)")
            #expect(package.epoch.map(String.init) == expectedValue(row["epoch"]), "epoch of \(label)")
            #expect(package.architecture == expectedValue(row["arch"]), "arch of \(label)")
            #expect(package.sourceRPM == expectedValue(row["sourcerpm"]), "sourcerpm of \(label)")
            #expect(package.license == expectedValue(row["license"]), "license of \(label)")
            if let vendor = row["vendor"] {
                #expect(package.vendor == expectedValue(vendor), "vendor of \(label)")
            }
            if let label2 = row["modularitylabel"] {
                // go-rpmdb's own expectations write the Go zero value "" for an absent label.
                let expected = label2.isEmpty ? nil : expectedValue(label2)
                #expect(package.modularityLabel == expected, "modularitylabel of \(label)")
            }
            if let size = row["size"] {
                #expect(package.size.map(String.init) == size, "size of \(label)")
            }
            if let summary = row["summary"] {
                #expect(package.summary == summary, "summary of \(label)")
            }
        }
    }

    @Test(
        "CBL-Mariner 2.0 rpmdb.sqlite matches go-rpmdb",
        .enabled(if: RPMTestFixtures.has("cbl-mariner-2.0.rpmdb.sqlite", "go-rpmdb_cbl-mariner-2.0_rpmdb.sqlite.tsv")))
    func marinerSQLite() throws {
        let bytes = try #require(RPMTestFixtures.database("cbl-mariner-2.0.rpmdb.sqlite"))
        let rows = try #require(RPMTestFixtures.listing("go-rpmdb_cbl-mariner-2.0_rpmdb.sqlite.tsv"))
        #expect(RPMDatabaseFormat(detecting: bytes) == .sqlite)
        let packages = try RPMDatabase.packages(from: bytes, path: "/var/lib/rpm/rpmdb.sqlite")
        #expect(rows.count == 129)
        Self.compare(packages, with: rows)
        // Every package of a real system owns files; spot-check one well-known path.
        let bash = try #require(packages.first { $0.name == "bash" })
        #expect(bash.files.contains("/bin/bash"))
        #expect(bash.files.contains("/usr/share/man/man1/bash.1.gz"))
        #expect(bash.files.allSatisfy { $0.hasPrefix("/") })
    }

    @Test(
        "SLE 15 BCI Packages.db (NDB) matches go-rpmdb",
        .enabled(if: RPMTestFixtures.has("sle15-bci.Packages.db", "go-rpmdb_sle15-bci_Packages.db.NDB.from-go-rpmdb-test-expectations.tsv")))
    func sleNDB() throws {
        let bytes = try #require(RPMTestFixtures.database("sle15-bci.Packages.db"))
        let rows = try #require(
            RPMTestFixtures.listing("go-rpmdb_sle15-bci_Packages.db.NDB.from-go-rpmdb-test-expectations.tsv"))
        #expect(RPMDatabaseFormat(detecting: bytes) == .ndb)
        let headers = try RPMDatabase.headers(from: bytes, path: "/var/lib/rpm/Packages.db")
        let packages = try headers.map { header throws(BulwarkError) in try RPMPackageInfo(header: header) }
        #expect(rows.count == 35)
        Self.compare(packages, with: rows)
        // The SIGMD5 column is the hex of tag 261.
        for header in headers {
            let name = try header.string(.name)
            let row = try #require(rows.first { $0["name"] == name })
            let digest = try header.binary(.sigMD5)
            let hex = digest.map { $0.map { String($0, radix: 16).leftPadded(to: 2) }.joined() }
            #expect(hex == row["sigmd5"], "sigmd5 of \(name ?? "?")")
        }
    }

    @Test(
        "RHEL 8 libuuid Packages (Berkeley DB) matches go-rpmdb",
        .enabled(if: RPMTestFixtures.has("libuuid.Packages.bdb", "go-rpmdb_libuuid_Packages.tsv")))
    func libuuidBerkeleyDB() throws {
        let bytes = try #require(RPMTestFixtures.database("libuuid.Packages.bdb"))
        let rows = try #require(RPMTestFixtures.listing("go-rpmdb_libuuid_Packages.tsv"))
        #expect(RPMDatabaseFormat(detecting: bytes) == .berkeleyDB)
        let packages = try RPMDatabase.packages(from: bytes, path: "/var/lib/rpm/Packages")
        #expect(rows.count == 1)
        Self.compare(packages, with: rows)
        #expect(packages.first?.files.contains("/usr/lib64/libuuid.so.1") == true)
    }

    @Test(
        "osv-scalibr epoch Packages (Berkeley DB) matches osv-scalibr",
        .enabled(if: RPMTestFixtures.has("scalibr-epoch.Packages.bdb", "osv-scalibr_Packages_epoch.tsv")))
    func scalibrEpochBerkeleyDB() throws {
        let bytes = try #require(RPMTestFixtures.database("scalibr-epoch.Packages.bdb"))
        let rows = try #require(RPMTestFixtures.listing("osv-scalibr_Packages_epoch.tsv"))
        let packages = try RPMDatabase.packages(from: bytes, path: "/var/lib/rpm/Packages")
        #expect(rows.count == 1)
        Self.compare(packages, with: rows)
        #expect(packages.first?.epoch == 1)
        #expect(packages.first?.fullVersion == "1:0.0.1-rls")
    }

    /// syft's `testdata/Packages` is a 5-byte placeholder ("bogus") in syft's own repository; its
    /// listing comes from an image. Reading it must fail cleanly, naming the file.
    @Test("syft's placeholder Packages file is rejected", .enabled(if: RPMTestFixtures.has("syft-redhat.Packages.bdb")))
    func syftPlaceholder() throws {
        let bytes = try #require(RPMTestFixtures.database("syft-redhat.Packages.bdb"))
        let error = #expect(throws: BulwarkError.self) {
            try RPMDatabase.packages(from: bytes, path: "/var/lib/rpm/Packages")
        }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("/var/lib/rpm/Packages") == true)
    }
}

extension String {
    /// Pads with leading zeros to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
