import AsyncHTTPClient
import BulwarkCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// A client for the OCI distribution API: authenticated GETs of manifests and blobs with retries,
/// redirects that never carry credentials to another host, and registry errors turned into
/// messages that say what to do.
///
/// Authentication follows the registry's `WWW-Authenticate` challenge: a bearer token from the
/// challenge's realm (anonymous, or with basic credentials, or an identity token as an OAuth2
/// refresh token), or basic auth. Tokens are cached per registry and scope for the client's life.
/// Credentials appear in no log line and no error.
public final class RegistryClient: Sendable {
    let options: RegistryClientOptions
    let credentials: CredentialResolver
    let logger: Logger
    private let http: HTTPClient
    private let unverifiedTLS: TLSConfiguration
    private let state = Mutex(State())

    private struct State {
        /// Authorization header values by "registry|scope".
        var authorizations: [String: String] = [:]
        /// Insecure registries that answered on plain HTTP.
        var plainHTTP: Set<String> = []
    }

    /// A response whose body has been read (manifests, tokens, errors).
    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// Creates a client; call ``shutdown()`` when done.
    public init(options: RegistryClientOptions = RegistryClientOptions(), credentials: CredentialResolver = CredentialResolver(), logger: Logger = Logger(label: "bulwark.registry")) throws(BulwarkError) {
        self.options = options
        self.credentials = credentials
        self.logger = logger
        var tls = TLSConfiguration.makeClientConfiguration()
        if let path = options.caCertificatePath {
            do {
                let extra = try NIOSSLCertificate.fromPEMFile(path)
                tls.additionalTrustRoots = [.certificates(extra)]
            } catch {
                throw BulwarkError(.invalidInput, "\(path): not a readable PEM certificate file (\(error))")
            }
        }
        var unverified = tls
        unverified.certificateVerification = .none
        unverifiedTLS = unverified
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(options.connectTimeout * 1000)), read: .milliseconds(Int64(options.readTimeout * 1000))),
            decompression: .disabled)
        configuration.httpVersion = .automatic
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        // Insecure registries on a loopback address speak plain HTTP in practice (as Docker assumes):
        // start there instead of waiting for a TLS handshake that a plain-HTTP server never answers.
        let loopback = options.insecureRegistries.filter(Self.isLoopback)
        state.withLock { $0.plainHTTP.formUnion(loopback) }
    }

    /// Whether `registry` (`host[:port]`) names this machine.
    static func isLoopback(_ registry: String) -> Bool {
        var host = Substring(registry)
        if host.hasPrefix("[") {
            host = host.dropFirst().prefix(while: { $0 != "]" })
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Closes connections.
    public func shutdown() async {
        try? await http.shutdown()
    }

    // MARK: - Requests

    /// GETs `path` (`/v2/…`) of `reference`'s registry, reading at most `limit` body bytes.
    func get(_ path: String, of reference: ImageReference, accept: [String] = [], limit: Int) async throws(BulwarkError) -> Response {
        try await withResponse(path, of: reference, accept: accept, range: nil) { (response: HTTPClientResponse) throws(BulwarkError) -> Response in
            let body = try await Self.collect(response.body, limit: limit, label: "\(reference.familiarName): \(path)")
            return Response(status: Int(response.status.code), headers: response.headers, body: body)
        }
    }

    /// Performs an authenticated GET and hands a successful (2xx) response to `handle`, following
    /// redirects, answering auth challenges and retrying what is worth retrying.
    func withResponse<T>(
        _ path: String, of reference: ImageReference, accept: [String], range: (() -> Int64?)?,
        handle: (HTTPClientResponse) async throws(BulwarkError) -> T
    ) async throws(BulwarkError) -> T {
        let registry = reference.registry
        let host = reference.apiHost
        let scope = "repository:\(reference.repository):pull"
        var attempt = 0
        var triedAuth = false
        while true {
            attempt += 1
            var headers = HTTPHeaders()
            headers.add(name: "User-Agent", value: "bulwark")
            if !accept.isEmpty { headers.add(name: "Accept", value: accept.joined(separator: ", ")) }
            if let offset = range?(), offset > 0 { headers.add(name: "Range", value: "bytes=\(offset)-") }
            if let authorization = state.withLock({ $0.authorizations[registry + "|" + scope] }) {
                headers.add(name: "Authorization", value: authorization)
            }
            let outcome: Result<HTTPClientResponse, BulwarkError>
            do {
                outcome = .success(try await send(url: baseURL(registry: registry, host: host) + path, headers: headers, registry: registry))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .failure(let error):
                guard error.code == .network, attempt < options.maxAttempts else { throw error }
                let wait = backoff(attempt: attempt, retryAfter: nil)
                logger.debug("\(reference.familiarName): \(error.message); retrying in \(wait) s")
                try await sleep(wait)
            case .success(let response):
                let status = Int(response.status.code)
                if (200..<300).contains(status) {
                    return try await handle(response)
                }
                let body = (try? await Self.collect(response.body, limit: 1 << 20, label: path)) ?? []
                if status == 401 && !triedAuth {
                    triedAuth = true
                    let header = response.headers["WWW-Authenticate"].first ?? ""
                    try await authenticate(challenge: AuthChallenge(header: header), registry: registry, scope: scope, reference: reference)
                    attempt -= 1
                    continue
                }
                let retryable = status == 429 || status == 408 || (500..<600).contains(status)
                if retryable && attempt < options.maxAttempts {
                    let wait = backoff(attempt: attempt, retryAfter: RetryAfter.seconds(response.headers["Retry-After"].first))
                    logger.debug("\(reference.familiarName): HTTP \(status); retrying in \(wait) s")
                    try await sleep(wait)
                    continue
                }
                throw Self.error(status: status, body: body, headers: response.headers, reference: reference, path: path)
            }
        }
    }

    /// The scheme and host for `registry`: HTTPS, or plain HTTP for an insecure registry that does not speak TLS.
    private func baseURL(registry: String, host: String) -> String {
        let plain = state.withLock { $0.plainHTTP.contains(registry) }
        return (plain ? "http://" : "https://") + host
    }

    /// One request with redirects followed by hand: a redirect to another host drops the
    /// Authorization header (blob redirects go to storage that must not see registry credentials).
    private func send(url: String, headers: HTTPHeaders, registry: String) async throws(BulwarkError) -> HTTPClientResponse {
        var current = url
        var headers = headers
        let insecure = options.insecureRegistries.contains(registry)
        for _ in 0...options.maxRedirects {
            var request = HTTPClientRequest(url: current)
            request.method = .GET
            request.headers = headers
            if insecure { request.tlsConfiguration = unverifiedTLS }
            let response: HTTPClientResponse
            do {
                response = try await http.execute(request, timeout: .milliseconds(Int64((options.connectTimeout + options.readTimeout) * 1000)))
            } catch {
                if insecure, current.hasPrefix("https://"), isTLSFailure(error) {
                    // An insecure registry without TLS: fall back to plain HTTP, as asked for.
                    state.withLock { _ = $0.plainHTTP.insert(registry) }
                    current = "http://" + current.dropFirst("https://".count)
                    continue
                }
                throw BulwarkError(.network, "\(Self.hostOf(current)): \(Self.describe(error))", hint: "check the registry address and your network; timeouts are --timeout")
            }
            let status = Int(response.status.code)
            guard [301, 302, 303, 307, 308].contains(status), let location = response.headers["Location"].first else {
                return response
            }
            _ = try? await response.body.collect(upTo: 64 * 1024)
            guard let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else {
                throw BulwarkError(.network, "\(Self.hostOf(current)): redirect to an invalid location")
            }
            if Self.hostOf(next) != Self.hostOf(current) { headers.remove(name: "Authorization") }
            current = next
        }
        throw BulwarkError(.network, "\(Self.hostOf(url)): more than \(options.maxRedirects) redirects", hint: "the registry or a proxy is misconfigured (redirect loop)")
    }

    private func isTLSFailure(_ error: any Error) -> Bool {
        if error is NIOSSLError { return true }
        let text = String(describing: error)
        return text.contains("SSL") || text.contains("TLS") || text.contains("handshake") || text.contains("WRONG_VERSION_NUMBER")
    }

    // MARK: - Authentication

    /// Answers a 401: fetches a bearer token or prepares basic auth for `registry` and `scope`.
    private func authenticate(challenge: AuthChallenge?, registry: String, scope: String, reference: ImageReference) async throws(BulwarkError) {
        let found = try credentials.credentials(for: registry)
        guard let challenge else {
            throw BulwarkError(.unauthorized, "\(reference.familiarName): the registry requires authentication but sent no challenge")
        }
        switch challenge.scheme {
        case "basic":
            guard let found else {
                throw BulwarkError(
                    .unauthorized, "\(reference.familiarName): the registry requires a user name and password",
                    hint: "log in with `docker login \(registry)` or pass --username and --password-stdin")
            }
            let token = Data("\(found.username):\(found.secret)".utf8).base64EncodedString()
            state.withLock { $0.authorizations[registry + "|" + scope] = "Basic " + token }
        case "bearer":
            guard let realm = challenge.realm, let realmURL = URL(string: realm), realmURL.scheme == "https" || realmURL.scheme == "http" else {
                throw BulwarkError(.unauthorized, "\(reference.familiarName): the registry's token challenge has no usable realm")
            }
            let token = try await fetchToken(realm: realm, service: challenge.parameters["service"], scope: challenge.parameters["scope"] ?? scope, credentials: found, reference: reference)
            state.withLock { $0.authorizations[registry + "|" + scope] = "Bearer " + token }
        default:
            throw BulwarkError(.unsupported, "\(reference.familiarName): unsupported authentication scheme '\(challenge.scheme.prefix(30))'")
        }
    }

    /// GETs (or, for an identity token, POSTs) the token endpoint and returns the token.
    private func fetchToken(realm: String, service: String?, scope: String, credentials: RegistryCredentials?, reference: ImageReference) async throws(BulwarkError) -> String {
        var components = URLComponents(string: realm)
        var query = components?.queryItems ?? []
        if let service { query.append(URLQueryItem(name: "service", value: service)) }
        query.append(URLQueryItem(name: "scope", value: scope))
        var request: HTTPClientRequest
        if let credentials, credentials.isIdentityToken {
            request = HTTPClientRequest(url: realm)
            request.method = .POST
            var form = URLComponents()
            form.queryItems = [
                URLQueryItem(name: "grant_type", value: "refresh_token"), URLQueryItem(name: "refresh_token", value: credentials.secret),
                URLQueryItem(name: "service", value: service ?? ""), URLQueryItem(name: "scope", value: scope),
                URLQueryItem(name: "client_id", value: "bulwark"),
            ]
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form.percentEncodedQuery ?? ""))
        } else {
            components?.queryItems = query
            request = HTTPClientRequest(url: components?.url?.absoluteString ?? realm)
            request.method = .GET
            if let credentials {
                let basic = Data("\(credentials.username):\(credentials.secret)".utf8).base64EncodedString()
                request.headers.add(name: "Authorization", value: "Basic " + basic)
            }
        }
        request.headers.add(name: "User-Agent", value: "bulwark")
        let host = Self.hostOf(realm)
        var attempt = 0
        while true {
            attempt += 1
            let response: HTTPClientResponse
            do {
                response = try await http.execute(request, timeout: .milliseconds(Int64((options.connectTimeout + options.readTimeout) * 1000)))
            } catch {
                if attempt < options.maxAttempts {
                    try await sleep(backoff(attempt: attempt, retryAfter: nil))
                    continue
                }
                throw BulwarkError(.network, "\(reference.familiarName): token endpoint \(host) failed: \(Self.describe(error))")
            }
            let status = Int(response.status.code)
            let body = (try? await Self.collect(response.body, limit: 1 << 20, label: realm)) ?? []
            if (status == 429 || status >= 500) && attempt < options.maxAttempts {
                try await sleep(backoff(attempt: attempt, retryAfter: RetryAfter.seconds(response.headers["Retry-After"].first)))
                continue
            }
            guard status == 200 else {
                if status == 401 || status == 403 {
                    throw BulwarkError(
                        .unauthorized, "\(reference.familiarName): the token endpoint \(host) refused \(credentials == nil ? "anonymous access" : "the credentials") (HTTP \(status))",
                        hint: credentials == nil ? "log in with `docker login \(reference.registry)` or pass --username and --password-stdin" : "check the user name and password for \(reference.registry)")
                }
                throw BulwarkError(.network, "\(reference.familiarName): the token endpoint \(host) answered HTTP \(status)")
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
                let token = (object["token"] as? String) ?? (object["access_token"] as? String), !token.isEmpty
            else {
                throw BulwarkError(.network, "\(reference.familiarName): the token endpoint \(host) returned no token")
            }
            return token
        }
    }

    // MARK: - Helpers

    /// Seconds to wait before attempt `attempt + 1`: exponential with jitter, or what the server asked, capped.
    func backoff(attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return min(retryAfter, options.maxBackoff) }
        let base = min(options.maxBackoff, 0.25 * pow(2, Double(attempt - 1)))
        return base * Double.random(in: 0.75...1.25)
    }

    func sleep(_ seconds: Double) async throws(BulwarkError) {
        do {
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        } catch {
            throw BulwarkError(.network, "cancelled")
        }
    }

    /// Reads a whole body, refusing more than `limit` bytes.
    static func collect(_ body: HTTPClientResponse.Body, limit: Int, label: String) async throws(BulwarkError) -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await buffer in body {
                guard bytes.count + buffer.readableBytes <= limit else {
                    throw BulwarkError(.limitExceeded, "\(label): response over \(limit) bytes")
                }
                bytes += buffer.readableBytesView
            }
        } catch let error as BulwarkError {
            throw error
        } catch {
            throw BulwarkError(.network, "\(label): connection failed while reading the response (\(describe(error)))")
        }
        return bytes
    }

    /// A registry error as a message with what to do.
    static func error(status: Int, body: [UInt8], headers: HTTPHeaders, reference: ImageReference, path: String) -> BulwarkError {
        let detail = RegistryErrorBody(body)
        let said = detail.map { " (" + $0.summaries.joined(separator: "; ") + ")" } ?? ""
        let name = reference.familiarName
        switch status {
        case 401:
            return BulwarkError(.unauthorized, "\(name): authentication failed\(said)", hint: "log in with `docker login \(reference.registry)` or pass --username and --password-stdin")
        case 403:
            return BulwarkError(.unauthorized, "\(name): access denied\(said)", hint: "the account has no pull access to \(reference.repository)")
        case 404:
            let what = path.contains("/blobs/") ? "a blob of the image" : "the image"
            return BulwarkError(.notFound, "\(name): \(what) was not found in \(reference.registry)\(said)", hint: "check the repository name and tag (`bulwark image` pulls linux images by tag or digest)")
        case 429:
            let wait = RetryAfter.seconds(headers["Retry-After"].first).map { " — retry in \(Int($0.rounded(.up))) s" } ?? ""
            return BulwarkError(.network, "\(name): rate limited by \(reference.registry)\(said)\(wait)", hint: "authenticate to get a higher limit, use a mirror (--registry-mirror), or retry later")
        default:
            return BulwarkError(.network, "\(name): \(reference.registry) answered HTTP \(status) for \(path)\(said)", hint: "retry later; the registry reported a server error")
        }
    }

    static func hostOf(_ url: String) -> String {
        URL(string: url)?.host.map { host in URL(string: url)?.port.map { "\(host):\($0)" } ?? host } ?? String(url.prefix(80))
    }

    static func describe(_ error: any Error) -> String {
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return "connection timed out"
            case .readTimeout: return "no data within the read timeout"
            case .deadlineExceeded: return "request deadline exceeded"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: return String(describing: client)
            }
        }
        return String(String(describing: error).prefix(200))
    }
}

