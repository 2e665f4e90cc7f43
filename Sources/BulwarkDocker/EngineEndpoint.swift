import BulwarkCore
import Foundation

/// One Engine API socket to talk to: which engine, where, and why Bulwark chose it.
public struct EngineEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The engine expected behind the socket.
    public var kind: EngineKind
    /// The unix socket path.
    public var socketPath: String
    /// Where the path came from (`DOCKER_HOST`, `default`, `XDG_RUNTIME_DIR`…), for messages.
    public var origin: String

    /// Creates an endpoint.
    public init(kind: EngineKind, socketPath: String, origin: String = "explicit") {
        self.kind = kind
        self.socketPath = socketPath
        self.origin = origin
    }

    /// `docker at /var/run/docker.sock`.
    public var description: String { "\(kind.rawValue) at \(socketPath)" }

    /// The candidate sockets, in the default order: `DOCKER_HOST`, `/var/run/docker.sock`, `CONTAINER_HOST`,
    /// `$XDG_RUNTIME_DIR/podman/podman.sock`, `/run/podman/podman.sock`. `source` keeps only one engine's.
    ///
    /// Sockets named by an environment variable are listed even when missing (so the error names them);
    /// default locations only when something exists there. Non-unix hosts (`tcp://`) are skipped.
    public static func discover(
        source: EngineKind? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> [EngineEndpoint] {
        var candidates: [(EngineEndpoint, explicit: Bool)] = []
        if let host = environment["DOCKER_HOST"], let path = unixSocketPath(host) {
            candidates.append((EngineEndpoint(kind: .docker, socketPath: path, origin: "DOCKER_HOST"), true))
        }
        candidates.append((EngineEndpoint(kind: .docker, socketPath: "/var/run/docker.sock", origin: "default"), false))
        if let host = environment["CONTAINER_HOST"], let path = unixSocketPath(host) {
            candidates.append((EngineEndpoint(kind: .podman, socketPath: path, origin: "CONTAINER_HOST"), true))
        }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            candidates.append((EngineEndpoint(kind: .podman, socketPath: runtime + "/podman/podman.sock", origin: "XDG_RUNTIME_DIR"), false))
        }
        candidates.append((EngineEndpoint(kind: .podman, socketPath: "/run/podman/podman.sock", origin: "default"), false))

        var seen = Set<String>()
        var endpoints: [EngineEndpoint] = []
        for (endpoint, explicit) in candidates {
            if let source, endpoint.kind != source { continue }
            guard explicit || exists(endpoint.socketPath) else { continue }
            let key = canonical(endpoint.socketPath)
            if seen.insert(key).inserted { endpoints.append(endpoint) }
        }
        return endpoints
    }

    /// The socket path of a `unix://` host URL (or a bare absolute path); nil for tcp, ssh and npipe hosts.
    public static func unixSocketPath(_ host: String) -> String? {
        let trimmed = host.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("unix://") {
            let path = String(trimmed.dropFirst("unix://".count))
            return path.hasPrefix("/") ? path : nil
        }
        return trimmed.hasPrefix("/") ? trimmed : nil
    }

    /// `/var/run/docker.sock` and `/run/docker.sock` are usually the same socket.
    static func canonical(_ path: String) -> String {
        (path as NSString).resolvingSymlinksInPath
    }
}
