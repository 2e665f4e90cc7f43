import BulwarkCore

/// What an Engine API request is about, for error messages: an image, a container, or the engine itself.
enum EngineResource: Sendable {
    case engine
    case image(String)
    case container(String)

    /// `image 'alpine:3.19'`.
    var label: String {
        switch self {
        case .engine: return "the engine"
        case .image(let name): return "image '\(name)'"
        case .container(let name): return "container '\(name)'"
        }
    }

    /// The error for a 404 on this resource.
    func notFound(at endpoint: EngineEndpoint, daemonMessage: String?) -> BulwarkError {
        let cli = endpoint.kind.rawValue
        switch self {
        case .engine:
            return BulwarkError(.unsupported, "\(endpoint): the Engine API endpoint is missing (\(daemonMessage ?? "404"))", hint: "update the engine; Bulwark needs the Docker Engine API")
        case .image(let name):
            return BulwarkError(
                .notFound, "image '\(name)' not found in \(endpoint)",
                hint: "pull it first (`\(cli) pull \(name)`), check the name with `\(cli) images`, or choose another engine with --image-src")
        case .container(let name):
            return BulwarkError(.notFound, "container '\(name)' not found in \(endpoint)", hint: "list running containers with `\(cli) ps`")
        }
    }

    /// Validates a name before it is put in a URL path: no empty, overlong, control, space or `..` names.
    static func validated(_ name: String, as resource: (String) -> EngineResource) throws(BulwarkError) -> String {
        let label = resource(name).label
        guard !name.isEmpty, name.utf8.count <= 1024 else { throw BulwarkError.invalid(label, "empty or too long") }
        for byte in name.utf8 where byte <= 0x20 || byte == 0x7f || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "%") {
            throw BulwarkError.invalid(label, "contains a character an image or container name cannot have")
        }
        if name.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." }) {
            throw BulwarkError.invalid(label, "contains '.' or '..' path segments")
        }
        return name
    }
}
