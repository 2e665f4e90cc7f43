/// When one OS release stops getting security fixes from its vendor.
public struct EndOfLifeEntry: Sendable, Codable, Hashable {
    /// The OS family as Bulwark's OS detection names it (`debian`, `ubuntu`, `alpine`, `rhel`…).
    public var family: String
    /// The release cycle: `12`, `22.04`, `3.19`.
    public var cycle: String
    /// The last day of security support (including the vendor's LTS program), `yyyy-MM-dd`.
    public var date: String
    /// Where the date comes from (`built-in`, or the feed that `db update` read).
    public var source: String

    /// Creates an entry.
    public init(family: String, cycle: String, date: String, source: String) {
        self.family = family
        self.cycle = cycle
        self.date = date
        self.source = source
    }
}
