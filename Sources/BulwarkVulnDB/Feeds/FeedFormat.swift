import BulwarkCore

/// The non-OSV feeds Bulwark imports, each parsed by its own importer.
public enum FeedFormat: String, Sendable, Hashable, CaseIterable {
    /// Alpine secdb (`secdb.alpinelinux.org/v3.19/main.json`, or the old YAML form) → ``AlpineSecDBImporter``.
    case alpineSecDB
    /// The Debian security tracker's JSON dump (`security-tracker.debian.org/tracker/data/json`) → ``DebianTrackerImporter``.
    case debianTracker
    /// NVD CVE API 2.0 responses or single CVE records (NVD 1.1 data feeds too) → ``NVDImporter``.
    case nvdCVE2
    /// The CISA Known Exploited Vulnerabilities catalog JSON → ``KEVImporter``.
    case cisaKEV
    /// EPSS scores: the daily CSV (`cve,epss,percentile`) or the EPSS API's JSON form → ``EPSSImporter``.
    case epssCSV
    /// endoflife.date release cycles of one OS product (`endoflife.date/api/debian.json`) → ``EndOfLifeImporter``.
    case endOfLife

    /// How much of a file the content sniffing looks at.
    private static let sniffLength = 64 << 10

    /// Recognizes a feed from its first bytes, falling back to the file name when the content is not
    /// conclusive; nil when it is none of these feeds (OSV records and zips are not detected here).
    public static func detect(_ bytes: [UInt8], fileName: String) -> FeedFormat? {
        if let format = detectFromContent(bytes) { return format }
        return detectFromName(fileName)
    }

    /// The importer for this format.
    public func parse(_ bytes: [UInt8], label: String, into sink: any ImportSink) throws(BulwarkError) {
        switch self {
        case .alpineSecDB: try AlpineSecDBImporter.parse(bytes, label: label, into: sink)
        case .debianTracker: try DebianTrackerImporter.parse(bytes, label: label, into: sink)
        case .nvdCVE2: try NVDImporter.parse(bytes, label: label, into: sink)
        case .cisaKEV: try KEVImporter.parse(bytes, label: label, into: sink)
        case .epssCSV: try EPSSImporter.parse(bytes, label: label, into: sink)
        case .endOfLife: try EndOfLifeImporter.parse(bytes, label: label, into: sink)
        }
    }

    private static func detectFromContent(_ bytes: [UInt8]) -> FeedFormat? {
        let head = String(decoding: bytes.prefix(sniffLength), as: UTF8.self)
        let trimmed = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        guard let first = trimmed.first else { return nil }
        if first == "[" && head.contains("\"cycle\"") && head.contains("\"eol\"") { return .endOfLife }
        if first == "{" || first == "[" {
            if head.contains("\"cveID\"") && (head.contains("\"dateAdded\"") || head.contains("\"catalogVersion\"")) { return .cisaKEV }
            if head.contains("\"secfixes\"") || head.contains("\"distroversion\"") { return .alpineSecDB }
            if head.contains("\"NVD_CVE\"") || head.contains("\"cvssMetricV") || head.contains("\"vulnStatus\"")
                || head.contains("\"sourceIdentifier\"") || head.contains("\"CVE_Items\"") { return .nvdCVE2 }
            if head.contains("\"releases\"") && head.contains("\"status\"") { return .debianTracker }
            if head.contains("\"epss\"") && head.contains("\"percentile\"") { return .epssCSV }
            return nil
        }
        if trimmed.hasPrefix("#model_version") || trimmed.hasPrefix("cve,epss") { return .epssCSV }
        if trimmed.hasPrefix("---") || head.contains("\ndistroversion:") || trimmed.hasPrefix("distroversion:") {
            return head.contains("secfixes:") || head.contains("distroversion:") ? .alpineSecDB : nil
        }
        return nil
    }

    private static func detectFromName(_ fileName: String) -> FeedFormat? {
        let name = fileName.split(separator: "/").last.map { $0.lowercased() } ?? ""
        if name.contains("epss") { return .epssCSV }
        if name.contains("known_exploited") || name.hasPrefix("kev") { return .cisaKEV }
        if name.contains("nvdcve") || name.hasPrefix("nvd") { return .nvdCVE2 }
        if name.contains("secdb") || name.hasPrefix("alpine") { return .alpineSecDB }
        if name.contains("debian") && name.contains("tracker") { return .debianTracker }
        return nil
    }
}
