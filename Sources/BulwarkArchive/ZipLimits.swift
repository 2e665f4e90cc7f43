/// Caps that keep a hostile zip from exhausting memory or time.
public struct ZipLimits: Sendable, Hashable {
    /// Most entries the central directory may list.
    public var maximumEntries: Int
    /// Largest uncompressed size of one entry.
    public var maximumEntrySize: Int
    /// Largest sum of all entries' uncompressed sizes.
    public var maximumTotalSize: Int
    /// Largest uncompressed/compressed ratio for entries over ``ratioCheckThreshold`` bytes.
    public var maximumCompressionRatio: Int
    /// Entries smaller than this skip the ratio check (tiny files compress absurdly well).
    public var ratioCheckThreshold: Int

    /// Creates limits.
    public init(maximumEntries: Int = 2_000_000, maximumEntrySize: Int = 64 << 20, maximumTotalSize: Int = 16 << 30,
                maximumCompressionRatio: Int = 200, ratioCheckThreshold: Int = 1 << 20) {
        self.maximumEntries = maximumEntries
        self.maximumEntrySize = maximumEntrySize
        self.maximumTotalSize = maximumTotalSize
        self.maximumCompressionRatio = maximumCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
    }

    /// Generous defaults for vulnerability feed exports.
    public static let standard = ZipLimits()
}
