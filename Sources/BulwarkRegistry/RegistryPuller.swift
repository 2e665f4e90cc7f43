import AsyncHTTPClient
import BulwarkCore
import BulwarkImage
import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Pulls images: negotiates the manifest (OCI index, Docker manifest list, OCI or Docker v2
/// schema 2 manifest; schema 1 refused), picks the platform, verifies manifest and config digests,
/// and downloads layers into a ``BlobCache`` with digest verification, bounded parallelism,
/// retries and Range resumption.
public struct RegistryPuller: Sendable {
    /// The client that talks to registries.
    public let client: RegistryClient

    /// Media types asked for, most specific first.
    static let acceptedManifestTypes = [
        MediaType.ociIndex, MediaType.dockerManifestList, MediaType.ociManifest, MediaType.dockerManifest,
        MediaType.dockerManifestV1Signed, MediaType.dockerManifestV1,
    ]

    /// Creates a puller.
    public init(client: RegistryClient) {
        self.client = client
    }

    /// Fetches and verifies the manifest and config of `reference` for `platform` (host platform when nil).
    /// Mirrors configured for the registry are tried first.
    public func resolve(_ reference: ImageReference, platform: Platform?) async throws(BulwarkError) -> RemoteImage {
        var lastError: BulwarkError?
        for mirror in client.options.mirrors[reference.registry] ?? [] {
            var viaMirror = reference
            viaMirror.registry = mirror
            do {
                var image = try await resolveDirect(viaMirror, platform: platform)
                image.reference = reference
                return image
            } catch {
                client.logger.debug("mirror \(mirror) failed for \(reference.familiarName): \(error.message)")
                lastError = error
            }
        }
        do {
            return try await resolveDirect(reference, platform: platform)
        } catch {
            if let lastError, error.code == .network { throw lastError }
            throw error
        }
    }

    private func resolveDirect(_ reference: ImageReference, platform: Platform?) async throws(BulwarkError) -> RemoteImage {
        let limit = client.options.maxManifestBytes
        var document = try await fetchManifest(reference, reference: reference.manifestReference, limit: limit)
        let wanted = platform ?? Platform.host
        if let pinned = reference.digest, document.digest != pinned {
            throw BulwarkError(.integrity, "\(reference.familiarName): the registry returned a manifest with digest \(document.digest)")
        }
        if MediaType.isIndex(document.mediaType) {
            let index = try JSONInput.decode(ImageIndex.self, from: document.bytes, label: "\(reference.familiarName): index")
            let candidates = index.manifests.filter { descriptor in
                guard let candidate = descriptor.platform else { return false }
                return wanted.matches(candidate) && MediaType.isManifest(descriptor.mediaType ?? MediaType.ociManifest)
            }
            guard let chosen = candidates.first else {
                let available = index.manifests.compactMap { $0.platform?.description }.filter { $0 != "unknown/unknown" }
                throw BulwarkError(
                    .notFound, "\(reference.familiarName): no image for platform \(wanted)",
                    hint: "available platforms: \(available.isEmpty ? "none" : available.joined(separator: ", ")); choose one with --platform")
            }
            document = try await fetchManifest(reference, reference: chosen.digest.description, limit: limit)
            guard document.digest == chosen.digest else {
                throw BulwarkError(.integrity, "\(reference.familiarName): manifest \(chosen.digest) arrived with digest \(document.digest)")
            }
        }
        let label = "\(reference.familiarName): manifest \(document.digest)"
        try OCILayoutSource.rejectSchema1(document.bytes, label: label)
        guard MediaType.isManifest(document.mediaType) || document.mediaType == nil else {
            throw BulwarkError(.unsupported, "\(label): media type \(document.mediaType ?? "?") is not an image manifest (an artifact or a Helm chart?)")
        }
        let manifest = try JSONInput.decode(ImageManifest.self, from: document.bytes, label: label)
        guard manifest.config.size <= Int64(limit) else {
            throw BulwarkError(.limitExceeded, "\(reference.familiarName): image config of \(manifest.config.size) bytes is over the \(limit) byte limit")
        }
        let configBytes = try await client.get(
            "/v2/\(reference.repository)/blobs/\(manifest.config.digest)", of: reference, limit: Int(manifest.config.size)
        ).body
        guard configBytes.count == Int(manifest.config.size), BulwarkCore.Digest.sha256(of: configBytes) == manifest.config.digest || manifest.config.digest.algorithm != "sha256" else {
            throw BulwarkError(.integrity, "\(reference.familiarName): config blob does not match its digest \(manifest.config.digest)")
        }
        let config = try JSONInput.decode(ImageConfiguration.self, from: configBytes, label: "\(reference.familiarName): config")
        if let os = config.os, let architecture = config.architecture, !wanted.matches(Platform(os: os, architecture: architecture, variant: config.variant)), platform != nil {
            throw BulwarkError(.notFound, "\(reference.familiarName): image is \(os)/\(architecture), not \(wanted)")
        }
        return RemoteImage(reference: reference, manifestDigest: document.digest, manifest: manifest, configDigest: manifest.config.digest, config: config)
    }

    private struct ManifestDocument {
        var bytes: [UInt8]
        var mediaType: String?
        var digest: BulwarkCore.Digest
    }

    private func fetchManifest(_ image: ImageReference, reference: String, limit: Int) async throws(BulwarkError) -> ManifestDocument {
        let response: RegistryClient.Response
        do {
            response = try await client.get("/v2/\(image.repository)/manifests/\(reference)", of: image, accept: Self.acceptedManifestTypes, limit: limit)
        } catch where error.code == .limitExceeded {
            throw BulwarkError(.limitExceeded, "\(image.familiarName): manifest over \(limit) bytes; refusing it")
        }
        let declared = response.headers["Content-Type"].first.map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces) }
        var mediaType = declared
        if let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], let inner = object["mediaType"] as? String {
            mediaType = inner
        } else if mediaType == "application/json" || mediaType == nil {
            // Untyped OCI documents: an index has "manifests", a manifest has "layers".
            let text = String(decoding: response.body.prefix(65536), as: UTF8.self)
            mediaType = text.contains("\"manifests\"") ? MediaType.ociIndex : MediaType.ociManifest
        }
        return ManifestDocument(bytes: response.body, mediaType: mediaType, digest: BulwarkCore.Digest.sha256(of: response.body))
    }

    /// Downloads the layers of `image` at `layers` (indices) into `cache`, skipping blobs already
    /// there, `parallelDownloads` at a time. `progress` gets (bytes done, bytes total) as data arrives.
    public func download(_ image: RemoteImage, layers: [Int], into cache: BlobCache, progress: (@Sendable (Int64, Int64) -> Void)? = nil) async throws(BulwarkError) {
        let wanted = layers.filter { $0 >= 0 && $0 < image.manifest.layers.count }.map { image.manifest.layers[$0] }
            .filter { !cache.contains($0.digest, size: $0.size) }
        var seen: Set<BulwarkCore.Digest> = []
        let unique = wanted.filter { seen.insert($0.digest).inserted }
        guard !unique.isEmpty else { return }
        let total = unique.reduce(Int64(0)) { $0 + $1.size }
        let counter = ProgressCounter(total: total, report: progress)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var next = 0
                func launch() {
                    guard next < unique.count else { return }
                    let descriptor = unique[next]
                    next += 1
                    group.addTask { try await self.downloadBlob(descriptor, of: image.reference, into: cache, counter: counter) }
                }
                for _ in 0..<min(client.options.parallelDownloads, unique.count) { launch() }
                while try await group.next() != nil { launch() }
            }
        } catch let error as BulwarkError {
            throw error
        } catch {
            throw BulwarkError(.network, "\(image.reference.familiarName): \(error)")
        }
    }

    /// Streams one blob to a partial file, hashing as it goes; resumes with Range after a dropped
    /// connection; commits only when size and digest match.
    private func downloadBlob(_ descriptor: Descriptor, of reference: ImageReference, into cache: BlobCache, counter: ProgressCounter) async throws(BulwarkError) {
        let label = "\(reference.familiarName): layer \(descriptor.digest)"
        guard descriptor.digest.algorithm == "sha256" else {
            throw BulwarkError(.unsupported, "\(label): only sha256 blobs can be verified")
        }
        guard descriptor.size >= 0 else { throw BulwarkError.invalid(label, "negative size") }
        let partial = try cache.partialPath(for: descriptor.digest)
        let descriptorFD = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptorFD >= 0 else { throw BulwarkError(.io, "\(partial): cannot create (\(String(cString: strerror(errno))))") }
        let sink = BlobSink(descriptor: descriptorFD)
        defer {
            close(descriptorFD)
            if !sink.committed { unlink(partial) }
        }
        var attempt = 0
        while true {
            attempt += 1
            let before = sink.written
            do throws(BulwarkError) {
                try await client.withResponse(
                    "/v2/\(reference.repository)/blobs/\(descriptor.digest)", of: reference, accept: [],
                    range: { sink.written > 0 ? sink.written : nil }
                ) { (response: HTTPClientResponse) throws(BulwarkError) -> Void in
                    if response.status.code == 206 {
                        let range = response.headers["Content-Range"].first ?? ""
                        guard range.hasPrefix("bytes \(sink.written)-") else {
                            throw BulwarkError(.network, "\(label): the registry resumed at the wrong offset (\(range.prefix(60)))")
                        }
                    } else if sink.written > 0 {
                        try sink.restart(label: label)
                        counter.add(-before)
                    }
                    do {
                        for try await buffer in response.body {
                            try sink.write(buffer, limit: descriptor.size, label: label)
                            counter.add(Int64(buffer.readableBytes))
                        }
                    } catch let error as BulwarkError {
                        throw error
                    } catch {
                        throw BulwarkError(.network, "\(label): connection dropped after \(sink.written) of \(descriptor.size) bytes (\(RegistryClient.describe(error)))")
                    }
                }
                guard sink.written == descriptor.size else {
                    throw BulwarkError(.network, "\(label): connection ended after \(sink.written) of \(descriptor.size) bytes")
                }
                break
            } catch where error.code == .network && attempt < client.options.maxAttempts {
                client.logger.debug("\(error.message); resuming")
                try await client.sleep(client.backoff(attempt: attempt, retryAfter: nil))
            }
        }
        let digest = BulwarkCore.Digest(sha256: sink.finish())
        guard digest == descriptor.digest else {
            throw BulwarkError(.integrity, "\(label): downloaded bytes have digest \(digest)", hint: "the registry or a proxy served corrupt data; retry, or report it to the registry operator")
        }
        guard fsync(descriptorFD) == 0 else { throw BulwarkError(.io, "\(partial): cannot flush to disk") }
        try cache.commit(partial: partial, digest: descriptor.digest)
        sink.committed = true
    }
}

