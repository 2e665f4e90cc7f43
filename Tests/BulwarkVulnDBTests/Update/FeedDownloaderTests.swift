import BulwarkCore
import BulwarkVulnDB
import Foundation
import Testing

private let serverEnabled = FeedTestServer.pythonAvailable || ProcessInfo.processInfo.environment["CI"] == "true"

/// Collects progress reports from the downloader's callback.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [DownloadProgress] = []
    func append(_ report: DownloadProgress) { lock.lock(); reports.append(report); lock.unlock() }
    var all: [DownloadProgress] { lock.lock(); defer { lock.unlock() }; return reports }
}

/// The downloader against a real HTTP server on 127.0.0.1 (python3 stdlib `http.server`).
@Suite("Feed downloader", .enabled(if: serverEnabled))
struct FeedDownloaderTests {
    /// A server root holding `feed.bin` (300 kB of pseudo-random bytes) and a cache directory.
    private struct Fixture {
        let serverRoot: FeedTempDirectory
        let cache: FeedTempDirectory
        let server: FeedTestServer
        let content = feedTestBytes(count: 300_000)

        init() throws {
            serverRoot = try FeedTempDirectory()
            cache = try FeedTempDirectory()
            try serverRoot.write("feed.bin", content)
            server = try FeedTestServer(root: serverRoot.path)
        }

        func downloader(maxAttempts: Int = 4, retryBaseDelay: Double = 0.01) -> FeedDownloader {
            FeedDownloader(cacheDirectory: cache.path, maxAttempts: maxAttempts, retryBaseDelay: retryBaseDelay, timeout: 10)
        }

        func source(_ path: String, name: String = "test-feed") -> UpdateSource {
            UpdateSource(name: name, url: server.url(path), kind: "kev")
        }

        func tearDown() {
            server.stop()
            serverRoot.remove()
            cache.remove()
        }
    }

    @Test("first download stores the file and validators; the second is a 304 that keeps it")
    func firstThenNotModified() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let progress = ProgressLog()
        let downloader = fixture.downloader()
        let first = try await downloader.download([fixture.source("feed.bin")]) { progress.append($0) }
        #expect(first.count == 1)
        #expect(first[0].notModified == false)
        #expect(first[0].bytes == 300_000)
        #expect(first[0].path == fixture.cache.path + "/test-feed.json")
        #expect(fixture.cache.read("test-feed.json") == fixture.content)
        #expect(fixture.cache.exists("test-feed.json.meta"))
        #expect(!fixture.cache.exists("test-feed.json.partial"))
        #expect(progress.all.last?.received == 300_000)
        #expect(progress.all.last?.expected == 300_000)
        #expect(progress.all.allSatisfy { $0.source == "test-feed" })

