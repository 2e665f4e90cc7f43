/// How the registry client connects: TLS, insecure registries, mirrors, timeouts, retries.
public struct RegistryClientOptions: Sendable {
    /// Registries (`host:port`) that may be reached over plain HTTP or with unverified TLS — only these.
    /// HTTPS without verification is tried first, plain HTTP after a TLS failure; a loopback
    /// registry (127.0.0.0/8, localhost, ::1) is tried over plain HTTP first.
    public var insecureRegistries: Set<String>
    /// A PEM file of extra trusted CA certificates (added to the system trust store).
    public var caCertificatePath: String?
    /// Mirrors tried before a registry, by registry (`docker.io` → [`mirror.example.com`]).
    public var mirrors: [String: [String]]
    /// Seconds to establish a connection.
    public var connectTimeout: Double
    /// Seconds a response may stay silent before the request fails (also between body chunks).
    public var readTimeout: Double
    /// How many times a request is tried in all (429, 5xx and dropped connections are retried).
    public var maxAttempts: Int
    /// The longest wait between attempts, including one a server asks for with Retry-After.
    public var maxBackoff: Double
    /// How many layers download at once.
    public var parallelDownloads: Int
    /// The largest manifest or index accepted.
    public var maxManifestBytes: Int
    /// The most redirects followed for one request.
    public var maxRedirects: Int

    /// Creates options with the defaults a CI pipeline wants.
    public init(
        insecureRegistries: Set<String> = [], caCertificatePath: String? = nil, mirrors: [String: [String]] = [:],
        connectTimeout: Double = 30, readTimeout: Double = 120, maxAttempts: Int = 4, maxBackoff: Double = 60,
        parallelDownloads: Int = 3, maxManifestBytes: Int = 4 << 20, maxRedirects: Int = 8
    ) {
        self.insecureRegistries = insecureRegistries
        self.caCertificatePath = caCertificatePath
        self.mirrors = mirrors
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.parallelDownloads = max(1, parallelDownloads)
        self.maxManifestBytes = maxManifestBytes
        self.maxRedirects = maxRedirects
    }
}