/// The partial file of one download and its running SHA-256.
private final class BlobSink: @unchecked Sendable {
    let descriptor: Int32
    var hasher = SHA256()
    var written: Int64 = 0
    var committed = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ buffer: ByteBuffer, limit: Int64, label: String) throws(BulwarkError) {
        guard written + Int64(buffer.readableBytes) <= limit else {
            throw BulwarkError(.integrity, "\(label): the registry sent more than the \(limit) bytes the manifest declares")
        }
        let ok = buffer.withUnsafeReadableBytes { raw -> Bool in
            hasher.update(bufferPointer: raw)
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let count = Foundation.write(descriptor, base + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        guard ok else { throw BulwarkError(.io, "\(label): cannot write to the blob cache (\(String(cString: strerror(errno))))") }
        written += Int64(buffer.readableBytes)
    }

    func restart(label: String) throws(BulwarkError) {
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw BulwarkError(.io, "\(label): cannot restart the download")
        }
        hasher = SHA256()
        written = 0
    }

    func finish() -> [UInt8] { Array(hasher.finalize()) }
}

/// Bytes downloaded across parallel blob downloads, for the progress bar.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done: Int64 = 0
    private let total: Int64
    private let report: (@Sendable (Int64, Int64) -> Void)?

    init(total: Int64, report: (@Sendable (Int64, Int64) -> Void)?) {
        self.total = total
        self.report = report
    }

    func add(_ bytes: Int64) {
        guard let report else { return }
        lock.lock()
        done += bytes
        let now = done
        lock.unlock()
        report(now, total)
    }
}

