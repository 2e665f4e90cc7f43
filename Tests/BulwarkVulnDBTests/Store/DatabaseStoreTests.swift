import BulwarkTestSupport
import BulwarkCore
import CSQLite
import Foundation
import Testing
@testable import BulwarkVulnDB

/// Small advisories used across the store tests.
enum StoreSamples {
    static let ghsa = Advisory(
        id: "GHSA-aaaa-bbbb-cccc", aliases: ["CVE-2024-0001"], related: ["GHSA-zzzz"], summary: "Bad thing", details: "Details here",
        vectors: [SeverityVector(type: "CVSS_V3", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", source: "ghsa")],
        rating: SourcedSeverity(severity: .high, source: "ghsa"), references: ["https://example.com/a"],
        published: "2024-01-01T00:00:00Z", modified: "2024-02-01T00:00:00Z", source: "osv",
        affected: [
            AffectedPackage(ecosystem: "pypi", name: "requests", ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0"), .fixed("2.31.0")])]),
            AffectedPackage(ecosystem: "pypi", name: "requests", ranges: [AffectedRange(type: "GIT", events: [.introduced("abc"), .limit("def")])], versions: ["1.0", "1.1"]),
            AffectedPackage(ecosystem: "npm", name: "left-pad", ranges: [AffectedRange(type: "SEMVER", events: [.introduced("1.0.0"), .lastAffected("1.3.0")])],
                            state: .willNotFix, severity: SourcedSeverity(severity: .low, source: "debian")),
        ])
    static let pysec = Advisory(id: "PYSEC-2024-1", aliases: ["CVE-2024-0001", "GHSA-aaaa-bbbb-cccc"], source: "osv",
                                affected: [AffectedPackage(ecosystem: "pypi", name: "requests", ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0"), .fixed("2.31.1")])])])
    static let withdrawn = Advisory(id: "GHSA-wwww", withdrawn: "2024-03-01T00:00:00Z", source: "osv",
                                    affected: [AffectedPackage(ecosystem: "go", name: "example.com/mod")])

    static func build(at path: String, _ advisories: [Advisory] = [ghsa, pysec, withdrawn]) throws {
        let builder = try DatabaseBuilder(destination: path)
        for advisory in advisories { try builder.add(advisory) }
        try builder.recordSource(name: "osv-test", kind: "osv", records: advisories.count)
        try builder.commit()
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}

@Suite("Vulnerability database store")
struct DatabaseStoreTests {
    @Test("advisories, affected entries, aliases and metadata round-trip")
    func roundTrip() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/db.sqlite"
        try StoreSamples.build(at: path)
        #expect(directory.listing() == ["db.sqlite"])
        let database = try AdvisoryDatabase(path: path)

        let requests = try database.affected(ecosystem: "pypi", name: "requests")
        #expect(requests.map(\.advisoryID) == ["GHSA-aaaa-bbbb-cccc", "GHSA-aaaa-bbbb-cccc", "PYSEC-2024-1"])
        #expect(requests[0].affected == StoreSamples.ghsa.affected[0])
        #expect(requests[1].affected.ranges[0].type == "GIT")
        #expect(requests[1].affected.versions == ["1.0", "1.1"])
        #expect(try database.affected(ecosystem: "npm", name: "left-pad").first?.affected == StoreSamples.ghsa.affected[2])
        #expect(try database.affected(ecosystem: "pypi", name: "nothing").isEmpty)
        let withdrawn = try database.affected(ecosystem: "go", name: "example.com/mod")
        #expect(withdrawn.count == 1 && withdrawn[0].withdrawn)

        #expect(try database.advisory(id: "GHSA-aaaa-bbbb-cccc") == StoreSamples.ghsa)
        #expect(try database.advisory(id: "GHSA-wwww") == StoreSamples.withdrawn)
        #expect(try database.advisory(id: "GHSA-missing") == nil)

        #expect(try database.advisories(aliasOf: "CVE-2024-0001") == ["GHSA-aaaa-bbbb-cccc", "PYSEC-2024-1"])
        #expect(try database.advisories(aliasOf: "GHSA-aaaa-bbbb-cccc") == ["GHSA-aaaa-bbbb-cccc", "PYSEC-2024-1"])
        #expect(try database.advisories(aliasOf: "GHSA-wwww") == ["GHSA-wwww"])

        let metadata = try database.metadata()
        #expect(metadata.schemaVersion == AdvisoryDatabase.schemaVersion)
        #expect(metadata.advisoryCount == 3 && metadata.affectedCount == 5 && metadata.enrichmentCount == 0)
        #expect(metadata.sources.map(\.name) == ["osv-test"] && metadata.sources[0].records == 3)
        #expect(metadata.builtAt.count == 20 && metadata.builtAt.hasSuffix("Z"))
    }

    @Test("adding the same (source, id) replaces the advisory and its rows")
    func replaces() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/db.sqlite"
        var newer = StoreSamples.ghsa
        newer.affected = [AffectedPackage(ecosystem: "cargo", name: "serde")]
        newer.aliases = ["CVE-2024-9999"]
        let builder = try DatabaseBuilder(destination: path)
        try builder.add(StoreSamples.ghsa)
        try builder.add(newer)
        #expect(builder.statistics.advisories == 1)
        try builder.commit()
        let database = try AdvisoryDatabase(path: path)
        #expect(try database.affected(ecosystem: "pypi", name: "requests").isEmpty)
        #expect(try database.affected(ecosystem: "cargo", name: "serde").count == 1)
        #expect(try database.advisories(aliasOf: "CVE-2024-0001").isEmpty)
        #expect(try database.advisories(aliasOf: "CVE-2024-9999") == ["GHSA-aaaa-bbbb-cccc"])
        #expect(try database.metadata().affectedCount == 1)
    }

    @Test("enrichments merge field by field")
    func enrichmentMerge() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/db.sqlite"
        let builder = try DatabaseBuilder(destination: path)
        try builder.addEnrichment(CVEEnrichment(cve: "CVE-1", description: "NVD text", vectors: [SeverityVector(type: "CVSS_V3", vector: "CVSS:3.1/AV:N", source: "nvd")]))
        try builder.addEnrichment(CVEEnrichment(cve: "CVE-1", kevDateAdded: "2024-05-01"))
        try builder.addEnrichment(CVEEnrichment(cve: "CVE-1", epssScore: 0.25, epssPercentile: 0.9))
        try builder.addEnrichment(CVEEnrichment(cve: "CVE-1", vectors: [SeverityVector(type: "CVSS_V3", vector: "CVSS:3.1/AV:L", source: "nvd")]))
        #expect(builder.statistics.enrichments == 1)
        try builder.commit()
        let stored = try #require(try AdvisoryDatabase(path: path).enrichment(cve: "CVE-1"))
        #expect(stored == CVEEnrichment(cve: "CVE-1", description: "NVD text", vectors: [SeverityVector(type: "CVSS_V3", vector: "CVSS:3.1/AV:L", source: "nvd")],
                                        kevDateAdded: "2024-05-01", epssScore: 0.25, epssPercentile: 0.9))
        #expect(try AdvisoryDatabase(path: path).enrichment(cve: "CVE-2") == nil)
    }

    @Test("abort, a failure mid-import and an uncommitted builder leave the old file byte-identical")
    func failedImportLeavesOldFile() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/db.sqlite"
        try StoreSamples.build(at: path)
        let original = try #require(StoreSamples.bytes(path))

        let aborted = try DatabaseBuilder(destination: path)
        try aborted.add(StoreSamples.withdrawn)
        aborted.abort()
        #expect(StoreSamples.bytes(path) == original)
        #expect(directory.listing() == ["db.sqlite"])

        // A sink that fails after some records, as a disk-full or a crashed feed would.
        final class FailingSink: ImportSink {
            let builder: DatabaseBuilder
            var remaining: Int
            init(_ builder: DatabaseBuilder, failAfter: Int) { self.builder = builder; remaining = failAfter }
            var statistics: ImportStatistics {
                get { builder.statistics }
                set { builder.statistics = newValue }
            }
            func add(_ advisory: Advisory) throws(BulwarkError) {
                remaining -= 1
                if remaining < 0 { throw BulwarkError(.io, "simulated failure") }
                try builder.add(advisory)
            }
            func addEnrichment(_ enrichment: CVEEnrichment) throws(BulwarkError) { try builder.addEnrichment(enrichment) }
        }
        let osvDirectory = directory.path + "/osv"
        try FileManager.default.createDirectory(atPath: osvDirectory, withIntermediateDirectories: true)
        for index in 0..<2000 {
            try Data(#"{"id":"GHSA-\#(index)","affected":[{"package":{"ecosystem":"PyPI","name":"p\#(index)"}}]}"#.utf8)
                .write(to: URL(fileURLWithPath: "\(osvDirectory)/\(index).json"))
        }
        let builder = try DatabaseBuilder(destination: path)
        let sink = FailingSink(builder, failAfter: 1500)
        #expect(throws: BulwarkError.self) { try OSVImporter.importPath(osvDirectory, into: sink) }
        builder.abort()
        #expect(StoreSamples.bytes(path) == original)

        do {
            let dropped = try DatabaseBuilder(destination: path)
            try dropped.add(StoreSamples.ghsa)
        }
        #expect(StoreSamples.bytes(path) == original)
        #expect(directory.listing() == ["db.sqlite", "osv"])
    }

    @Test("a reader keeps the old database after an update replaces the file")
    func readerKeepsOldInode() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/db.sqlite"
        try StoreSamples.build(at: path, [StoreSamples.ghsa])
        let old = try AdvisoryDatabase(path: path)
        try StoreSamples.build(at: path, [StoreSamples.withdrawn])
        #expect(try old.advisory(id: "GHSA-aaaa-bbbb-cccc") != nil)
        #expect(try old.affected(ecosystem: "pypi", name: "requests").count == 2)
        let new = try AdvisoryDatabase(path: path)
        #expect(try new.advisory(id: "GHSA-aaaa-bbbb-cccc") == nil)
        #expect(try new.advisory(id: "GHSA-wwww") != nil)
    }

    @Test("incremental import starts from a copy of the existing database")
    func incremental() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/db.sqlite"
        try StoreSamples.build(at: path, [StoreSamples.ghsa])
        let builder = try DatabaseBuilder(copying: path, destination: path)
        try builder.add(StoreSamples.pysec)
        try builder.commit()
        let database = try AdvisoryDatabase(path: path)
        #expect(try database.metadata().advisoryCount == 2)
        #expect(try database.affected(ecosystem: "pypi", name: "requests").count == 3)
        #expect(directory.listing() == ["db.sqlite"])
    }

