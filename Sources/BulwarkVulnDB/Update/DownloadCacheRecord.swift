import Foundation

/// What is remembered next to a cached download (`<file>.meta`) or an unfinished one (`<file>.partial.meta`):
/// the URL it came from and the validators the server gave, for conditional and resumed requests.
struct DownloadCacheRecord: Codable, Equatable {
    var url: String
    var etag: String?
    var lastModified: String?
    var bytes: Int64?

    /// Reads a record; nil when missing or unreadable (a corrupt record only costs a full download).
    static func load(_ path: String) -> DownloadCacheRecord? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return nil }
        return try? JSONDecoder().decode(DownloadCacheRecord.self, from: data)
    }

    /// Writes the record atomically.
    func save(_ path: String) throws {
        try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The validator usable in `If-Range`: a strong ETag, else the Last-Modified date.
    var ifRangeValidator: String? {
        if let etag, !etag.hasPrefix("W/") { return etag }
        return lastModified
    }
}
