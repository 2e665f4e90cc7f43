import BulwarkTestSupport
import BulwarkCore
import CSQLite
import Foundation
import Testing
@testable import BulwarkVulnDB

/// The import/lookup benchmark: runs only with BULWARK_BENCH=1 (see benchmarks/db-import.sh),
/// importing the corpus at BULWARK_BENCH_CORPUS and printing records/s, bytes/advisory and the
/// time of 10,000 package lookups. It also fails when the targets are missed.
@Suite("Database benchmark")
struct DatabaseBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test("import a synthetic OSV corpus and time 10,000 lookups", .enabled(if: environment["BULWARK_BENCH"] == "1"))
    func importAndLookup() throws {
        let corpus = try #require(Self.environment["BULWARK_BENCH_CORPUS"], "set BULWARK_BENCH_CORPUS to a corpus from benchmarks/gen-osv-corpus.py")
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/bench.sqlite"

        let started = Date()
        let builder = try DatabaseBuilder(destination: path)
        try OSVImporter.importPath(corpus, into: builder)
        let parsed = Date()
        try builder.recordSource(name: "bench", kind: "osv", records: builder.statistics.advisories)
        let statistics = builder.statistics
        try builder.commit()
        let committed = Date()
        let importSeconds = committed.timeIntervalSince(started)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let records = statistics.advisories + statistics.malformed

        // 10,000 lookups: 8,000 package names present in the database, 2,000 absent.
        var keys: [(String, String)] = []
        var handle: OpaquePointer?
        #expect(sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        var statement: OpaquePointer?
        sqlite3_prepare_v2(handle, "SELECT DISTINCT ecosystem, name FROM affected ORDER BY random() LIMIT 8000", -1, &statement, nil)
        while sqlite3_step(statement) == SQLITE_ROW {
            keys.append((String(cString: sqlite3_column_text(statement, 0)), String(cString: sqlite3_column_text(statement, 1))))
        }
        sqlite3_finalize(statement)
        sqlite3_close(handle)
        for index in 0..<(10_000 - keys.count) { keys.append(("pypi", "absent-package-\(index)")) }
        keys.shuffle()

        let openStarted = Date()
        let database = try AdvisoryDatabase(path: path)
        let opened = Date()
        var candidates = 0
        for (ecosystem, name) in keys { candidates += try database.affected(ecosystem: ecosystem, name: name).count }
        let lookupSeconds = Date().timeIntervalSince(opened)
        let warmStarted = Date()
        for (ecosystem, name) in keys { _ = try database.affected(ecosystem: ecosystem, name: name) }
        let warmSeconds = Date().timeIntervalSince(warmStarted)

        print("""
            BENCH corpus=\(corpus)
            BENCH records=\(records) advisories=\(statistics.advisories) malformed=\(statistics.malformed) withdrawn=\(statistics.withdrawn)
            BENCH import: parse+write \(String(format: "%.2f", parsed.timeIntervalSince(started))) s, commit \(String(format: "%.2f", committed.timeIntervalSince(parsed))) s, total \(String(format: "%.2f", importSeconds)) s → \(Int(Double(records) / importSeconds)) records/s
            BENCH database: \(size) bytes, \(size / max(statistics.advisories, 1)) bytes/advisory
            BENCH open: \(String(format: "%.2f", opened.timeIntervalSince(openStarted) * 1000)) ms; 10,000 lookups: \(String(format: "%.1f", lookupSeconds * 1000)) ms, \(candidates) candidates (second pass \(String(format: "%.1f", warmSeconds * 1000)) ms)
            """)
        #expect(statistics.malformed == 0)
        #expect(Double(records) / importSeconds >= 20_000)
        #expect(size / max(statistics.advisories, 1) <= 1536)
        #expect(lookupSeconds <= 0.1)
    }
}
