import BulwarkCore
import BulwarkDocker
import BulwarkEngine
import BulwarkImage
import BulwarkRegistry
import Foundation
import Logging

/// Where `bulwark image NAME` looks for an image that is not a file or directory: local engines
/// (Docker, then Podman, through their sockets) and the registry, in the order `--image-src`
/// gives, by default docker,podman,registry. Engines that are not running are skipped; an engine
/// that does not have the image passes to the next source.
enum ImageSource: String, CaseIterable {
    case docker, podman, registry

    /// Parses `--image-src` (`docker,podman,registry`); nil gives the default order.
    static func order(_ text: String?) throws(BulwarkError) -> [ImageSource] {
        guard let text, !text.isEmpty else { return allCases }
        var order: [ImageSource] = []
        for item in text.split(separator: ",") {
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let source = ImageSource(rawValue: name) else {
                throw BulwarkError(.invalidInput, "--image-src: unknown source '\(name.prefix(40))'", hint: "use a comma list of docker, podman and registry")
            }
            if !order.contains(source) { order.append(source) }
        }
        return order
    }

    /// Scans `name` from the first source that has it.
    static func scan(
        _ name: String, order: [ImageSource], scanner: InventoryScanner, imageOptions: ImageOptions, scanOptions: InventoryScanOptions,
        options: GlobalOptions
    ) async throws(BulwarkError) -> Inventory {
        var misses: [String] = []
        let engines = order.compactMap { source -> EngineKind? in
            switch source {
            case .docker: return .docker
            case .podman: return .podman
            case .registry: return nil
            }
        }
        let endpoints = engines.isEmpty ? [] : EngineImageLocator.endpoints(for: engines)
        if !endpoints.isEmpty {
            do {
                let exported = try await EngineImageLocator.export(name, endpoints: endpoints, scratchDirectory: scanOptions.scratchDirectory, logger: scanner.logger)
                defer { try? FileManager.default.removeItem(atPath: exported.archivePath) }
                var inventory = try await scanner.scanImage(at: exported.archivePath, options: scanOptions)
                inventory.target = ScanTarget(kind: .dockerArchive, name: name)
                return inventory
            } catch {
                // Not there, or the engine is unusable: fall through to the registry if allowed.
                guard order.contains(.registry) else { throw error }
                misses.append(error.message)
                scanner.logger.debug("engines: \(error.message)")
            }
        }
        guard order.contains(.registry) else {
            throw BulwarkError(.notFound, "\(name): no such file, and no running Docker or Podman engine (--image-src \(order.map(\.rawValue).joined(separator: ",")))")
        }
        let reference: ImageReference
        do {
            reference = try ImageReference(parsing: name)
        } catch {
            throw BulwarkError(.notFound, "\(name): no such file or directory, and not an image reference (\(error.message))", hint: error.hint)
        }
        return try await RegistryScan.run(reference, scanner: scanner, registry: imageOptions.registry, scanOptions: scanOptions, options: options)
    }
}
