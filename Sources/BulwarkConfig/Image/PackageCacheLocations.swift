import BulwarkCore

/// Where package managers leave downloaded indexes and archives, by the cache each path belongs to.
public enum PackageCacheLocations {
    /// Cache folders and the files inside them that do not count (locks, empty markers).
    static let fixed: [(prefix: String, ignoredNames: Set<String>)] = [
        ("/var/lib/apt/lists/", ["lock"]),
        ("/var/cache/apt/archives/", ["lock"]),
        ("/var/cache/apt/", ["lock"]),
        ("/var/cache/apk/", []),
        ("/var/cache/yum/", []),
        ("/var/cache/dnf/", []),
        ("/var/cache/zypp/packages/", []),
        ("/root/.cache/pip/", []),
        ("/root/.npm/_cacache/", []),
        ("/root/.cache/yarn/", []),
        ("/usr/local/share/.cache/yarn/", []),
        ("/root/.cache/go-build/", []),
        ("/root/.composer/cache/", []),
        ("/root/.cache/composer/", []),
        ("/root/.gem/specs/", []),
    ]

    /// The cache folder `path` lies in (`/var/lib/apt/lists/`, `/home/app/.cache/pip/`…), or nil.
    public static func cache(containing path: String) -> String? {
        guard path.hasPrefix("/var/") || path.hasPrefix("/root/") || path.hasPrefix("/home/") || path.hasPrefix("/usr/local/share/") else {
            return nil
        }
        for (prefix, ignored) in fixed where path.hasPrefix(prefix) {
            let name = PathNormalizer.baseName(path)
            if ignored.contains(String(name)) { return nil }
            if prefix == "/var/cache/apt/", path.hasPrefix("/var/cache/apt/archives/") { continue }
            // apt's partial downloads and auxiliary files are not cached indexes.
            if path.contains("/partial/") || path.contains("/auxfiles/") { return nil }
            return String(prefix.dropLast())
        }
        if path.hasPrefix("/home/") {
            let parts = path.split(separator: "/", maxSplits: 4)
            guard parts.count >= 4 else { return nil }
            let home = "/home/\(parts[1])"
            for suffix in ["/.cache/pip/", "/.npm/_cacache/", "/.cache/yarn/", "/.cache/go-build/"] where path.hasPrefix(home + suffix) {
                return home + String(suffix.dropLast())
            }
        }
        return nil
    }
}
