import BulwarkCore

/// What parsing one OSV record gave, handed from parser threads to the writing thread.
enum OSVParseOutcome: Sendable {
    /// A usable advisory: already encoded for a ``DatabaseBuilder`` (`prepared`), or as a model
    /// value for any other sink; plus the OSV ecosystems it named that Bulwark does not use.
    case advisory(Advisory?, PreparedAdvisory?, unknownEcosystems: [String])
    /// A record that was skipped, with the reason (naming the record).
    case malformed(String)

    /// Parses `bytes` (one record or an array of records) labelled `label`.
    static func parse(_ bytes: [UInt8], label: String, prepare: Bool) -> [OSVParseOutcome] {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            return [.malformed("\(label): not valid JSON (\(error.reason) at byte \(error.offset))")]
        }
        if case .array(let records) = document {
            return records.enumerated().map { index, record in map(record, label: "\(label)[\(index)]", prepare: prepare) }
        }
        return [map(document, label: label, prepare: prepare)]
    }

    private static func map(_ record: JSONValue, label: String, prepare: Bool) -> OSVParseOutcome {
        do {
            let mapped = try OSVRecordMapper.map(record)
            if prepare {
                return .advisory(nil, PreparedAdvisory(mapped.advisory), unknownEcosystems: mapped.unknownEcosystems)
            }
            return .advisory(mapped.advisory, nil, unknownEcosystems: mapped.unknownEcosystems)
        } catch {
            return .malformed("\(label): \(error.reason)")
        }
    }

    /// Hands this outcome to `sink`, updating its statistics.
    func apply(to sink: any ImportSink) throws(BulwarkError) {
        switch self {
        case .malformed(let reason):
            sink.statistics.recordMalformed(reason)
        case .advisory(let advisory, let prepared, let unknown):
            for ecosystem in unknown { sink.statistics.unknownEcosystems[ecosystem, default: 0] += 1 }
            if let prepared, let builder = sink as? DatabaseBuilder {
                try builder.add(prepared: prepared)
            } else if let advisory {
                try sink.add(advisory)
            }
        }
    }
}
