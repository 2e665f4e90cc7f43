/// The kinds of configuration file `bulwark config` understands.
public enum ConfigFileKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// A Dockerfile / Containerfile.
    case dockerfile
    /// A Compose file (docker-compose.yml, compose.yaml…).
    case compose
    /// One or more Kubernetes manifests in a YAML stream.
    case kubernetes
    /// A built image: its config (user, env, labels, history) and its final filesystem.
    case image

    /// The name used in reports and the rules reference.
    public var displayName: String {
        switch self {
        case .dockerfile: return "Dockerfile"
        case .compose: return "Compose"
        case .kubernetes: return "Kubernetes"
        case .image: return "Image"
        }
    }
}
