import BulwarkCore

/// An advisory already turned into the rows the database stores. Preparing is pure and can run on
/// any thread, so importers encode and compress in parallel while one thread writes SQLite.
struct PreparedAdvisory: Sendable {
    var id: String
    var source: String
    var withdrawn: Bool
    /// The packed advisory document.
    var document: [UInt8]
    /// (ecosystem, name, packed entry), in the advisory's order.
    var affected: [(ecosystem: String, name: String, entry: [UInt8])]
    /// The advisory's own id and its aliases, deduplicated.
    var aliasKeys: [String]

    /// Encodes `advisory`.
    init(_ advisory: Advisory) {
        id = advisory.id
        source = advisory.source
        withdrawn = advisory.withdrawn != nil
        document = CompressedBlob.pack(RecordEncoding.encodeDocument(advisory))
        affected = advisory.affected.map { ($0.ecosystem, $0.name, CompressedBlob.pack(RecordEncoding.encodeEntry($0), threshold: CompressedBlob.entryCompressionThreshold)) }
        var seen: Set<String> = [advisory.id]
        var keys = [advisory.id]
        for alias in advisory.aliases where seen.insert(alias).inserted { keys.append(alias) }
        aliasKeys = keys
    }
}
