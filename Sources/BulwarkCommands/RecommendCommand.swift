import ArgumentParser
import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkRegistry
import BulwarkReport
import BulwarkVulnDB
import Foundation

/// `bulwark recommend TARGET`: what to upgrade, where findings come from, newer base images, end of life.
struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Say what to upgrade: the fewest package upgrades that clear the critical and high findings, and newer base images.",
        discussion: """
            Scans TARGET for vulnerabilities (as `bulwark image` does) and, for every vulnerable package, finds the lowest version that fixes all of its fixable findings (by the package's own version ordering; Debian and Alpine binaries grouped by their source package). Upgrades that clear a critical or high finding are listed first: together they are the smallest set that clears every fixable critical and high finding.

            With the base image known — `--base IMAGE` (a file, layout or registry reference), or the `org.opencontainers.image.base.name` annotation or label — each finding is attributed to the base image's layers or to the image's own (by the base's layer diffIDs), and newer tags of the base repository with the same shape (12.5-slim → 12.7-slim) are pulled, scanned and ranked by the findings they leave (needs the registry; skipped with --offline).

            The OS release is checked against its vendor's end-of-life date (a built-in table that `bulwark db update` refreshes from endoflife.date).

            EXAMPLES:
              bulwark recommend app.tar
              bulwark recommend registry.example.com/app:2.1 --base debian:12.5-slim
              bulwark recommend app.tar --format json -o upgrades.json
              bulwark recommend app.tar --exit-on-eol 5      # CI: exit 5 when the OS is past end of life

            EXIT CODES: 0 done; the --exit-on-eol value when the OS release is past its end of life; 2 unreadable input or database; 3 environment error.
            """
    )

    @Argument(help: "Image archive, OCI layout, registry reference or root filesystem directory.")
    var target: String

    @Option(help: ArgumentHelp("The base image TARGET was built from (archive, OCI layout or registry reference).", valueName: "IMAGE"))
    var base: String?

    @Option(name: [.short, .long], help: "Output format: table, json, markdown.")
    var format: RecommendationFormat = .table

    @Option(help: ArgumentHelp("How many newer base tags to scan and rank (0: none; default 3).", valueName: "N"))
    var maxCandidates = 3

    @Option(help: ArgumentHelp("Exit with this code when the OS release is past its end of life.", valueName: "CODE"))
    var exitOnEol: Int32?

    @OptionGroup var imageOptions: ImageOptions
    @OptionGroup var packageOptions: PackageOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let exitOnEol, exitOnEol < 1 || exitOnEol > 255 || exitOnEol == 2 || exitOnEol == 3 {
            throw ValidationError("--exit-on-eol must be 1 or 4–255: 0 means success, 2 and 3 mean errors")
        }
        if maxCandidates < 0 || maxCandidates > 20 { throw ValidationError("--max-candidates must be between 0 and 20") }
    }

    func run() async throws {
        let logger = Console.logger(quiet: options.quiet, debug: options.debug)
        do {
            let databasePath = options.resolvedDatabasePath
            try await DatabaseCommand.ensureDatabase(at: databasePath, options: options, skipUpdate: false, maxAgeHours: 72)
            let scanner = InventoryScanner(logger: logger)
            let inventory = try await ScanRunner.inventory(
                of: target, scanner: scanner, imageOptions: imageOptions, packages: packageOptions.selection, options: options)
            let vulnerabilities = VulnerabilityScanner(databasePath: databasePath, toolVersion: Bulwark.version)
            let scan = try vulnerabilities.scan(inventory, filter: FindingFilter())
            var warnings: [String] = []

            let (baseImage, baseReference) = await detectBase(inventory, scanner: scanner, warnings: &warnings)
            let planner = UpgradePlanner(baseLayerCount: baseImage?.layerCount)
            let plan = planner.plan(scan.findings)
            let fixable = scan.findings.filter { !$0.fixedVersions.isEmpty }
            var fromBase: Int?
            var fromOwn: Int?
            if let count = baseImage?.layerCount {
                fromBase = scan.findings.filter { ($0.package.layer?.index ?? Int.max) < count }.count
                fromOwn = scan.findings.count - (fromBase ?? 0)
            }
            let summary = RecommendationReport.Summary(
                findings: scan.findings.count, fixable: fixable.count, fixableCriticalHigh: fixable.filter { $0.severity >= .high }.count,
                fromBase: fromBase, fromOwnLayers: fromOwn)
            let endOfLife = Self.endOfLife(inventory.operatingSystem, databasePath: databasePath)
            var candidates: [RecommendationReport.BaseCandidate] = []
            if let baseReference, maxCandidates > 0 {
                candidates = await rankNewerTags(of: baseReference, scanner: scanner, databasePath: databasePath, warnings: &warnings)
            } else if baseImage == nil {
                warnings.append("no base image known: give --base IMAGE (or build with the org.opencontainers.image.base.name annotation) to attribute findings and rank newer base tags")
            }
            let report = RecommendationReport(
                toolVersion: Bulwark.version, createdAt: scan.createdAt, target: inventory.target, operatingSystem: inventory.operatingSystem,
                endOfLife: endOfLife, base: baseImage, summary: summary, upgrades: plan.upgrades, unfixable: plan.unfixable,
                baseCandidates: candidates, warnings: scan.warnings + warnings)
            let colors = options.output == nil && format == .table && Console.colorsAllowed(fileDescriptor: 1)
            try Console.emit(try RecommendationRenderer.render(report, as: format, colors: colors), to: options.output)
            if let exitOnEol, endOfLife?.pastEndOfLife == true { throw ExitCode(exitOnEol) }
        } catch let error as BulwarkError {
            throw ExitStatus.report(error)
        }
    }

    /// The OS release's end-of-life status from the built-in table and the database's imported dates.
    static func endOfLife(_ os: OperatingSystem?, databasePath: String, now: Date = Date()) -> RecommendationReport.EndOfLifeStatus? {
        guard let os else { return nil }
        let imported = (try? AdvisoryDatabase(path: databasePath).endOfLifeEntries()) ?? []
        let table = EndOfLifeTable(overrides: imported)
        guard let entry = table.entry(for: os), let past = table.isPastEndOfLife(os, on: now) else { return nil }
        return .init(release: "\(os.family) \(entry.cycle)", date: entry.date, pastEndOfLife: past, source: entry.source)
    }

    /// The base image (from --base, or the image's annotations and labels) and its layer count in this image.
    func detectBase(_ inventory: Inventory, scanner: InventoryScanner, warnings: inout [String]) async -> (RecommendationReport.BaseImage?, ImageReference?) {
        guard let image = inventory.image else { return (nil, nil) }
        if let base {
            let reference = FileManager.default.fileExists(atPath: base) ? nil : try? ImageReference(parsing: base)
            do {
                let layers = try await baseLayers(path: base, reference: reference, scanner: scanner)
                let shared = BaseLayerMatcher.sharedLayers(image: image.layers, base: layers)
                if shared == 0 || shared < layers.count {
                    warnings.append("\(base): its layers are not the first layers of \(target) (shared \(shared) of \(layers.count)); was the image built from it?")
                }
                return (.init(reference: base, detectedBy: "--base", layerCount: shared == layers.count ? shared : nil), reference)
            } catch {
                warnings.append("\(base): cannot read the base image: \(error.message)")
                return (.init(reference: base, detectedBy: "--base", layerCount: nil), reference)
            }
        }
        guard let declared = BaseLayerMatcher.declaredBase(image) else { return (nil, nil) }
        var reference = try? ImageReference(parsing: declared.reference)
        if let digest = declared.digest, let parsed = try? Digest(parsing: digest) { reference?.digest = parsed }
        guard let reference, !options.offline else {
            return (.init(reference: declared.reference, detectedBy: declared.detectedBy, layerCount: nil), nil)
        }
        do {
            let layers = try await baseLayers(path: declared.reference, reference: reference, scanner: scanner)
            let shared = BaseLayerMatcher.sharedLayers(image: image.layers, base: layers)
            return (.init(reference: declared.reference, detectedBy: declared.detectedBy, layerCount: shared == layers.count ? shared : nil), reference)
        } catch {
            warnings.append("\(declared.reference) (from the image's \(declared.detectedBy)): cannot read it: \(error.message)")
            return (.init(reference: declared.reference, detectedBy: declared.detectedBy, layerCount: nil), reference)
        }
    }

    /// The base image's layers: from a file or layout, else its manifest and config in the registry (no layer download).
    func baseLayers(path: String, reference: ImageReference?, scanner: InventoryScanner) async throws(BulwarkError) -> [LayerReference] {
        if reference == nil || FileManager.default.fileExists(atPath: path) {
            let source = try ImageOpener.open(path: path, scratchDirectory: options.scratchDirectory)
            return try source.resolve(ImageSelection(platform: try imageOptions.selection().platform)).metadata.layers
        }
        guard let reference else { throw BulwarkError(.notFound, "\(path): no such file and not an image reference") }
        if options.offline { throw BulwarkError(.network, "\(path): reading a registry image needs the network (--offline)") }
        let client = try RegistryClient(
            options: imageOptions.registry.clientOptions(), credentials: imageOptions.registry.credentialResolver(), logger: scanner.logger)
        let result: Result<[LayerReference], BulwarkError>
        do {
            let remote = try await RegistryPuller(client: client).resolve(reference, platform: try imageOptions.selection().platform)
            result = .success((remote.config.rootfs?.diff_ids ?? []).enumerated().map { LayerReference(index: $0.offset, diffID: $0.element) })
        } catch {
            result = .failure(error)
        }
        await client.shutdown()
        return try result.get()
    }

    /// Scans up to ``maxCandidates`` newer tags of `reference`'s repository and ranks them.
    func rankNewerTags(
        of reference: ImageReference, scanner: InventoryScanner, databasePath: String, warnings: inout [String]
    ) async -> [RecommendationReport.BaseCandidate] {
        guard let tag = reference.tag else {
            warnings.append("\(reference.familiarName): the base is pinned by digest only; no tag to compare newer tags with")
            return []
        }
        if options.offline {
            warnings.append("newer base tags were not looked up (--offline)")
            return []
        }
        let tags: [String]
        do {
            let client = try RegistryClient(
                options: imageOptions.registry.clientOptions(), credentials: imageOptions.registry.credentialResolver(), logger: scanner.logger)
            let listed: Result<[String], BulwarkError>
            do {
                listed = .success(try await RegistryPuller(client: client).tags(of: reference))
            } catch {
                listed = .failure(error)
            }
            await client.shutdown()
            tags = try listed.get()
        } catch {
            warnings.append("\(reference.familiarName): cannot list tags: \(error.message)")
            return []
        }
        let newer = BaseTagSelector.newer(than: tag, in: tags, limit: maxCandidates)
        if newer.isEmpty { warnings.append("\(reference.familiarName): no newer tag of the same shape than \(tag)") }
        var candidates: [RecommendationReport.BaseCandidate] = []
        for candidateTag in newer {
            let candidate = ImageReference(registry: reference.registry, repository: reference.repository, tag: candidateTag)
            do {
                let scanOptions = InventoryScanOptions(
                    selection: try imageOptions.selection(), scratchDirectory: options.scratchDirectory, layerCache: options.layerCache)
                let inventory = try await RegistryScan.run(candidate, scanner: scanner, registry: imageOptions.registry, scanOptions: scanOptions, options: options)
                let scan = try VulnerabilityScanner(databasePath: databasePath, toolVersion: Bulwark.version).scan(inventory, filter: FindingFilter())
                var counts: [String: Int] = [:]
                for finding in scan.findings { counts[finding.severity.rawValue, default: 0] += 1 }
                candidates.append(.init(reference: candidate.familiarName, bySeverity: counts, total: scan.findings.count, error: nil))
            } catch {
                candidates.append(.init(reference: candidate.familiarName, bySeverity: nil, total: nil, error: error.message))
            }
        }
        return candidates.sorted { lhs, rhs in
            let left = lhs.bySeverity.map { ($0["critical"] ?? 0) + ($0["high"] ?? 0) } ?? Int.max
            let right = rhs.bySeverity.map { ($0["critical"] ?? 0) + ($0["high"] ?? 0) } ?? Int.max
            return (left, lhs.total ?? Int.max, lhs.reference) < (right, rhs.total ?? Int.max, rhs.reference)
        }
    }
}
extension RecommendationFormat: ExpressibleByArgument {}
