import BulwarkCore
import BulwarkTestSupport
import BulwarkVulnDB
import Foundation
import Testing

@Suite("End-of-life dates")
struct EndOfLifeTests {
    static let debianFeed = """
        [{"cycle":"13","codename":"Trixie","releaseDate":"2025-08-09","eol":"2028-08-09","extendedSupport":"2030-06-30","latest":"13.2"},
         {"cycle":"12","codename":"Bookworm","releaseDate":"2023-06-10","eol":"2026-06-10","extendedSupport":"2028-06-30"},
         {"cycle":"11","eol":"2024-08-14","extendedSupport":"2026-08-31"},
         {"cycle":"7","eol":true},
         {"cycle":"x","eol":"soon"},
         "garbage"]
        """

    @Test("the built-in table answers offline, by the most specific cycle")
    func builtIn() throws {
        let table = EndOfLifeTable()
        let now = try #require(EndOfLifeTable.day("2026-11-30"))
        #expect(table.isPastEndOfLife(OperatingSystem(family: "debian", version: "11.9", versionID: "11"), on: now) == true)
        #expect(table.isPastEndOfLife(OperatingSystem(family: "debian", version: "12.5", versionID: "12"), on: now) == false)
        #expect(table.isPastEndOfLife(OperatingSystem(family: "alpine", version: "3.19.1", versionID: "3.19.1"), on: now) == true)
        #expect(table.isPastEndOfLife(OperatingSystem(family: "ubuntu", version: "24.04", versionID: "24.04"), on: now) == false)
        #expect(table.isPastEndOfLife(OperatingSystem(family: "ubuntu", version: "20.04", versionID: "20.04"), on: now) == true)
        #expect(table.isPastEndOfLife(OperatingSystem(family: "plan9", version: "4"), on: now) == nil)
        // The last day itself is still supported.
        let lastDay = try #require(EndOfLifeTable.day("2026-08-31"))
        #expect(table.isPastEndOfLife(OperatingSystem(family: "debian", version: "11", versionID: "11"), on: lastDay) == false)
    }

    @Test("endoflife.date files import by product, Debian's LTS end counts, bad cycles are skipped and counted")
    func importer() throws {
        let sink = CollectingImportSink()
        let bytes = Array(Self.debianFeed.utf8)
        #expect(FeedFormat.detect(bytes, fileName: "debian.json") == .endOfLife)
        try FeedImporter.parse(bytes, format: .endOfLife, label: "/feeds/eol-debian.json", into: sink)
        #expect(sink.statistics.enrichments == 3)
        #expect(sink.statistics.malformed == 2)
        #expect(throws: BulwarkError.self) { try FeedImporter.parse(bytes, format: .endOfLife, label: "dates.json", into: sink) }
        #expect(throws: BulwarkError.self) { try FeedImporter.parse(Array("[{".utf8), format: .endOfLife, label: "debian.json", into: sink) }
    }

    @Test("imported dates are stored in the database and replace the built-in ones")
    func storedAndOverriding() throws {
        let directory = try ScratchDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/db.sqlite"
        let builder = try DatabaseBuilder(destination: path)
        try FeedImporter.parse(Array("[{\"cycle\":\"12\",\"eol\":\"2026-06-10\",\"extendedSupport\":\"2026-07-01\"}]".utf8), format: .endOfLife, label: "eol-debian", into: builder)
        try builder.commit()
        let entries = try AdvisoryDatabase(path: path).endOfLifeEntries()
        #expect(entries == [EndOfLifeEntry(family: "debian", cycle: "12", date: "2026-07-01", source: "endoflife.date")])
        let table = EndOfLifeTable(overrides: entries)
        let now = try #require(EndOfLifeTable.day("2026-11-30"))
        #expect(table.isPastEndOfLife(OperatingSystem(family: "debian", version: "12.5", versionID: "12"), on: now) == true)
        #expect(table.entry(for: OperatingSystem(family: "debian", version: "12", versionID: "12"))?.source == "endoflife.date")
    }
}
