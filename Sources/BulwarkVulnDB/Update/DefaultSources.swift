/// The public feeds `bulwark db update` downloads by default. Configuration only: nothing here is
/// contacted until a download runs.
///
/// - OSV: the per-ecosystem `all.zip` exports of `osv-vulnerabilities.storage.googleapis.com`.
/// - CISA KEV: the catalog JSON.
/// - EPSS: the daily scores `epss_scores-current.csv.gz` (gzip: decompress before ``EPSSImporter``).
/// - Debian: the security tracker's JSON dump.
/// - Alpine: secdb JSON for each release from v3.10 to v3.22 and edge, `main` and `community`.
/// - NVD: the CVE JSON 2.0 "modified" feed file (`nvdcve-2.0-modified.json.gz`: CVEs added or changed
///   in the last eight days; gzip). The NVD API itself is paginated (2,000 CVEs per page, rate-limited
///   without an API key) and is **not** crawled: a source fetches exactly one URL. For a full NVD copy,
///   add one source per yearly file (`nvdcve-2.0-2024.json.gz`), or an API URL with a
///   `lastModStartDate`/`lastModEndDate` window (at most 120 days) small enough for one page.
public enum DefaultSources {
    /// OSV ecosystem names as the export bucket spells them, with the short names used for the sources.
    private static let osvEcosystems: [(ecosystem: String, shortName: String)] = [
        ("Debian", "debian"), ("Ubuntu", "ubuntu"), ("Alpine", "alpine"), ("Red Hat", "redhat"),
        ("Rocky Linux", "rocky"), ("AlmaLinux", "almalinux"), ("SUSE", "suse"), ("openSUSE", "opensuse"),
        ("Wolfi", "wolfi"), ("Chainguard", "chainguard"), ("PyPI", "pypi"), ("npm", "npm"), ("Go", "go"),
        ("Maven", "maven"), ("crates.io", "cargo"), ("RubyGems", "rubygems"), ("Packagist", "composer"),
        ("NuGet", "nuget"),
    ]

    /// Alpine releases whose secdb is downloaded.
    public static let alpineReleases = ["v3.10", "v3.11", "v3.12", "v3.13", "v3.14", "v3.15", "v3.16", "v3.17", "v3.18", "v3.19", "v3.20", "v3.21", "v3.22", "edge"]

    /// The OSV export sources.
    public static let osv: [UpdateSource] = osvEcosystems.map { entry in
        let path = entry.ecosystem.replacingSpaces()
        return UpdateSource(name: "osv-" + entry.shortName, url: "https://osv-vulnerabilities.storage.googleapis.com/\(path)/all.zip", kind: "osv-zip")
    }

    /// The Alpine secdb sources, one per release and repository.
    public static let alpine: [UpdateSource] = alpineReleases.flatMap { release in
        ["main", "community"].map { repository in
            UpdateSource(name: "alpine-secdb-\(release)-\(repository)", url: "https://secdb.alpinelinux.org/\(release)/\(repository).json", kind: "alpine-secdb")
        }
    }

    /// The enrichment and tracker sources.
    public static let others: [UpdateSource] = [
        UpdateSource(name: "debian-tracker", url: "https://security-tracker.debian.org/tracker/data/json", kind: "debian-tracker"),
        UpdateSource(name: "cisa-kev", url: "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json", kind: "kev"),
        UpdateSource(name: "epss", url: "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz", kind: "epss"),
        UpdateSource(name: "nvd-modified", url: "https://nvd.nist.gov/feeds/json/cve/2.0/nvdcve-2.0-modified.json.gz", kind: "nvd"),
    ]

    /// OS end-of-life dates (endoflife.date), which refresh the built-in ``EndOfLifeTable``.
    public static let endOfLife: [UpdateSource] = ["debian", "ubuntu", "alpine-linux", "rhel", "centos", "rocky-linux", "almalinux", "amazon-linux"].map {
        UpdateSource(name: "eol-\($0)", url: "https://endoflife.date/api/\($0).json", kind: "eol")
    }

    /// Every default source.
    public static let all: [UpdateSource] = osv + others + alpine + endOfLife
}

extension String {
    /// Spaces percent-encoded for a URL path segment (`Red Hat` → `Red%20Hat`).
    fileprivate func replacingSpaces() -> String {
        split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20")
    }
}
