import BulwarkCore
import Foundation

/// End-of-life dates of OS releases: a built-in table (so offline scans know them) that the dates
/// `db update` imports from endoflife.date replace.
///
/// Dates are the end of all vendor security support, LTS programs included (Debian LTS, Ubuntu
/// standard support for LTS releases, RHEL maintenance support): a release past this date gets no
/// more fixes, so new vulnerabilities in it stay open forever.
public struct EndOfLifeTable: Sendable {
    /// The entries, later ones (from the database) replacing earlier ones (built-in).
    public private(set) var entries: [String: EndOfLifeEntry]

    /// The built-in table, replaced entry by entry by `overrides`.
    public init(overrides: [EndOfLifeEntry] = []) {
        var entries: [String: EndOfLifeEntry] = [:]
        for entry in Self.builtIn + overrides { entries[Self.key(entry.family, entry.cycle)] = entry }
        self.entries = entries
    }

    static func key(_ family: String, _ cycle: String) -> String { family.lowercased() + ":" + cycle }

    /// Maps OS detection's family names to the table's.
    static func family(of os: OperatingSystem) -> String {
        switch os.family.lowercased() {
        case "redhat", "rhel", "ubi": return "rhel"
        case "amzn", "amazon", "amazonlinux": return "amazon-linux"
        case "rocky": return "rocky-linux"
        case "opensuse-leap", "opensuse": return "opensuse"
        default: return os.family.lowercased()
        }
    }

    /// The release cycles `os` may belong to, most specific first (`3.19.1` → `3.19`, `3`; `12.5` → `12`).
    static func cycles(of os: OperatingSystem) -> [String] {
        let version = os.versionID ?? os.version
        let parts = version.split(separator: ".").map(String.init)
        var cycles: [String] = []
        for count in stride(from: min(parts.count, 2), through: 1, by: -1) {
            cycles.append(parts.prefix(count).joined(separator: "."))
        }
        return cycles
    }

    /// The entry for `os`, if the table knows its release.
    public func entry(for os: OperatingSystem) -> EndOfLifeEntry? {
        let family = Self.family(of: os)
        for cycle in Self.cycles(of: os) {
            if let entry = entries[Self.key(family, cycle)] { return entry }
        }
        return nil
    }

    /// Whether `os` is past its end of life on `date` (nil when unknown).
    public func isPastEndOfLife(_ os: OperatingSystem, on date: Date) -> Bool? {
        guard let entry = entry(for: os), let end = Self.day(entry.date) else { return nil }
        return date > end.addingTimeInterval(86_400)
    }

    /// Parses `yyyy-MM-dd` (UTC).
    public static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var components = DateComponents()
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components)
    }

    /// Vendor dates as published (endoflife.date, the vendors' lifecycle pages), end of LTS where one exists.
    static let builtIn: [EndOfLifeEntry] = [
        ("debian", "8", "2020-06-30"), ("debian", "9", "2022-06-30"), ("debian", "10", "2024-06-30"),
        ("debian", "11", "2026-08-31"), ("debian", "12", "2028-06-30"), ("debian", "13", "2030-06-30"),
        ("ubuntu", "14.04", "2019-04-30"), ("ubuntu", "16.04", "2021-04-30"), ("ubuntu", "18.04", "2023-05-31"),
        ("ubuntu", "20.04", "2025-05-29"), ("ubuntu", "22.04", "2027-06-01"), ("ubuntu", "24.04", "2029-05-31"),
        ("ubuntu", "23.04", "2024-01-25"), ("ubuntu", "23.10", "2024-07-11"), ("ubuntu", "24.10", "2025-07-10"),
        ("ubuntu", "25.04", "2026-01-15"),
        ("alpine", "3.12", "2022-05-01"), ("alpine", "3.13", "2022-11-01"), ("alpine", "3.14", "2023-05-01"),
        ("alpine", "3.15", "2023-11-01"), ("alpine", "3.16", "2024-05-23"), ("alpine", "3.17", "2024-11-22"),
        ("alpine", "3.18", "2025-05-09"), ("alpine", "3.19", "2025-11-01"), ("alpine", "3.20", "2026-04-01"),
        ("alpine", "3.21", "2026-11-01"), ("alpine", "3.22", "2027-05-01"),
        ("rhel", "7", "2024-06-30"), ("rhel", "8", "2029-05-31"), ("rhel", "9", "2032-05-31"),
        ("centos", "7", "2024-06-30"), ("centos", "8", "2021-12-31"),
        ("rocky-linux", "8", "2029-05-31"), ("rocky-linux", "9", "2032-05-31"),
        ("almalinux", "8", "2029-03-01"), ("almalinux", "9", "2032-05-31"),
        ("amazon-linux", "2", "2026-06-30"), ("amazon-linux", "2023", "2029-06-30"),
    ].map { EndOfLifeEntry(family: $0.0, cycle: $0.1, date: $0.2, source: "built-in") }
}
