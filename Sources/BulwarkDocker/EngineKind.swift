import BulwarkCore
import Foundation

/// A local container engine that speaks the Docker Engine API over a unix socket.
public enum EngineKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The Docker daemon (`dockerd`).
    case docker
    /// Podman's Docker-compatible API service (`podman system service`).
    case podman

    /// Parses an `--image-src` style list such as `docker,podman` (order kept, duplicates dropped).
    public static func parseList(_ text: String) throws(BulwarkError) -> [EngineKind] {
        var kinds: [EngineKind] = []
        for item in text.split(separator: ",") {
            let word = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = EngineKind(rawValue: word) else {
                throw BulwarkError(
                    .invalidInput, "unknown image source '\(word)'",
                    hint: "use one or more of: \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }
}
