import BulwarkCore

/// Imports the CISA Known Exploited Vulnerabilities catalog
/// (`known_exploited_vulnerabilities.json`) as ``CVEEnrichment``s carrying `kevDateAdded`.
public enum KEVImporter {
    /// Parses the catalog into `sink`; entries without a CVE id or date are counted as malformed.
    public static func parse(_ bytes: [UInt8], label: String, into sink: any ImportSink) throws(BulwarkError) {
        guard let vulnerabilities = try FeedJSONReader.parse(bytes, label: label, feed: "CISA KEV")["vulnerabilities"]?.array
        else { throw BulwarkError.invalid(label, "not a CISA KEV catalog (no 'vulnerabilities' list)") }
        for (index, item) in vulnerabilities.enumerated() {
            guard let cve = item["cveID"]?.nonEmptyString, CVEIdentifier.isValid(cve) else {
                sink.statistics.recordMalformed("\(label): vulnerabilities[\(index)] without a valid cveID")
                continue
            }
            guard let dateAdded = item["dateAdded"]?.nonEmptyString, isISODate(dateAdded) else {
                sink.statistics.recordMalformed("\(label): \(cve): missing or invalid dateAdded")
                continue
            }
            try sink.addEnrichment(CVEEnrichment(cve: cve, kevDateAdded: dateAdded))
        }
    }

    /// `YYYY-MM-DD`.
    private static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
    }
}
