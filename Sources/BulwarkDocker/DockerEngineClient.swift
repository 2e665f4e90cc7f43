import AsyncHTTPClient
import BulwarkCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A Docker Engine API client over a unix socket (Docker, or Podman's compatible service): image
/// export, image load, and running containers' list, inspect and filesystem export.
///
/// Every call is bounded by ``EngineTimeouts``; exports stream to a file, never to memory. Each call
/// opens its own short-lived HTTP client, so a value needs no shutdown.
public struct DockerEngineClient: Sendable {
    /// The socket this client talks to.
    public var endpoint: EngineEndpoint
    /// Bounds on every call.
    public var timeouts: EngineTimeouts
    /// The most bytes an export may write (default 64 GiB).
    public var maxExportBytes: Int64
    /// Debug logging.
    public var logger: Logger

    /// The largest JSON document read from the daemon.
    static let maxDocumentBytes = 32 << 20

    /// Creates a client for `endpoint`.
    public init(endpoint: EngineEndpoint, timeouts: EngineTimeouts = EngineTimeouts(), maxExportBytes: Int64 = 64 << 30, logger: Logger = Logger(label: "bulwark.docker")) {
        self.endpoint = endpoint
        self.timeouts = timeouts
        self.maxExportBytes = maxExportBytes
        self.logger = logger
    }

    /// The candidate engine sockets in the default order (see ``EngineEndpoint/discover(source:environment:exists:)``).
    public static func discover(source: EngineKind? = nil) -> [EngineEndpoint] {
        EngineEndpoint.discover(source: source)
    }

    // MARK: - Engine

    /// Checks the engine answers (`GET /_ping`).
    public func ping() async throws(BulwarkError) {
        _ = try await document("/_ping", resource: .engine, activity: "pinging")
    }

    /// The engine's version document (`GET /version`).
    public func version() async throws(BulwarkError) -> EngineVersion {
        try decode(EngineVersion.self, try await document("/version", resource: .engine, activity: "reading the version"), what: "version")
    }

    // MARK: - Images

    /// Whether the engine holds `name` (`GET /images/{name}/json`: 200 yes, 404 no).
    public func imageExists(_ name: String) async throws(BulwarkError) -> Bool {
        do {
            _ = try await inspectImage(name)
            return true
        } catch where error.code == .notFound {
            return false
        }
    }

    /// The engine's record of image `name` (`GET /images/{name}/json`).
    public func inspectImage(_ name: String) async throws(BulwarkError) -> EngineImage {
        let name = try EngineResource.validated(name, as: EngineResource.image)
        let bytes = try await document("/images/\(Self.pathSegment(name))/json", resource: .image(name), activity: "inspecting image '\(name)'")
        return try decode(EngineImage.self, bytes, what: "image '\(name)'")
    }

    /// Streams `docker save` of image `name` (`GET /images/{name}/get`) to the file `path`; returns the
    /// bytes written. The result is a docker-save tarball that `ImageOpener` reads.
    @discardableResult
    public func exportImage(_ name: String, to path: String) async throws(BulwarkError) -> Int64 {
        let name = try EngineResource.validated(name, as: EngineResource.image)
        return try await download("/images/\(Self.pathSegment(name))/get", to: path, resource: .image(name), activity: "exporting image '\(name)'")
    }

    /// Loads a docker-save tarball into the engine (`POST /images/load`), streaming the file; returns the
    /// daemon's last status line (e.g. `Loaded image: app:1`).
    @discardableResult
    public func loadImage(fromArchive path: String) async throws(BulwarkError) -> String {
        let file = try FileChunks(path: path)
        var request = try makeRequest("/images/load", method: .POST)
        request.headers.add(name: "Content-Type", value: "application/x-tar")
        request.body = .stream(file.stream(), length: .known(file.size))
        let activity = "loading \(path)"
        let bytes = try await perform(request, resource: .engine, activity: activity, deadline: timeouts.transfer) { response throws(BulwarkError) in
            try await collect(response, activity: activity)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("\"error\"") || text.contains("\"errorDetail\"") {
            throw BulwarkError(.invalidInput, "\(endpoint): rejected \(path): \(EngineFailure.daemonMessage(bytes) ?? text)")
        }
        return LoadStatus.lastLine(text)
    }

    // MARK: - Containers

    /// The containers (`GET /containers/json`): running ones, or all with `all`.
    public func listContainers(all: Bool = false) async throws(BulwarkError) -> [ContainerSummary] {
        let bytes = try await document("/containers/json" + (all ? "?all=true" : ""), resource: .engine, activity: "listing containers")
        return try decode([ContainerSummary].self, bytes, what: "container list")
    }

    /// The full record of container `idOrName` (`GET /containers/{id}/json`).
    public func inspectContainer(_ idOrName: String) async throws(BulwarkError) -> ContainerInspection {
        let name = try EngineResource.validated(idOrName, as: EngineResource.container)
        let bytes = try await document("/containers/\(Self.pathSegment(name))/json", resource: .container(name), activity: "inspecting container '\(name)'")
        return try decode(ContainerInspection.self, bytes, what: "container '\(name)'")
    }

    /// Streams container `idOrName`'s filesystem as one tar (`GET /containers/{id}/export`) to `path`.
    @discardableResult
    public func exportContainer(_ idOrName: String, to path: String) async throws(BulwarkError) -> Int64 {
        let name = try EngineResource.validated(idOrName, as: EngineResource.container)
        return try await download("/containers/\(Self.pathSegment(name))/export", to: path, resource: .container(name), activity: "exporting container '\(name)'")
    }

    // MARK: - Transport

    /// Percent-encodes a name for a URL path, keeping the `/`, `:` and `@` of image references.
    static func pathSegment(_ name: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/:@+")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    func makeRequest(_ uri: String, method: HTTPMethod = .GET) throws(BulwarkError) -> HTTPClientRequest {
        guard let url = URL(httpURLWithSocketPath: endpoint.socketPath, uri: uri) else {
            throw BulwarkError(.invalidInput, "\(endpoint): cannot build a request URL for \(uri)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        // Go servers (dockerd, podman) reject the socket path that would otherwise become the Host header.
        request.headers.replaceOrAdd(name: "Host", value: "localhost")
        request.headers.add(name: "Accept", value: "application/json, application/x-tar")
        return request
    }

    func document(_ uri: String, resource: EngineResource, activity: String) async throws(BulwarkError) -> [UInt8] {
        let request = try makeRequest(uri)
        return try await perform(request, resource: resource, activity: activity, deadline: timeouts.request) { response throws(BulwarkError) in
            try await collect(response, activity: activity)
        }
    }

    func download(_ uri: String, to path: String, resource: EngineResource, activity: String) async throws(BulwarkError) -> Int64 {
        let request = try makeRequest(uri)
        let started = ContinuousClock.now
        let limit = maxExportBytes
        let transfer = timeouts.transfer
        return try await perform(request, resource: resource, activity: activity, deadline: timeouts.request) { response throws(BulwarkError) in
            let sink = try FileSink(path: path)
            var written: Int64 = 0
            do {
                for try await buffer in response.body {
                    written += Int64(buffer.readableBytes)
                    if written > limit {
                        throw BulwarkError(.limitExceeded, "\(endpoint): \(activity) exceeds \(limit) bytes", hint: "raise the export size limit if this is expected")
                    }
                    if ContinuousClock.now - started > transfer {
                        throw BulwarkError(.io, "\(endpoint): \(activity) took longer than \(transfer)", hint: "raise the timeout with --engine-timeout")
                    }
                    try sink.write(buffer)
                }
                try sink.finish()
            } catch {
                sink.abandon()
                throw EngineFailure.transport(error, endpoint: endpoint, subject: activity, timeouts: timeouts)
            }
            logger.debug("\(activity): wrote \(written) bytes to \(path)")
            return written
        }
    }

    /// Runs `request` with a fresh client, checks the status, and hands a 2xx response to `body`.
    func perform<T: Sendable>(
        _ request: HTTPClientRequest, resource: EngineResource, activity: String, deadline: Duration,
        body: (HTTPClientResponse) async throws(BulwarkError) -> T
    ) async throws(BulwarkError) -> T {
        try EngineFailure.preflight(endpoint)
        let configuration = HTTPClient.Configuration(
            timeout: .init(connect: Self.timeAmount(timeouts.connect), read: Self.timeAmount(timeouts.idle)))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let outcome: Result<T, BulwarkError>
        do {
            let response = try await client.execute(request, deadline: .now() + Self.timeAmount(deadline), logger: logger)
            if (200..<300).contains(response.status.code) {
                outcome = .success(try await body(response))
            } else {
                let errorBody = (try? await response.body.collect(upTo: 64 << 10)).map { Array($0.readableBytesView) } ?? []
                outcome = .failure(statusError(response.status, body: errorBody, resource: resource, activity: activity))
            }
        } catch let error as BulwarkError {
            outcome = .failure(error)
        } catch {
            outcome = .failure(EngineFailure.transport(error, endpoint: endpoint, subject: activity, timeouts: timeouts))
        }
        try? await client.shutdown()
        return try outcome.get()
    }

    func collect(_ response: HTTPClientResponse, activity: String) async throws(BulwarkError) -> [UInt8] {
        do {
            let buffer = try await response.body.collect(upTo: Self.maxDocumentBytes)
            return Array(buffer.readableBytesView)
        } catch {
            if String(describing: error).contains("tooManyBytes") || String(describing: error).contains("TooManyBytes") {
                throw BulwarkError(.limitExceeded, "\(endpoint): the answer to \(activity) is larger than \(Self.maxDocumentBytes) bytes")
            }
            throw EngineFailure.transport(error, endpoint: endpoint, subject: activity, timeouts: timeouts)
        }
    }

    func statusError(_ status: HTTPResponseStatus, body: [UInt8], resource: EngineResource, activity: String) -> BulwarkError {
        let message = EngineFailure.daemonMessage(body)
        switch status.code {
        case 404:
            return resource.notFound(at: endpoint, daemonMessage: message)
        case 401, 403:
            return BulwarkError(.io, "\(endpoint): not allowed \(activity) (\(status.code)): \(message ?? "forbidden")", hint: EngineFailure.permissionHint(endpoint))
        case 400..<500:
            return BulwarkError(.invalidInput, "\(endpoint): \(activity) was refused (\(status.code)): \(message ?? "bad request")")
        default:
            return BulwarkError(.io, "\(endpoint): \(activity) failed (\(status.code)): \(message ?? "server error")", hint: "check the daemon's log; retry")
        }
    }

    func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], what: String) throws(BulwarkError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            throw BulwarkError(.invalidInput, "\(endpoint): unreadable answer for \(what): \(error)")
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let nanos = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if nanos.overflow { return .hours(24 * 365) }
        return .nanoseconds(nanos.partialValue + attoseconds / 1_000_000_000)
    }
}
