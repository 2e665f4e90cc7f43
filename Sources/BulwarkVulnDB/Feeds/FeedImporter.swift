import BulwarkCore

/// One entry point for every non-OSV feed: dispatches to the importer of `format`
/// (see ``FeedFormat/detect(_:fileName:)`` to choose it from a file).
public enum FeedImporter {
    /// Parses `bytes` (already decompressed) as `format` into `sink`.
    public static func parse(_ bytes: [UInt8], format: FeedFormat, label: String, into sink: any ImportSink) throws(BulwarkError) {
        try format.parse(bytes, label: label, into: sink)
    }
}
