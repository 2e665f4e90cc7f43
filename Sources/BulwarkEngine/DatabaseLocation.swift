import Foundation

/// Where the advisory database lives: `--db`, else `BULWARK_DB`, else `<cache dir>/db/bulwark.db`.
public enum DatabaseLocation {
    /// The default cache directory: `BULWARK_CACHE_DIR`, `$XDG_CACHE_HOME/bulwark`, or `~/.cache/bulwark`.
    public static func defaultCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let value = environment["BULWARK_CACHE_DIR"], !value.isEmpty { return value }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/bulwark" }
        return NSHomeDirectory() + "/.cache/bulwark"
    }

    /// The database path in effect.
    public static func resolve(explicit: String?, cacheDirectory: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let value = environment["BULWARK_DB"], !value.isEmpty { return value }
        return (cacheDirectory ?? defaultCacheDirectory(environment: environment)) + "/db/bulwark.db"
    }
}