    @Test("missing, foreign and newer-schema files give clear errors")
    func openErrors() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let missing = directory.path + "/none.sqlite"
        #expect { try AdvisoryDatabase(path: missing) } throws: { error in
            guard let error = error as? BulwarkError else { return false }
            return error.code == .notFound && error.message.contains(missing) && (error.hint ?? "").contains("bulwark db update")
        }
        let garbage = directory.path + "/garbage.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: garbage))
        #expect { try AdvisoryDatabase(path: garbage) } throws: { error in
            (error as? BulwarkError)?.code == .invalidInput && (error as? BulwarkError)?.message.contains(garbage) == true
        }
        let newer = directory.path + "/newer.sqlite"
        try StoreSamples.build(at: newer)
        var handle: OpaquePointer?
        #expect(sqlite3_open(newer, &handle) == SQLITE_OK)
        #expect(sqlite3_exec(handle, "UPDATE meta SET value = '999' WHERE key = 'schema_version'", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        #expect { try AdvisoryDatabase(path: newer) } throws: { error in
            guard let error = error as? BulwarkError else { return false }
            return error.code == .unsupported && error.message.contains(newer) && error.hint == "upgrade bulwark"
        }
        let other = directory.path + "/other.sqlite"
        #expect(sqlite3_open(other, &handle) == SQLITE_OK)
        #expect(sqlite3_exec(handle, "CREATE TABLE t(x)", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        #expect { try AdvisoryDatabase(path: other) } throws: { ($0 as? BulwarkError)?.code == .invalidInput }
    }

    @Test("bundles round-trip and a damaged bundle never replaces the database")
    func bundle() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/db.sqlite"
        try StoreSamples.build(at: path)
        let bundlePath = directory.path + "/db.bundle"
        try DatabaseBundle.export(databasePath: path, to: bundlePath)
        let installed = directory.path + "/installed.sqlite"
        try DatabaseBundle.importBundle(bundlePath, destination: installed)
        #expect(StoreSamples.bytes(installed) == StoreSamples.bytes(path))
        #expect(try AdvisoryDatabase(path: installed).advisory(id: "GHSA-aaaa-bbbb-cccc") == StoreSamples.ghsa)

        let before = try #require(StoreSamples.bytes(installed))
        var damaged = try #require(StoreSamples.bytes(bundlePath))
        damaged[damaged.count / 2] ^= 0xff
        let damagedPath = directory.path + "/damaged.bundle"
        try damaged.write(to: URL(fileURLWithPath: damagedPath))
        #expect(throws: BulwarkError.self) { try DatabaseBundle.importBundle(damagedPath, destination: installed) }
        var wrongDigest = try #require(StoreSamples.bytes(bundlePath))
        wrongDigest[30] ^= 0x01
        try wrongDigest.write(to: URL(fileURLWithPath: damagedPath))
        #expect { try DatabaseBundle.importBundle(damagedPath, destination: installed) } throws: { ($0 as? BulwarkError)?.code == .integrity }
        try Data(wrongDigest.prefix(200)).write(to: URL(fileURLWithPath: damagedPath))
        #expect(throws: BulwarkError.self) { try DatabaseBundle.importBundle(damagedPath, destination: installed) }
        #expect(StoreSamples.bytes(installed) == before)
        #expect(directory.listing() == ["damaged.bundle", "db.bundle", "db.sqlite", "installed.sqlite"])
    }

    @Test("SHA-256 matches known vectors")
    func sha256() {
        func hex(_ text: String) -> String {
            var hasher = SHA256Hasher()
            hasher.update(Array(text.utf8))
            return hasher.finalize().map { String(format: "%02x", $0) }.joined()
        }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
