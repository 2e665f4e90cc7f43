import BulwarkCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads feeds into a cache directory, one file per source, politely and safely:
///
/// - **Conditional requests**: the ETag / Last-Modified of the previous download (kept in `<file>.meta`)
///   are sent as `If-None-Match` / `If-Modified-Since`; a `304` keeps the cached file.
/// - **Retries**: `429` and `5xx` (and dropped connections) are retried up to `maxAttempts` times with
///   exponential backoff (`retryBaseDelay × 2ⁿ`), or after the server's `Retry-After` when it gives one;
///   a `Retry-After` longer than ``maxRetryAfter`` fails at once with the wait in the message.
/// - **Resumption**: the body streams into `<file>.partial`; when a transfer breaks, the next attempt asks
///   for the rest with `Range` + `If-Range` (validators in `<file>.partial.meta`). A partial file without
///   validators, one the server no longer matches (it answers `200`), one longer than the resource (`416`)
///   or a `206` starting elsewhere is discarded and the download restarts from zero.
/// - **Completeness**: the received size must equal `Content-Length` (or the `Content-Range` total) before
///   the file is renamed over the cached one, atomically; a failed source never touches its cached file.
///
/// Sources are downloaded one after another. When some fail, the others still complete and the call then
/// throws one error naming the failed sources (the completed files stay in the cache, with their `.meta`,
/// so the next run gets `304`s for them).
public final class FeedDownloader: @unchecked Sendable {
    /// Where the downloaded files live.
    public let cacheDirectory: String
    /// Requests made per source before giving up.
    public let maxAttempts: Int
    /// The first backoff delay in seconds; doubled on each retry.
    public let retryBaseDelay: Double
    /// Seconds without progress before a request fails.
    public let timeout: Double
    /// The longest `Retry-After` (seconds) honored by waiting; longer ones fail the source at once.
    public var maxRetryAfter: Double = 120

    /// Creates a downloader writing into `cacheDirectory` (created when missing).
    public init(cacheDirectory: String, maxAttempts: Int = 4, retryBaseDelay: Double = 0.5, timeout: Double = 60) {
        self.cacheDirectory = cacheDirectory
        self.maxAttempts = max(1, maxAttempts)
        self.retryBaseDelay = max(0, retryBaseDelay)
        self.timeout = max(1, timeout)
    }

    /// The cached file for `source` (whether or not it exists yet).
    public func cachePath(for source: UpdateSource) -> String {
        cacheDirectory + "/" + Self.safeFileName(source.name) + source.cacheFileExtension
    }

    /// Downloads every source into cacheDirectory (one file per source), using conditional requests with the ETag/Last-Modified
    /// stored from the previous download (304 → keep the cached file), retrying 429/5xx with exponential backoff honoring
    /// Retry-After, resuming an interrupted download with a Range request on its ".partial" file, verifying completeness
    /// (Content-Length), and moving a finished file into place atomically. Reports progress through the callback.
    public func download(_ sources: [UpdateSource], progress: (@Sendable (DownloadProgress) -> Void)? = nil) async throws(BulwarkError) -> [DownloadResult] {
        var seen: [String: String] = [:]
        for source in sources {
            let file = cachePath(for: source)
            if let other = seen[file] {
                throw BulwarkError.invalid("feed sources", "'\(source.name)' and '\(other)' would share the cache file \(file); give them different names")
            }
            seen[file] = source.name
        }
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        } catch {
            throw BulwarkError(.io, "cannot create the feed cache directory \(cacheDirectory): \(error.localizedDescription)")
        }

