import Crypto

/// Everything besides the layer's bytes that shapes what reading a layer produces: which catalogers
/// (and so which collected files) and which file analyzers were active, and a version that is bumped
/// whenever analysis code changes. Two scans share cache entries only when their identities are equal.
public struct LayerAnalysisIdentity: Hashable, Sendable, CustomStringConvertible {
    /// Sorted, de-duplicated cataloger ids.
    public let catalogers: [String]
    /// Sorted, de-duplicated file analyzer ids.
    public let analyzers: [String]
    /// The analysis version (bump when any cataloger interest, analyzer or layer reading changes).
    public let version: Int
    /// Other settings that change results, as `name=value` (e.g. the collected-file size cap).
    public let settings: [String]

    /// Creates an identity; ids and settings are sorted so their order does not matter.
    public init(catalogers: [String], analyzers: [String], version: Int, settings: [String] = []) {
        self.catalogers = Array(Set(catalogers)).sorted()
        self.analyzers = Array(Set(analyzers)).sorted()
        self.version = version
        self.settings = Array(Set(settings)).sorted()
    }

    /// A readable, unambiguous rendering (the input of the cache key).
    public var description: String {
        "v\(version);catalogers=\(catalogers.joined(separator: ","));analyzers=\(analyzers.joined(separator: ","));settings=\(settings.joined(separator: ","))"
    }

    /// Hex SHA-256 of this identity, the cache format version and `diffID` — a cache entry's name.
    func key(diffID: String, formatVersion: UInt32) -> String {
        let text = "bulwark-layer-cache\u{0}\(formatVersion)\u{0}\(diffID)\u{0}\(description)"
        return SHA256.hash(data: Array(text.utf8)).map { byte in
            let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }
}
