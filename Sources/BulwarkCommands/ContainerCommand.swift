import ArgumentParser
import BulwarkCore
import BulwarkDocker
import BulwarkEngine
import BulwarkReport
import Foundation
import Logging

/// `bulwark container ID|NAME… [--all]`: scan running containers through the local engine — their
/// image's vulnerabilities, their runtime configuration (CIS Docker Benchmark section 5) and the
/// packages installed since they started (drift).
struct ContainerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "container",
        abstract: "Scan running containers: image vulnerabilities, runtime configuration (CIS Docker 5.x) and package drift.",
        discussion: """
            Talks to Docker or Podman through the Engine API on a unix socket: DOCKER_HOST, /var/run/docker.sock, CONTAINER_HOST, $XDG_RUNTIME_DIR/podman/podman.sock, /run/podman/podman.sock, in that order (--image-src picks engines). For each container it exports the container's image (`docker save`) and scans it as `bulwark image` does, checks the runtime configuration (privileged, added capabilities, host namespaces, docker.sock and host-directory mounts, read-only root, no-new-privileges, seccomp/AppArmor, user, runtime) and reports packages present in the container's filesystem that its image does not have.

            Runtime finding ids are stable: CIS-DOCKER-<recommendation> (CIS Docker Benchmark numbering of versions 1.1.0–1.5.0; 4.1 is the image-user check), BULWARK-DOCKER-RUNTIME for the runtime in use.

            EXAMPLES:
              bulwark container web-1
              bulwark container --all --format json -o containers.json
              bulwark container --all --no-vulns --fail-on high     # CI gate on runtime findings only
              bulwark container 3f2a9c --image-src podman --engine-timeout 60

            EXIT CODES: 0 nothing at or above the gate (or no gate); the --exit-code value (default 1) when a runtime finding or vulnerability reaches --fail-on; 2 unreadable input, unknown container or image; 3 environment error (engine not running, socket permission denied, timeout).
            """
    )

    @Argument(help: "Container ids or names.")
    var containers: [String] = []

    @Flag(help: "Scan every running container.")
    var all = false

    @Option(help: ArgumentHelp("Engines to ask, comma-separated, in order: docker, podman (default: all sockets found).", valueName: "LIST"))
    var imageSrc: String?

    @Option(help: ArgumentHelp("Seconds before a silent engine call fails (connect, request, stalled transfer; default 30).", valueName: "SECONDS"))
    var engineTimeout: Double = 30

    @Option(name: [.short, .long], help: "Output format: table (per container), json (Bulwark's container report).")
    var format: ContainerReportFormat = .table

    @Flag(help: "Skip image vulnerability matching (no advisory database needed).")
    var noVulns = false

    @Flag(help: "Skip the drift check (no container filesystem export).")
    var noDrift = false

    @Flag(help: "Leave out vulnerabilities that have no fixed version yet.")
    var ignoreUnfixed = false

    @OptionGroup var gateOptions: GateOptions

    @Flag(help: "Do not try to update a missing or stale database before scanning.")
    var skipDbUpdate = false

    @Option(help: ArgumentHelp("Warn when the database is older than this many hours (default 72).", valueName: "HOURS"))
    var maxDbAge: Double = 72

    @OptionGroup var packageOptions: PackageOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if containers.isEmpty && !all { throw ValidationError("name at least one container, or use --all") }
        if !containers.isEmpty && all { throw ValidationError("use either container names or --all, not both") }
        if let imageSrc { do { _ = try EngineKind.parseList(imageSrc) } catch { throw ValidationError(error.message) } }
        if !(engineTimeout > 0) { throw ValidationError("--engine-timeout must be a positive number of seconds") }
    }

    func run() async throws {
        let logger = Console.logger(quiet: options.quiet, debug: options.debug)
        let scratch = options.scratchDirectory + "-containers"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            let endpoints = EngineImageLocator.endpoints(for: try imageSrc.map { (text) throws(BulwarkError) in try EngineKind.parseList(text) } ?? [])
            let timeouts = EngineTimeouts.uniform(seconds: engineTimeout)
            let targets = try await ContainerTargets.resolve(containers, all: all, endpoints: endpoints, timeouts: timeouts, logger: logger)
            if !noVulns {
                try await DatabaseCommand.ensureDatabase(at: options.resolvedDatabasePath, options: options, skipUpdate: skipDbUpdate, maxAgeHours: maxDbAge)
            }
            let filter = FindingFilter(severities: gateOptions.severities, ignoreUnfixed: ignoreUnfixed)
            var reports: [ContainerReport] = []
            for target in targets {
                reports.append(try await scan(target, scratch: scratch, filter: filter, logger: logger))
            }
            let document = ContainerReportDocument(toolVersion: Bulwark.version, createdAt: RFC3339.format(Date()), containers: reports)
            let colors = options.output == nil && Console.colorsAllowed(fileDescriptor: 1)
            let bytes: [UInt8]
            switch format {
            case .json: bytes = try document.json()
            case .table: bytes = try document.table(colors: colors)
            }
            try Console.emit(bytes, to: options.output)
            if let gate = gateOptions.gate, document.reaches(gate) {
                throw ExitCode(gateOptions.exitCode)
            }
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }

    /// Inspect, audit, export and scan the image, export the filesystem and diff its packages.
    func scan(_ target: ContainerTarget, scratch: String, filter: FindingFilter, logger: Logger) async throws(BulwarkError) -> ContainerReport {
        let client = target.client
        let inspection = target.inspection
        let label = inspection.displayName
        let severities = gateOptions.severities
        let runtimeFindings = RuntimeAuditor.audit(inspection).filter { severities.isEmpty || severities.contains($0.severity) }
        let scanner = InventoryScanner(logger: logger)
        let scanOptions = InventoryScanOptions(scratchDirectory: scratch, packages: packageOptions.selection)
        let imageReference = inspection.imageID.isEmpty ? inspection.imageName : inspection.imageID
        if !options.quiet && Console.progressAllowed { Console.note("Exporting the image of \(label) from \(client.endpoint)…") }
        let imagePath = scratch + "/image-\(UUID().uuidString).tar"
        try await client.exportImage(imageReference, to: imagePath)
        defer { try? FileManager.default.removeItem(atPath: imagePath) }
        var imageInventory = try await scanner.scanImage(at: imagePath, options: scanOptions)
        imageInventory.target = ScanTarget(kind: .dockerArchive, name: inspection.imageName.isEmpty ? imageReference : inspection.imageName)

        var drift: [DriftedPackage]?
        var liveInventory: Inventory?
        if !noDrift {
            if !options.quiet && Console.progressAllowed { Console.note("Exporting the filesystem of \(label)…") }
            let filesystemPath = scratch + "/container-\(UUID().uuidString).tar"
            try await client.exportContainer(inspection.id, to: filesystemPath)
            defer { try? FileManager.default.removeItem(atPath: filesystemPath) }
            let resolved = try ContainerFilesystem.resolvedImage(exportAt: filesystemPath, label: label)
            let live = try await scanner.scan(resolved, options: scanOptions)
            drift = PackageDrift.compute(container: live.packages, image: imageInventory.packages)
            liveInventory = live
        }

        var vulnerabilities: ScanReport?
        var driftFindings: [Finding]?
        if !noVulns {
            let scanner = VulnerabilityScanner(databasePath: options.resolvedDatabasePath, maxDatabaseAgeHours: maxDbAge, toolVersion: Bulwark.version)
            vulnerabilities = try scanner.scan(imageInventory, filter: filter)
            if let drift, var drifted = liveInventory, !drift.isEmpty {
                // Packages installed after start are matched too: the image report cannot show them.
                drifted.packages = drift.map(\.package)
                drifted.operatingSystem = drifted.operatingSystem ?? imageInventory.operatingSystem
                driftFindings = try scanner.scan(drifted, filter: filter).findings
            } else if drift != nil {
                driftFindings = []
            }
        }
        return ContainerReport(
            id: inspection.id, name: label, image: inspection.imageName, imageID: inspection.imageID, engine: client.endpoint.description,
            runtime: inspection.host.runtime, runtimeFindings: runtimeFindings, drift: drift, driftVulnerabilities: driftFindings, packageCount: imageInventory.packages.count,
            vulnerabilities: vulnerabilities, warnings: imageInventory.warnings)
    }
}

