import BulwarkCore

/// Imports NVD CVE records as ``CVEEnrichment``s: English description, CVSS vectors, publish/modify dates,
/// and the KEV date NVD copies from CISA (`cisaExploitAdd`).
///
/// Accepted shapes: an NVD CVE API 2.0 response (`{"vulnerabilities":[{"cve":{…}}]}`, one page of the
/// paginated API or a whole-year 2.0 feed file), a single `{"cve":{…}}` item, a bare CVE object
/// (`{"id":"CVE-…","metrics":…}`), and the retired NVD 1.1 data feed (`{"CVE_Items":[…]}`).
///
/// Vectors: `cvssMetricV2` → `CVSS_V2`, `cvssMetricV30`/`V31` → `CVSS_V3`, `cvssMetricV40` → `CVSS_V4`;
/// the source is `nvd` for `Primary` metrics (NVD's own assessment) and the metric's `source` (the CNA,
/// e.g. `secalert@redhat.com`) for `Secondary` ones.
public enum NVDImporter {
    private static let metricTypes: [(key: String, type: String)] = [
        ("cvssMetricV40", "CVSS_V4"), ("cvssMetricV31", "CVSS_V3"), ("cvssMetricV30", "CVSS_V3"), ("cvssMetricV2", "CVSS_V2"),
    ]

    /// Parses one NVD document into `sink`, streaming the record lists (a yearly feed is never held as one tree).
    public static func parse(_ bytes: [UInt8], label: String, into sink: any ImportSink) throws(BulwarkError) {
        var reader = try FeedJSONReader(bytes, label: label, feed: "NVD CVE")
        guard reader.peek() == UInt8(ascii: "{") else {
            throw BulwarkError.invalid(label, "not an NVD CVE document (top level is not an object)")
        }
        var others: [(key: String, value: FeedJSONValue)] = []
        var sawList = false
        try reader.readObject { (key: String, reader: inout FeedJSONReader) throws(BulwarkError) in
            guard key == "vulnerabilities" || key == "CVE_Items", reader.peek() == UInt8(ascii: "[") else {
                others.append((key, try reader.readValue()))
                return
            }
            sawList = true
            var index = 0
            try reader.readArray { (reader: inout FeedJSONReader) throws(BulwarkError) in
                let item = try reader.readValue()
                if key == "vulnerabilities" {
                    if let cve = item["cve"], cve.isObject {
                        try importCVE(cve, label: label, sink: sink)
                    } else {
                        sink.statistics.recordMalformed("\(label): vulnerabilities[\(index)] has no cve object")
                    }
                } else {
                    try importLegacyItem(item, index: index, label: label, sink: sink)
                }
                index += 1
            }
        }
        try reader.expectEnd()
        if sawList { return }
        let root = FeedJSONValue.object(others)
        if let cve = root["cve"], cve.isObject, cve["CVE_data_meta"] == nil {
            try importCVE(cve, label: label, sink: sink)
        } else if root["id"]?.string != nil, root["descriptions"] != nil || root["metrics"] != nil {
            try importCVE(root, label: label, sink: sink)
        } else {
            throw BulwarkError.invalid(label, "not an NVD CVE document (no 'vulnerabilities', 'cve' or 'CVE_Items')")
        }
    }

    /// One API 2.0 `cve` object.
    private static func importCVE(_ cve: FeedJSONValue, label: String, sink: any ImportSink) throws(BulwarkError) {
        guard let id = cve["id"]?.nonEmptyString, CVEIdentifier.isValid(id) else {
            sink.statistics.recordMalformed("\(label): record without a valid CVE id")
            return
        }
        var enrichment = CVEEnrichment(cve: id)
        enrichment.description = englishText(cve["descriptions"]?.array)
        enrichment.published = cve["published"]?.nonEmptyString
        enrichment.modified = cve["lastModified"]?.nonEmptyString
        enrichment.kevDateAdded = cve["cisaExploitAdd"]?.nonEmptyString
        if let metrics = cve["metrics"], metrics.isObject {
            for (key, type) in metricTypes {
                for metric in metrics[key]?.array ?? [] {
                    guard let vector = metric["cvssData"]?["vectorString"]?.nonEmptyString else {
                        sink.statistics.recordMalformed("\(label): \(id) \(key): metric without cvssData.vectorString")
                        continue
                    }
                    let vectorSource = vectorSource(type: metric["type"]?.string, source: metric["source"]?.nonEmptyString)
                    let severityVector = SeverityVector(type: type, vector: vector, source: vectorSource)
                    if !enrichment.vectors.contains(severityVector) { enrichment.vectors.append(severityVector) }
                }
            }
        }
        try sink.addEnrichment(enrichment)
    }

    /// One NVD 1.1 `CVE_Items` element.
    private static func importLegacyItem(_ item: FeedJSONValue, index: Int, label: String, sink: any ImportSink) throws(BulwarkError) {
        guard let id = item["cve"]?["CVE_data_meta"]?["ID"]?.nonEmptyString, CVEIdentifier.isValid(id) else {
            sink.statistics.recordMalformed("\(label): CVE_Items[\(index)] without a valid CVE id")
            return
        }
        var enrichment = CVEEnrichment(cve: id)
        enrichment.description = englishText(item["cve"]?["description"]?["description_data"]?.array)
        enrichment.published = item["publishedDate"]?.nonEmptyString
        enrichment.modified = item["lastModifiedDate"]?.nonEmptyString
        if let vector = item["impact"]?["baseMetricV3"]?["cvssV3"]?["vectorString"]?.nonEmptyString {
            enrichment.vectors.append(SeverityVector(type: "CVSS_V3", vector: vector, source: "nvd"))
        }
        if let vector = item["impact"]?["baseMetricV2"]?["cvssV2"]?["vectorString"]?.nonEmptyString {
            enrichment.vectors.append(SeverityVector(type: "CVSS_V2", vector: vector, source: "nvd"))
        }
        try sink.addEnrichment(enrichment)
    }

    /// `nvd` for NVD's primary assessment, else who published the metric.
    static func vectorSource(type: String?, source: String?) -> String {
        if type?.lowercased() == "primary" || source == "nvd@nist.gov" { return "nvd" }
        return source ?? "nvd-secondary"
    }

    /// The first English `value` of a `[{lang, value}]` list (or the first value when none is English).
    private static func englishText(_ list: [FeedJSONValue]?) -> String? {
        let entries = (list ?? []).filter(\.isObject)
        let english = entries.first { ($0["lang"]?.string ?? "").lowercased().hasPrefix("en") }
        return (english ?? entries.first).flatMap { $0["value"]?.nonEmptyString }
    }
}
