import BulwarkCore

/// Imports EPSS scores as ``CVEEnrichment``s carrying `epssScore` and `epssPercentile`.
///
/// Accepted: the daily CSV (`epss_scores-YYYY-MM-DD.csv`, optional leading `#model_version:…,score_date:…`
/// comment line, a `cve,epss,percentile` header, then one row per CVE), and JSON — the EPSS API
/// response (`{"data":[{"cve","epss","percentile","date"}]}`, numbers as strings), a bare array of such
/// rows, a single row, or a row wrapped as `{"item":{…}}`. The `.csv.gz` download must be decompressed
/// before it is handed to this importer. Rows with a bad id or a score outside 0…1 are counted as malformed.
public enum EPSSImporter {
    /// Parses an EPSS CSV or JSON document into `sink`.
    public static func parse(_ bytes: [UInt8], label: String, into sink: any ImportSink) throws(BulwarkError) {
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw BulwarkError.invalid(label, "is gzip-compressed; decompress the EPSS CSV before importing it")
        }
        let first = bytes.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            try parseJSON(bytes, label: label, sink: sink)
        } else {
            try parseCSV(bytes, label: label, sink: sink)
        }
    }

    private static func parseCSV(_ bytes: [UInt8], label: String, sink: any ImportSink) throws(BulwarkError) {
        var columns: (cve: Int, epss: Int, percentile: Int)?
        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            lineNumber += 1
            var line = rawLine[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard let layout = columns else {
                let names = fields.map { String(decoding: $0, as: UTF8.self).feedTrimmed().lowercased() }
                guard let cve = names.firstIndex(of: "cve"), let epss = names.firstIndex(of: "epss"), let percentile = names.firstIndex(of: "percentile") else {
                    throw BulwarkError.invalid(label, "not an EPSS CSV (line \(lineNumber) is not a 'cve,epss,percentile' header)")
                }
                columns = (cve, epss, percentile)
                continue
            }
            guard fields.count > max(layout.cve, layout.epss, layout.percentile) else {
                sink.statistics.recordMalformed("\(label): line \(lineNumber): too few fields")
                continue
            }
            let cve = String(decoding: fields[layout.cve], as: UTF8.self).feedTrimmed()
            let score = Double(String(decoding: fields[layout.epss], as: UTF8.self).feedTrimmed())
            let percentile = Double(String(decoding: fields[layout.percentile], as: UTF8.self).feedTrimmed())
            try emit(cve: cve, score: score, percentile: percentile, where: "line \(lineNumber)", label: label, sink: sink)
        }
        if columns == nil {
            throw BulwarkError.invalid(label, "not an EPSS CSV (no 'cve,epss,percentile' header)")
        }
    }

    private static func parseJSON(_ bytes: [UInt8], label: String, sink: any ImportSink) throws(BulwarkError) {
        let root = try FeedJSONReader.parse(bytes, label: label, feed: "EPSS")
        let rows: [FeedJSONValue]
        if let array = root.array {
            rows = array
        } else if root.isObject {
            if let data = root["data"]?.array { rows = data }
            else if let item = root["item"], item.isObject { rows = [item] }
            else if root["cve"] != nil { rows = [root] }
            else { throw BulwarkError.invalid(label, "not EPSS JSON (no 'data' list, 'item' or 'cve')") }
        } else {
            throw BulwarkError.invalid(label, "not EPSS JSON (neither an object nor an array)")
        }
        for (index, row) in rows.enumerated() {
            guard row.isObject else {
                sink.statistics.recordMalformed("\(label): row \(index) is not an object")
                continue
            }
            try emit(
                cve: row["cve"]?.nonEmptyString ?? "", score: row["epss"]?.number,
                percentile: row["percentile"]?.number, where: "row \(index)", label: label, sink: sink)
        }
    }

    private static func emit(
        cve: String, score: Double?, percentile: Double?, where position: String, label: String, sink: any ImportSink
    ) throws(BulwarkError) {
        guard CVEIdentifier.isValid(cve) else {
            sink.statistics.recordMalformed("\(label): \(position): '\(cve.prefix(40))' is not a CVE id")
            return
        }
        guard let score, let percentile, (0...1).contains(score), (0...1).contains(percentile) else {
            sink.statistics.recordMalformed("\(label): \(position): \(cve): epss/percentile missing or outside 0…1")
            return
        }
        try sink.addEnrichment(CVEEnrichment(cve: cve, epssScore: score, epssPercentile: percentile))
    }
}
