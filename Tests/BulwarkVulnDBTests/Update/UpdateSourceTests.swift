import BulwarkCore
import BulwarkVulnDB
import Testing

@Suite("Update sources")
struct UpdateSourceTests {
    @Test("default sources: unique names, https, every required OSV ecosystem and feed kind")
    func defaults() {
        let sources = DefaultSources.all
        #expect(Set(sources.map(\.name)).count == sources.count)
        #expect(sources.allSatisfy { $0.url.hasPrefix("https://") })
        let osv = sources.filter { $0.kind == "osv-zip" }
        #expect(osv.count == 18)
        #expect(osv.contains { $0.url == "https://osv-vulnerabilities.storage.googleapis.com/Red%20Hat/all.zip" })
        #expect(osv.contains { $0.url == "https://osv-vulnerabilities.storage.googleapis.com/crates.io/all.zip" })
        #expect(Set(sources.map(\.kind)) == ["osv-zip", "alpine-secdb", "debian-tracker", "nvd", "kev", "epss", "eol"])
        #expect(sources.contains { $0.url == "https://secdb.alpinelinux.org/v3.19/main.json" })
    }

    @Test("cache file extensions come from the URL, else the kind", arguments: [
        ("https://x/PyPI/all.zip", "osv-zip", ".zip"),
        ("https://x/epss_scores-current.csv.gz", "epss", ".csv.gz"),
        ("https://x/tracker/data/json", "debian-tracker", ".json"),
        ("https://x/rest/json/cves/2.0?resultsPerPage=2000", "nvd", ".json"),
        ("https://x/v3.19/main.json?x=y.zip", "alpine-secdb", ".json"),
    ])
    func extensions(url: String, kind: String, expected: String) {
        #expect(UpdateSource(name: "n", url: url, kind: kind).cacheFileExtension == expected)
    }

    @Test("cache paths are confined to the cache directory")
    func cachePaths() {
        let downloader = FeedDownloader(cacheDirectory: "/tmp/cache")
        #expect(downloader.cachePath(for: UpdateSource(name: "../../etc/passwd", url: "https://x/a.json", kind: "kev")) == "/tmp/cache/feed.._.._etc_passwd.json")
        #expect(downloader.cachePath(for: UpdateSource(name: "osv-pypi", url: "https://x/PyPI/all.zip", kind: "osv-zip")) == "/tmp/cache/osv-pypi.zip")
    }
}