        let second = try await downloader.download([fixture.source("feed.bin")])
        #expect(second[0].notModified == true)
        #expect(second[0].bytes == 300_000)
        #expect(fixture.cache.read("test-feed.json") == fixture.content)
        let log = try await fixture.server.requestLog()
        #expect(log.count == 2)
        #expect(log[0]["ifNoneMatch"] == nil)
        #expect(log[1]["ifNoneMatch"]?.hasPrefix("\"") == true)
    }

    @Test("without validators from the server the file is simply fetched again")
    func noValidators() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        // /noetag serves no validators at all: nothing to be conditional on, so the file is fetched again.
        let downloader = fixture.downloader()
        _ = try await downloader.download([fixture.source("noetag/feed.bin")])
        let again = try await downloader.download([fixture.source("noetag/feed.bin")])
        #expect(again[0].notModified == false)
        #expect(fixture.cache.read("test-feed.json") == fixture.content)
        #expect(!fixture.cache.exists("test-feed.json.meta"))
    }

    @Test("503 with Retry-After is retried after the requested wait")
    func retryAfter503() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let start = Date()
        let results = try await fixture.downloader().download([fixture.source("fail/2/1/feed.bin")])
        let elapsed = Date().timeIntervalSince(start)
        #expect(results[0].bytes == 300_000)
        #expect(fixture.cache.read("test-feed.json") == fixture.content)
        #expect(elapsed >= 1.9)  // two waits of Retry-After: 1 (the base delay is 0.01 s)
        #expect(try await fixture.server.requestLog().count == 3)
    }

    @Test("503 without Retry-After backs off exponentially and gives up after maxAttempts")
    func exhaustedAttempts() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let error = await #expect(throws: BulwarkError.self) {
            try await fixture.downloader(maxAttempts: 3, retryBaseDelay: 0.05).download([fixture.source("fail/10/none/feed.bin")])
        }
        #expect(error?.message.contains("test-feed") == true)
        #expect(error?.message.contains("failed after 3 attempts") == true)
        #expect(error?.message.contains("HTTP 503") == true)
        #expect(try await fixture.server.requestLog().count == 3)
        #expect(!fixture.cache.exists("test-feed.json"))
    }

    @Test("a long Retry-After on 429 fails at once, naming the wait")
    func rateLimited() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let start = Date()
        let error = await #expect(throws: BulwarkError.self) {
            try await fixture.downloader().download([fixture.source("ratelimit/3600/feed.bin")])
        }
        // It must not honor the hour the server asked for. The bound is loose on purpose: with the whole
        // suite running on a loaded 2-core CI machine this test was seen to take 66 s (its local-server
        // round trips are starved), while alone it takes well under a second.
        #expect(Date().timeIntervalSince(start) < 600)
        #expect(error?.message.contains("rate limited (HTTP 429)") == true)
        #expect(error?.message.contains("60 min") == true)
        #expect(error?.message.contains(fixture.server.url("ratelimit/3600/feed.bin")) == true)
    }

    @Test("a connection cut mid-body is resumed with a Range request on the .partial file")
    func resumeAfterCut() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let results = try await fixture.downloader().download([fixture.source("cut/1/100000/feed.bin")])
        #expect(results[0].bytes == 300_000)
        #expect(fixture.cache.read("test-feed.json") == fixture.content)
        #expect(!fixture.cache.exists("test-feed.json.partial"))
        #expect(!fixture.cache.exists("test-feed.json.partial.meta"))
        let log = try await fixture.server.requestLog()
        #expect(log.count == 2)
        #expect(log[0]["range"] == nil)
        #expect(log[1]["range"] == "bytes=100000-")
        #expect(log[1]["ifRange"]?.hasPrefix("\"") == true)
    }

    @Test("a cut download without validators restarts from zero instead of splicing")
    func cutWithoutValidators() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let results = try await fixture.downloader().download([fixture.source("cut/1/100000/noetag/feed.bin")])
        #expect(results[0].bytes == 300_000)
        #expect(fixture.cache.read("test-feed.json") == fixture.content)
        let log = try await fixture.server.requestLog()
        #expect(log.map { $0["range"] } == [nil, nil])
    }

    @Test("a stale or corrupt partial file is discarded: wrong validator, too long, or no record")
    func corruptPartials() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let url = fixture.server.url("feed.bin")

        // 1. Garbage partial whose validator the server no longer matches: If-Range fails, 200 replaces it.
        try fixture.cache.write("test-feed.json.partial", Array(repeating: 0x41, count: 5000))
        try fixture.cache.write("test-feed.json.partial.meta", Array(#"{"url":"\#(url)","etag":"\"stale\""}"#.utf8))
        _ = try await fixture.downloader().download([fixture.source("feed.bin")])
        #expect(fixture.cache.read("test-feed.json") == fixture.content)

        // 2. A partial longer than the file with the right validator: 416, then a fresh download.
        let meta = try #require(fixture.cache.read("test-feed.json.meta"))
        try fixture.cache.write("test-feed.json.partial", feedTestBytes(count: 400_000, seed: 7))
        try fixture.cache.write("test-feed.json.partial.meta", meta)
        try FileManager.default.removeItem(atPath: fixture.cache.path + "/test-feed.json")
        _ = try await fixture.downloader().download([fixture.source("feed.bin")])
        #expect(fixture.cache.read("test-feed.json") == fixture.content)

        // 3. A partial without its record is never resumed.
        try FileManager.default.removeItem(atPath: fixture.cache.path + "/test-feed.json")
        try fixture.cache.write("test-feed.json.partial", Array(repeating: 0x42, count: 1000))
        _ = try await fixture.downloader().download([fixture.source("feed.bin")])
        #expect(fixture.cache.read("test-feed.json") == fixture.content)

        let log = try await fixture.server.requestLog()
        #expect(log.map { $0["range"] } == ["bytes=5000-", "bytes=400000-", nil, nil])
        #expect(log[0]["ifRange"] == "\"stale\"")
    }

    @Test("404 gives one line naming the source, the URL and what to do; the cached file survives")
    func notFoundKeepsCache() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        _ = try await fixture.downloader().download([fixture.source("feed.bin")])
        let missing = fixture.source("gone/feed.bin")
        let error = await #expect(throws: BulwarkError.self) { try await fixture.downloader().download([missing]) }
        #expect(error?.code == .notFound)
        #expect(error?.message == "feed 'test-feed' (\(missing.url)): HTTP 404 not found; check the source URL (the feed may have moved)")
        #expect(error?.message.contains("\n") == false)
        #expect(fixture.cache.read("test-feed.json") == fixture.content)
    }

    @Test("403 says access denied; one failing source does not stop the others")
    func forbiddenAmongOthers() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let good = fixture.source("feed.bin", name: "good")
        let denied = fixture.source("status/403/feed.bin", name: "denied")
        let error = await #expect(throws: BulwarkError.self) { try await fixture.downloader().download([denied, good]) }
        #expect(error?.message.contains("feed 'denied'") == true)
        #expect(error?.message.contains("HTTP 403 access denied") == true)
        #expect(fixture.cache.read("good.json") == fixture.content)
    }

    @Test("bad configuration is rejected before any request", arguments: [
        [UpdateSource(name: "x", url: "ftp://example.org/feed", kind: "kev")],
        [UpdateSource(name: "x", url: "not a url", kind: "kev")],
        [UpdateSource(name: "a/b", url: "http://127.0.0.1:1/a.json", kind: "kev"), UpdateSource(name: "a_b", url: "http://127.0.0.1:1/b.json", kind: "kev")],
    ])
    func badConfiguration(sources: [UpdateSource]) async throws {
        let cache = try FeedTempDirectory()
        defer { cache.remove() }
        await #expect(throws: BulwarkError.self) {
            try await FeedDownloader(cacheDirectory: cache.path, maxAttempts: 1).download(sources)
        }
    }
}