        var results: [DownloadResult] = []
        var failures: [BulwarkError] = []
        for source in sources {
            do throws(BulwarkError) {
                results.append(try await fetch(source, progress: progress))
            } catch {
                if Task.isCancelled { throw error }
                failures.append(error)
            }
        }
        guard let first = failures.first else { return results }
        if failures.count == 1 { throw first }
        let names = failures.count - 1
        throw BulwarkError(first.code, "\(first.message) (and \(names) more feed\(names == 1 ? "" : "s") failed)", hint: first.hint)
    }

    // MARK: - One source

    private struct Paths {
        var file: String
        var meta: String { file + ".meta" }
        var partial: String { file + ".partial" }
        var partialMeta: String { file + ".partial.meta" }
    }

    private func fetch(_ source: UpdateSource, progress: (@Sendable (DownloadProgress) -> Void)?) async throws(BulwarkError) -> DownloadResult {
        let label = "feed '\(source.name)' (\(source.url))"
        guard let url = URL(string: source.url), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw BulwarkError.invalid(label, "not an http(s) URL; fix the source configuration")
        }
        let paths = Paths(file: cachePath(for: source))
        let fileManager = FileManager.default
        var lastProblem = "no attempt made"
        var attempt = 0

        while attempt < maxAttempts {
            attempt += 1
            if Task.isCancelled { throw BulwarkError(.io, "\(label): download cancelled") }

            // Decide between resuming a partial file, a conditional request and a plain one.
            var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
            request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
            request.setValue("bulwark-feed-downloader", forHTTPHeaderField: "User-Agent")
            var resumeOffset: Int64 = 0
            let partialSize = Self.fileSize(paths.partial)
            let partialRecord = DownloadCacheRecord.load(paths.partialMeta)
            if let partialSize, partialSize > 0, let partialRecord, partialRecord.url == source.url, let validator = partialRecord.ifRangeValidator {
                resumeOffset = partialSize
                request.setValue("bytes=\(partialSize)-", forHTTPHeaderField: "Range")
                request.setValue(validator, forHTTPHeaderField: "If-Range")
            } else {
                discardPartial(paths)
                if let record = DownloadCacheRecord.load(paths.meta), record.url == source.url, Self.fileSize(paths.file) != nil {
                    if let etag = record.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
                    if let lastModified = record.lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
                }
            }

            let name = source.name
            let outcome = await HTTPTransfer.run(request, filePath: paths.partial, resumeOffset: resumeOffset, timeout: timeout) { received, expected in
                progress?(DownloadProgress(source: name, received: received, expected: expected))
            }

            // Remember the validators of a body we started writing, so a cut can be resumed.
            if outcome.status == 200 || outcome.status == 206 {
                let record = DownloadCacheRecord(
                    url: source.url, etag: outcome.headers["etag"], lastModified: outcome.headers["last-modified"], bytes: nil)
                if outcome.status == 200 || partialRecord == nil { try? record.save(paths.partialMeta) }
            }

            var retryAfter: Double?
            switch outcome.status {
            case 200?, 206?:
                let expected = outcome.status == 206 ? outcome.rangeTotal : outcome.announcedLength
                let size = Self.fileSize(paths.partial) ?? 0
                if let failure = outcome.failure {
                    lastProblem = "transfer interrupted after \(size) bytes (\(failure))"
                    if outcome.status == 206 && outcome.rangeStart == nil { discardPartial(paths) }
                    break
                }
                if let expected, size != expected {
                    lastProblem = "incomplete download: \(size) of \(expected) bytes"
                    if size > expected { discardPartial(paths) }
                    break
                }
                return try finish(source, paths: paths, outcome: outcome, size: size, label: label)
            case 304?:
                if let size = Self.fileSize(paths.file) {
                    progress?(DownloadProgress(source: source.name, received: size, expected: size))
                    return DownloadResult(source: source, path: paths.file, notModified: true, bytes: size)
                }
                try? fileManager.removeItem(atPath: paths.meta)  // 304 without a cached file: ask again unconditionally
                lastProblem = "HTTP 304 but no cached file"
                continue
            case 416?:
                discardPartial(paths)
                lastProblem = "HTTP 416: the partial file did not fit the remote file"
                continue
            case let status? where status == 429 || (500...599).contains(status):
                retryAfter = RetryAfter.seconds(outcome.headers["retry-after"])
                let what = status == 429 ? "rate limited (HTTP 429)" : "server error (HTTP \(status))"
                if let retryAfter, retryAfter > maxRetryAfter {
                    throw BulwarkError(
                        .io, "\(label): \(what); the server asks to wait \(Self.describe(seconds: retryAfter)) — run the update again after that",
                        hint: "feeds already downloaded are kept")
                }
                lastProblem = what + (retryAfter.map { " (Retry-After \(Self.describe(seconds: $0)))" } ?? "")
            case 404?, 410?:
                throw BulwarkError(.notFound, "\(label): HTTP \(outcome.status ?? 404) not found; check the source URL (the feed may have moved)")
            case let status? where status == 401 || status == 403:
                throw BulwarkError(
                    .io, "\(label): HTTP \(status) access denied; the feed may need credentials or an API key, or blocks this network")
            case let status?:
                throw BulwarkError(.io, "\(label): unexpected HTTP \(status); check the source URL")
            case nil:
                lastProblem = "no response (\(outcome.failure ?? "unknown error"))"
                // A name that does not resolve will not resolve on retry: offline machines fail fast.
                if let failure = outcome.failure?.lowercased(), failure.contains("resolve host") || failure.contains("name resolution") {
                    throw BulwarkError(
                        .io, "\(label): \(lastProblem)",
                        hint: "no network? build the database offline with `bulwark db import PATH`, or scan with --offline")
                }
            }

            guard attempt < maxAttempts else { break }
            let delay = retryAfter ?? retryBaseDelay * pow(2, Double(attempt - 1))
            if delay > 0 {
                do {
                    try await Task.sleep(nanoseconds: UInt64(min(delay, maxRetryAfter) * 1_000_000_000))
                } catch {
                    throw BulwarkError(.io, "\(label): download cancelled")
                }
            }
        }
        throw BulwarkError(.io, "\(label): failed after \(maxAttempts) attempt\(maxAttempts == 1 ? "" : "s"): \(lastProblem); try again later")
    }

    /// Moves a complete partial file over the cached one and records its validators.
    private func finish(_ source: UpdateSource, paths: Paths, outcome: HTTPTransfer.Outcome, size: Int64, label: String) throws(BulwarkError) -> DownloadResult {
        let partialRecord = DownloadCacheRecord.load(paths.partialMeta)
        if rename(paths.partial, paths.file) != 0 {
            throw BulwarkError(.io, "\(label): cannot move the download into place at \(paths.file) (errno \(errno))")
        }
        let record = DownloadCacheRecord(
            url: source.url, etag: partialRecord?.etag ?? outcome.headers["etag"],
            lastModified: partialRecord?.lastModified ?? outcome.headers["last-modified"], bytes: size)
        if record.etag != nil || record.lastModified != nil {
            try? record.save(paths.meta)
        } else {
            try? FileManager.default.removeItem(atPath: paths.meta)
        }
        try? FileManager.default.removeItem(atPath: paths.partialMeta)
        return DownloadResult(source: source, path: paths.file, notModified: false, bytes: size)
    }

    private func discardPartial(_ paths: Paths) {
        try? FileManager.default.removeItem(atPath: paths.partial)
        try? FileManager.default.removeItem(atPath: paths.partialMeta)
    }

    private static func fileSize(_ path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.type] as? FileAttributeType) == .typeRegular
        else { return nil }
        return (attributes[.size] as? NSNumber)?.int64Value
    }

    /// `name` with every character outside `[A-Za-z0-9._-]` replaced by `_` (never empty, never hidden).
    static func safeFileName(_ name: String) -> String {
        var out = String(name.unicodeScalars.map { scalar -> Character in
            let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "." || scalar == "-" || scalar == "_"
            return ok ? Character(scalar) : "_"
        }.prefix(120))
        if out.isEmpty || out.hasPrefix(".") { out = "feed" + out }
        return out
    }

    private static func describe(seconds: Double) -> String {
        seconds >= 120 ? "\(Int((seconds / 60).rounded(.up))) min" : "\(Int(seconds.rounded(.up))) s"
    }
}
