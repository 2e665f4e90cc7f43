import BulwarkCore

/// The compact binary layouts of what the database stores: an advisory document (everything but
/// its id, source and affected details), one affected entry (ranges, versions, state, severity),
/// and a CVE enrichment. Layout changes require a new ``AdvisoryDatabase/schemaVersion``.
enum RecordEncoding {
    // MARK: Advisory document

    /// Encodes the advisory document; `affected` is stored as (ecosystem, name) keys only, the
    /// entries themselves live in the `affected` table in the same order.
    static func encodeDocument(_ advisory: Advisory) -> [UInt8] {
        var writer = BinaryWriter(capacity: 512)
        writer.write(advisory.aliases)
        writer.write(advisory.related)
        writer.write(optional: advisory.summary)
        writer.write(optional: advisory.details)
        writeVectors(advisory.vectors, into: &writer)
        writeSeverity(advisory.rating, into: &writer)
        writer.write(advisory.references)
        writer.write(optional: advisory.published)
        writer.write(optional: advisory.modified)
        writer.write(optional: advisory.withdrawn)
        writer.write(count: advisory.affected.count)
        for entry in advisory.affected {
            writer.write(entry.ecosystem)
            writer.write(entry.name)
        }
        return writer.bytes
    }

    /// A decoded advisory document: the advisory without affected entries, plus their keys.
    struct Document {
        var advisory: Advisory
        var affectedKeys: [(ecosystem: String, name: String)]
    }

    /// Decodes a document written by ``encodeDocument(_:)``.
    static func decodeDocument(_ bytes: UnsafeRawBufferPointer, id: String, source: String) throws(BulwarkError) -> Document {
        var reader = BinaryReader(bytes, label: id)
        var advisory = Advisory(id: id, source: source)
        advisory.aliases = try reader.readStrings()
        advisory.related = try reader.readStrings()
        advisory.summary = try reader.readOptionalString()
        advisory.details = try reader.readOptionalString()
        advisory.vectors = try readVectors(&reader)
        advisory.rating = try readSeverity(&reader)
        advisory.references = try reader.readStrings()
        advisory.published = try reader.readOptionalString()
        advisory.modified = try reader.readOptionalString()
        advisory.withdrawn = try reader.readOptionalString()
        let count = try reader.readCount()
        var keys: [(ecosystem: String, name: String)] = []
        keys.reserveCapacity(count)
        for _ in 0..<count { keys.append((try reader.readString(), try reader.readString())) }
        return Document(advisory: advisory, affectedKeys: keys)
    }

    // MARK: Affected entry

    /// Encodes an affected entry without its ecosystem and name (those are the row's key).
    static func encodeEntry(_ entry: AffectedPackage) -> [UInt8] {
        var writer = BinaryWriter(capacity: 64)
        writer.write(count: entry.ranges.count)
        for range in entry.ranges {
            writer.write(range.type)
            writer.write(count: range.events.count)
            for event in range.events {
                switch event {
                case .introduced(let version): writer.write(byte: 0); writer.write(version)
                case .fixed(let version): writer.write(byte: 1); writer.write(version)
                case .lastAffected(let version): writer.write(byte: 2); writer.write(version)
                case .limit(let version): writer.write(byte: 3); writer.write(version)
                }
            }
        }
        writer.write(entry.versions)
        writer.write(optional: entry.state?.rawValue)
        writeSeverity(entry.severity, into: &writer)
        return writer.bytes
    }

