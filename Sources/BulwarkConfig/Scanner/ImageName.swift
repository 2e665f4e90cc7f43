import Foundation

/// The parts of an image reference that the rules look at: registry, repository, tag and digest.
public struct ImageName: Sendable, Hashable {
    /// Registry host (`docker.io` when none is written).
    public var registry: String
    /// Repository path without the registry (`library/nginx` for `nginx`).
    public var repository: String
    /// The tag, if written.
    public var tag: String?
    /// The digest (`sha256:…`), if written.
    public var digest: String?

    /// Parses `reference` (`nginx`, `ghcr.io/a/b:1.2@sha256:…`, `localhost:5000/x`).
    public init(_ reference: String) {
        var rest = Substring(reference)
        digest = nil
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        tag = nil
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        let parts = rest.split(separator: "/", maxSplits: 1)
        if parts.count == 2, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" {
            registry = String(parts[0]).lowercased()
            repository = String(parts[1])
        } else {
            registry = "docker.io"
            repository = parts.count == 1 ? "library/" + rest : String(rest)
        }
        if registry == "index.docker.io" || registry == "registry-1.docker.io" { registry = "docker.io" }
    }

    /// Tagged `latest` or not tagged and not pinned by digest.
    public var usesLatest: Bool { digest == nil && (tag == nil || tag == "latest") }

    /// Whether `entry` (`docker.io`, `ghcr.io/acme`, `registry.example.com:5000`) covers this image.
    public func isTrusted(by entries: [String]) -> Bool {
        let full = registry + "/" + repository
        return entries.contains { entry in
            let normalized = entry.lowercased().trimmingCharacters(in: ["/"])
            return normalized == registry || full.hasPrefix(normalized + "/")
        }
    }

    /// Whether the reference uses unexpanded variables, so its tag cannot be judged.
    public static func isDynamic(_ reference: String) -> Bool { reference.contains("$") || reference.contains("{{") }
}