/// A container to scan and the engine that runs it.
struct ContainerTarget: Sendable {
    var client: DockerEngineClient
    var inspection: ContainerInspection
}

/// Finds the engine of each named container (or every running container with `--all`).
enum ContainerTargets {
    static func resolve(
        _ names: [String], all: Bool, endpoints: [EngineEndpoint], timeouts: EngineTimeouts, logger: Logger
    ) async throws(BulwarkError) -> [ContainerTarget] {
        guard !endpoints.isEmpty else {
            throw BulwarkError(
                .io, "no Docker or Podman socket found (looked at DOCKER_HOST, /var/run/docker.sock, CONTAINER_HOST, $XDG_RUNTIME_DIR/podman/podman.sock, /run/podman/podman.sock)",
                hint: "start Docker or Podman's API service (`systemctl --user start podman.socket`), or set DOCKER_HOST=unix:///path/to.sock")
        }
        var targets: [ContainerTarget] = []
        var failures: [BulwarkError] = []
        if all {
            var reached = false
            for endpoint in endpoints {
                let client = DockerEngineClient(endpoint: endpoint, timeouts: timeouts, logger: logger)
                do {
                    for summary in try await client.listContainers() where summary.state == "running" || summary.state.isEmpty {
                        do {
                            targets.append(ContainerTarget(client: client, inspection: try await client.inspectContainer(summary.id)))
                        } catch where error.code == .notFound {
                            logger.debug("\(summary.displayName) went away before it could be inspected")
                        }
                    }
                    reached = true
                } catch {
                    failures.append(error)
                }
            }
            if !reached, let first = failures.first { throw first }
            return targets
        }
        for name in names {
            var found: ContainerTarget?
            var missing: [EngineEndpoint] = []
            for endpoint in endpoints {
                let client = DockerEngineClient(endpoint: endpoint, timeouts: timeouts, logger: logger)
                do {
                    found = ContainerTarget(client: client, inspection: try await client.inspectContainer(name))
                    break
                } catch where error.code == .notFound {
                    missing.append(endpoint)
                } catch where error.code == .invalidInput {
                    throw error
                } catch {
                    failures.append(error)
                }
            }
            guard let found else {
                if missing.isEmpty, let first = failures.first { throw first }
                throw BulwarkError(
                    .notFound, "container '\(name)' not found in \(missing.map(\.description).joined(separator: ", "))",
                    hint: "list running containers with `\(missing.first?.kind.rawValue ?? "docker") ps`; --image-src chooses the engine")
            }
            if !found.inspection.running {
                throw BulwarkError(.invalidInput, "container '\(name)' in \(found.client.endpoint) is not running", hint: "start it, or scan its image with `bulwark image`")
            }
            targets.append(found)
        }
        return targets
    }
}

/// The formats of `bulwark container` (its report adds runtime findings and drift to each image's).
enum ContainerReportFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json
}