    /// Decodes an entry written by ``encodeEntry(_:)``.
    static func decodeEntry(_ bytes: UnsafeRawBufferPointer, ecosystem: String, name: String, label: String) throws(BulwarkError) -> AffectedPackage {
        var reader = BinaryReader(bytes, label: label)
        let rangeCount = try reader.readCount()
        var ranges: [AffectedRange] = []
        ranges.reserveCapacity(rangeCount)
        for _ in 0..<rangeCount {
            let type = try reader.readString()
            let eventCount = try reader.readCount()
            var events: [RangeEvent] = []
            events.reserveCapacity(eventCount)
            for _ in 0..<eventCount {
                let tag = try reader.readByte()
                let version = try reader.readString()
                switch tag {
                case 0: events.append(.introduced(version))
                case 1: events.append(.fixed(version))
                case 2: events.append(.lastAffected(version))
                default: events.append(.limit(version))
                }
            }
            ranges.append(AffectedRange(type: type, events: events))
        }
        let versions = try reader.readStrings()
        let state = try reader.readOptionalString().flatMap(FixState.init(rawValue:))
        let severity = try readSeverity(&reader)
        return AffectedPackage(ecosystem: ecosystem, name: name, ranges: ranges, versions: versions, state: state, severity: severity)
    }

    // MARK: Enrichment

    /// Encodes an enrichment record (without its CVE id, the row's key).
    static func encodeEnrichment(_ enrichment: CVEEnrichment) -> [UInt8] {
        var writer = BinaryWriter(capacity: 256)
        writer.write(optional: enrichment.description)
        writeVectors(enrichment.vectors, into: &writer)
        writer.write(optional: enrichment.kevDateAdded)
        writeDouble(enrichment.epssScore, into: &writer)
        writeDouble(enrichment.epssPercentile, into: &writer)
        writer.write(optional: enrichment.published)
        writer.write(optional: enrichment.modified)
        return writer.bytes
    }

    /// Decodes an enrichment written by ``encodeEnrichment(_:)``.
    static func decodeEnrichment(_ bytes: UnsafeRawBufferPointer, cve: String) throws(BulwarkError) -> CVEEnrichment {
        var reader = BinaryReader(bytes, label: cve)
        var enrichment = CVEEnrichment(cve: cve)
        enrichment.description = try reader.readOptionalString()
        enrichment.vectors = try readVectors(&reader)
        enrichment.kevDateAdded = try reader.readOptionalString()
        enrichment.epssScore = try readDouble(&reader)
        enrichment.epssPercentile = try readDouble(&reader)
        enrichment.published = try reader.readOptionalString()
        enrichment.modified = try reader.readOptionalString()
        return enrichment
    }

    // MARK: Shared pieces

    private static func writeVectors(_ vectors: [SeverityVector], into writer: inout BinaryWriter) {
        writer.write(count: vectors.count)
        for vector in vectors {
            writer.write(vector.type)
            writer.write(vector.vector)
            writer.write(vector.source)
        }
    }

    private static func readVectors(_ reader: inout BinaryReader) throws(BulwarkError) -> [SeverityVector] {
        let count = try reader.readCount()
        var vectors: [SeverityVector] = []
        vectors.reserveCapacity(count)
        for _ in 0..<count {
            vectors.append(SeverityVector(type: try reader.readString(), vector: try reader.readString(), source: try reader.readString()))
        }
        return vectors
    }

    private static func writeSeverity(_ severity: SourcedSeverity?, into writer: inout BinaryWriter) {
        guard let severity else { return writer.write(byte: 0) }
        writer.write(byte: 1)
        writer.write(severity.severity.rawValue)
        writer.write(severity.source)
    }

    private static func readSeverity(_ reader: inout BinaryReader) throws(BulwarkError) -> SourcedSeverity? {
        guard try reader.readByte() != 0 else { return nil }
        let word = try reader.readString()
        let source = try reader.readString()
        return SourcedSeverity(severity: Severity(rawValue: word) ?? .unknown, source: source)
    }

    private static func writeDouble(_ value: Double?, into writer: inout BinaryWriter) {
        guard let value else { return writer.write(byte: 0) }
        writer.write(byte: 1)
        writer.write(double: value)
    }

    private static func readDouble(_ reader: inout BinaryReader) throws(BulwarkError) -> Double? {
        try reader.readByte() == 0 ? nil : try reader.readDouble()
    }
}
