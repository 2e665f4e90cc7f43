/// One feed to download: a name (also its cache file's name), the URL and what kind of data it is.
public struct UpdateSource: Sendable, Codable, Hashable {
    /// A short unique name (`osv-pypi`, `alpine-secdb-v3.19-main`); the cache file is named after it.
    public var name: String
    /// An `http` or `https` URL.
    public var url: String
    /// `osv-zip`, `alpine-secdb`, `debian-tracker`, `nvd`, `kev` or `epss`.
    public var kind: String

    /// Creates a source.
    public init(name: String, url: String, kind: String) {
        self.name = name
        self.url = url
        self.kind = kind
    }

    /// The file extension the cached download gets: taken from the URL when it names a known one,
    /// otherwise from the kind (`.zip` for OSV, `.csv.gz` for EPSS, `.json` for the rest).
    public var cacheFileExtension: String {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let last = (path.split(separator: "/").last.map(String.init) ?? "").lowercased()
        for suffix in [".csv.gz", ".json.gz", ".json.xz", ".zip", ".json", ".csv", ".yaml", ".gz"] where last.hasSuffix(suffix) {
            return suffix
        }
        switch kind {
        case "osv-zip": return ".zip"
        case "epss": return ".csv.gz"
        default: return ".json"
        }
    }
}
