import BulwarkCatalog
import BulwarkCore
import Foundation
import Testing

/// Compares Bulwark's reading of a database with what the real `rpm` (Debian's rpm 4.18) lists
/// for the same file: every field and the complete, ordered file list of every package.
enum RPMCrossCheck {
    /// Expects `packages` (Bulwark) and `queried` (rpm -qa) to describe the same packages.
    static func compare(
        _ packages: [RPMPackageInfo], with queried: [RPMTool.QueriedPackage],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(packages.count == queried.count, sourceLocation: sourceLocation)
        #expect(!packages.isEmpty, sourceLocation: sourceLocation)
        let ours = packages.sorted {
            ($0.name, $0.version, $0.release ?? "", $0.architecture ?? "")
                < ($1.name, $1.version, $1.release ?? "", $1.architecture ?? "")
        }
        let theirs = queried.sorted {
            ($0.name, $0.version, $0.release ?? "", $0.arch ?? "") < ($1.name, $1.version, $1.release ?? "", $1.arch ?? "")
        }
        for (package, truth) in zip(ours, theirs) {
            let label = truth.description
            #expect(package.name == truth.name, "\(label)", sourceLocation: sourceLocation)
            #expect(package.epoch.map(String.init) == truth.epoch, "epoch of \(label)", sourceLocation: sourceLocation)
            #expect(package.version == truth.version, "\(label)", sourceLocation: sourceLocation)
            #expect(package.release == truth.release, "\(label)", sourceLocation: sourceLocation)
            #expect(package.architecture == truth.arch, "arch of \(label)", sourceLocation: sourceLocation)
            // rpm prints the literal "(none)" that imported keys carry as SOURCERPM like an absent tag.
            let sourceRPM = package.sourceRPM == "(none)" ? nil : package.sourceRPM
            #expect(sourceRPM == truth.sourceRPM, "sourcerpm of \(label)", sourceLocation: sourceLocation)
            #expect(package.license == truth.license, "license of \(label)", sourceLocation: sourceLocation)
            #expect(package.vendor == truth.vendor, "vendor of \(label)", sourceLocation: sourceLocation)
            #expect(package.packager == truth.packager, "packager of \(label)", sourceLocation: sourceLocation)
            #expect(
                package.modularityLabel == truth.modularityLabel, "modularity label of \(label)",
                sourceLocation: sourceLocation)
            #expect(package.size.map(String.init) == truth.size, "size of \(label)", sourceLocation: sourceLocation)
            #expect(package.files == truth.files, "files of \(label)", sourceLocation: sourceLocation)
        }
    }

    /// Copies `bytes` to a fresh directory as `fileName` and lists it with `rpm` using `backend`.
    static func query(_ bytes: [UInt8], fileName: String, backend: String) throws -> [RPMTool.QueriedPackage] {
        let directory = try RPMTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(bytes).write(to: directory.appendingPathComponent(fileName))
        return try RPMTool.query(dbPath: directory.path, backend: backend)
    }
}

@Suite("Real samples vs. the rpm tool")
struct RPMToolCrossCheckTests {
    @Test(
        "CBL-Mariner rpmdb.sqlite: every package and file as rpm lists them",
        .enabled(if: RPMTool.rpm != nil && RPMTool.canWriteSQLite && RPMTestFixtures.has("cbl-mariner-2.0.rpmdb.sqlite")))
    func marinerSQLite() throws {
        let bytes = try #require(RPMTestFixtures.database("cbl-mariner-2.0.rpmdb.sqlite"))
        let truth = try RPMCrossCheck.query(bytes, fileName: "rpmdb.sqlite", backend: "sqlite")
        let packages = try RPMDatabase.packages(from: bytes, path: "/var/lib/rpm/rpmdb.sqlite")
        RPMCrossCheck.compare(packages, with: truth)
        #expect(packages.reduce(0) { $0 + $1.files.count } > 5_000)
    }

    @Test(
        "Berkeley DB samples: every package and file as rpm's bdb_ro lists them",
        .enabled(if: RPMTool.rpm != nil && RPMTool.canReadBerkeleyDB && RPMTestFixtures.available),
        arguments: ["libuuid.Packages.bdb", "scalibr-epoch.Packages.bdb"])
    func berkeleyDB(sample: String) throws {
        let bytes = try #require(RPMTestFixtures.database(sample))
        let truth = try RPMCrossCheck.query(bytes, fileName: "Packages", backend: "bdb_ro")
        let packages = try RPMDatabase.packages(from: bytes, path: "/var/lib/rpm/Packages")
        RPMCrossCheck.compare(packages, with: truth)
    }
}
