import BulwarkCore
import Foundation
import Logging

/// An image exported from a local engine into a docker-save tarball.
public struct ExportedEngineImage: Sendable {
    /// The docker-save tarball (under the scratch directory; the caller removes it).
    public var archivePath: String
    /// The engine it came from.
    public var endpoint: EngineEndpoint
    /// The engine's record of the image.
    public var image: EngineImage
    /// Bytes written.
    public var size: Int64
}

/// Finds which local engine holds an image, trying sockets in order, and exports it.
public enum EngineImageLocator {
    /// The endpoints for `sources` (e.g. from `--image-src docker,podman`), in that order; all engines
    /// in the default order when `sources` is empty.
    public static func endpoints(for sources: [EngineKind], environment: [String: String] = ProcessInfo.processInfo.environment) -> [EngineEndpoint] {
        if sources.isEmpty { return EngineEndpoint.discover(source: nil, environment: environment) }
        return sources.flatMap { EngineEndpoint.discover(source: $0, environment: environment) }
    }

    /// The first client among `endpoints` whose engine holds `name`.
    ///
    /// Unreachable engines are skipped; when none holds the image the error lists every socket tried
    /// and why each failed.
    public static func locate(
        _ name: String, endpoints: [EngineEndpoint], timeouts: EngineTimeouts = EngineTimeouts(), logger: Logger = Logger(label: "bulwark.docker")
    ) async throws(BulwarkError) -> (client: DockerEngineClient, image: EngineImage) {
        guard !endpoints.isEmpty else {
            throw BulwarkError(
                .io, "no Docker or Podman socket found for image '\(name)' (looked at DOCKER_HOST, /var/run/docker.sock, CONTAINER_HOST, $XDG_RUNTIME_DIR/podman/podman.sock, /run/podman/podman.sock)",
                hint: "start Docker or Podman's API service (`systemctl --user start podman.socket`), set DOCKER_HOST=unix:///path/to.sock, or scan a `docker save` tarball instead")
        }
        var failures: [BulwarkError] = []
        var missingIn: [EngineEndpoint] = []
        for endpoint in endpoints {
            let client = DockerEngineClient(endpoint: endpoint, timeouts: timeouts, logger: logger)
            do {
                let image = try await client.inspectImage(name)
                return (client, image)
            } catch where error.code == .notFound {
                missingIn.append(endpoint)
            } catch where error.code == .invalidInput && failures.isEmpty && missingIn.isEmpty && endpoint == endpoints.first {
                throw error
            } catch {
                logger.debug("\(endpoint): \(error.message)")
                failures.append(error)
            }
        }
        if missingIn.isEmpty, let first = failures.first {
            if failures.count == 1 { throw first }
            throw BulwarkError(first.code, failures.map(\.message).joined(separator: "; "), hint: first.hint)
        }
        let tried = missingIn.map(\.description).joined(separator: ", ")
        let unreachable = failures.isEmpty ? "" : " (unreachable: \(failures.map(\.message).joined(separator: "; ")))"
        let cli = missingIn.first?.kind.rawValue ?? "docker"
        throw BulwarkError(
            .notFound, "image '\(name)' not found in \(tried)\(unreachable)",
            hint: "pull it first (`\(cli) pull \(name)`), check the name with `\(cli) images`, or choose the engine with --image-src")
    }

    /// Locates `name` and exports it to a new tarball under `scratchDirectory`.
    public static func export(
        _ name: String, endpoints: [EngineEndpoint], scratchDirectory: String, timeouts: EngineTimeouts = EngineTimeouts(),
        logger: Logger = Logger(label: "bulwark.docker")
    ) async throws(BulwarkError) -> ExportedEngineImage {
        let (client, image) = try await locate(name, endpoints: endpoints, timeouts: timeouts, logger: logger)
        let path = scratchDirectory + "/engine-image-\(UUID().uuidString).tar"
        let size = try await client.exportImage(name, to: path)
        return ExportedEngineImage(archivePath: path, endpoint: client.endpoint, image: image, size: size)
    }
}
