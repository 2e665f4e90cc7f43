import BulwarkCore

/// Bulwark's own JSON SBOM, `schemaVersion` 1: every field of the inventory, with stable key names.
///
/// Documented field by field in docs/json-format.md. Optional fields are always present (as `null`
/// when unknown) so consumers never have to tell "missing" from "unknown". Changing the meaning or
/// removing a field requires a new schema version; adding fields does not.
struct JSONInventoryDocument: Codable, Sendable {
    /// The schema version this code writes and reads.
    static let currentSchemaVersion = 1

    var schemaVersion: Int
    var tool: Tool
    var createdAt: String
    var target: Target
    var image: Image?
    var operatingSystem: OperatingSystemInfo?
    /// The packages read from a document (empty for one built from an inventory).
    var packages: [PackageInfo]
    var warnings: [String]
    /// The packages of the inventory being written, encoded one at a time in ``order`` (no copy
    /// of a 20,000-element array into another representation first).
    private var written: [Package] = []
    private var order: [Int] = []

    enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, createdAt, target, image, operatingSystem, packages, warnings
    }

    /// The tool that wrote the document.
    struct Tool: Codable, Sendable {
        var name: String
        var version: String
    }

    /// The scanned target.
    struct Target: Codable, Sendable {
        var kind: String
        var name: String
    }

    /// One image layer.
    struct Layer: Codable, Sendable {
        var index: Int
        var digest: Digest?
        var diffID: Digest?
        var createdBy: String?

        init(_ layer: LayerReference) {
            index = layer.index
            digest = layer.digest
            diffID = layer.diffID
            createdBy = layer.createdBy
        }

        var model: LayerReference { LayerReference(index: index, digest: digest, diffID: diffID, createdBy: createdBy) }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(digest, forKey: .digest)
            try container.encode(diffID, forKey: .diffID)
            try container.encode(createdBy, forKey: .createdBy)
        }
    }

    /// The image's runtime configuration.
    struct RuntimeConfig: Codable, Sendable {
        var user: String?
        var env: [String]
        var entrypoint: [String]
        var cmd: [String]
        var workingDir: String?
        var exposedPorts: [String]
        var labels: [String: String]
        var stopSignal: String?

        init(_ config: ImageRuntimeConfig) {
            user = config.user
            env = config.env
            entrypoint = config.entrypoint
            cmd = config.cmd
            workingDir = config.workingDir
            exposedPorts = config.exposedPorts
            labels = config.labels
            stopSignal = config.stopSignal
        }

        var model: ImageRuntimeConfig {
            ImageRuntimeConfig(
                user: user, env: env, entrypoint: entrypoint, cmd: cmd, workingDir: workingDir,
                exposedPorts: exposedPorts, labels: labels, stopSignal: stopSignal)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(user, forKey: .user)
            try container.encode(env, forKey: .env)
            try container.encode(entrypoint, forKey: .entrypoint)
            try container.encode(cmd, forKey: .cmd)
            try container.encode(workingDir, forKey: .workingDir)
            try container.encode(exposedPorts, forKey: .exposedPorts)
            try container.encode(labels, forKey: .labels)
            try container.encode(stopSignal, forKey: .stopSignal)
        }
    }

    /// Image metadata. `platform` is derived (`os/architecture[/variant]`) and ignored when read.
    struct Image: Codable, Sendable {
        var manifestDigest: Digest?
        var configDigest: Digest?
        var repoTags: [String]
        var repoDigests: [String]
        var os: String?
        var architecture: String?
        var variant: String?
        var platform: String?
        var created: String?
        var layers: [Layer]
        var config: RuntimeConfig

        init(_ image: ImageMetadata) {
            manifestDigest = image.manifestDigest
            configDigest = image.configDigest
            repoTags = image.repoTags
            repoDigests = image.repoDigests
            os = image.os
            architecture = image.architecture
            variant = image.variant
            platform = image.platform
            created = image.created
            layers = image.layers.map(Layer.init)
            config = RuntimeConfig(image.config)
        }

        var model: ImageMetadata {
            ImageMetadata(
                manifestDigest: manifestDigest, configDigest: configDigest, repoTags: repoTags,
                repoDigests: repoDigests, os: os, architecture: architecture, variant: variant, created: created,
                layers: layers.map(\.model), config: config.model)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(manifestDigest, forKey: .manifestDigest)
            try container.encode(configDigest, forKey: .configDigest)
            try container.encode(repoTags, forKey: .repoTags)
            try container.encode(repoDigests, forKey: .repoDigests)
            try container.encode(os, forKey: .os)
            try container.encode(architecture, forKey: .architecture)
            try container.encode(variant, forKey: .variant)
            try container.encode(platform, forKey: .platform)
            try container.encode(created, forKey: .created)
            try container.encode(layers, forKey: .layers)
            try container.encode(config, forKey: .config)
        }
    }

    /// The detected operating system.
    struct OperatingSystemInfo: Codable, Sendable {
        var family: String
        var version: String
        var versionID: String?
        var codename: String?
        var prettyName: String?
        var idLike: [String]

        init(_ os: OperatingSystem) {
            family = os.family
            version = os.version
            versionID = os.versionID
            codename = os.codename
            prettyName = os.prettyName
            idLike = os.idLike
        }

        var model: OperatingSystem {
            OperatingSystem(
                family: family, version: version, versionID: versionID, codename: codename, prettyName: prettyName,
                idLike: idLike)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(family, forKey: .family)
            try container.encode(version, forKey: .version)
            try container.encode(versionID, forKey: .versionID)
            try container.encode(codename, forKey: .codename)
            try container.encode(prettyName, forKey: .prettyName)
            try container.encode(idLike, forKey: .idLike)
        }
    }

    /// One installed package.
    struct PackageInfo: Codable, Sendable {
        var type: PackageType
        var name: String
        var version: String
        var epoch: Int?
        var upstreamVersion: String
        var release: String?
        var architecture: String?
        var sourceName: String?
        var sourceVersion: String?
        var licenses: [String]
        var maintainer: String?
        var vendor: String?
        var modularityLabel: String?
        var purl: PackageURL
        var location: String
        var layer: Layer?
        var installedFiles: [String]
        var isDevelopment: Bool
        var dependencies: [String]

        enum CodingKeys: String, CodingKey {
            case type, name, version, epoch, upstreamVersion, release, architecture, sourceName, sourceVersion, licenses
            case maintainer, vendor, modularityLabel, purl, location, layer, installedFiles, isDevelopment, dependencies
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(PackageType.self, forKey: .type)
            name = try container.decode(String.self, forKey: .name)
            version = try container.decode(String.self, forKey: .version)
            epoch = try container.decodeIfPresent(Int.self, forKey: .epoch)
            upstreamVersion = try container.decode(String.self, forKey: .upstreamVersion)
            release = try container.decodeIfPresent(String.self, forKey: .release)
            architecture = try container.decodeIfPresent(String.self, forKey: .architecture)
            sourceName = try container.decodeIfPresent(String.self, forKey: .sourceName)
            sourceVersion = try container.decodeIfPresent(String.self, forKey: .sourceVersion)
            licenses = try container.decode([String].self, forKey: .licenses)
            maintainer = try container.decodeIfPresent(String.self, forKey: .maintainer)
            vendor = try container.decodeIfPresent(String.self, forKey: .vendor)
            modularityLabel = try container.decodeIfPresent(String.self, forKey: .modularityLabel)
            purl = try container.decode(PackageURL.self, forKey: .purl)
            location = try container.decode(String.self, forKey: .location)
            layer = try container.decodeIfPresent(Layer.self, forKey: .layer)
            installedFiles = try container.decode([String].self, forKey: .installedFiles)
            isDevelopment = try container.decodeIfPresent(Bool.self, forKey: .isDevelopment) ?? false
            dependencies = try container.decodeIfPresent([String].self, forKey: .dependencies) ?? []
        }

        init(_ package: Package) {
            type = package.type
            name = package.name
            version = package.version
            epoch = package.epoch
            upstreamVersion = package.upstreamVersion
            release = package.release
            architecture = package.architecture
            sourceName = package.sourceName
            sourceVersion = package.sourceVersion
            licenses = package.licenses
            maintainer = package.maintainer
            vendor = package.vendor
            modularityLabel = package.modularityLabel
            purl = package.purl
            location = package.location
            layer = package.layer.map(Layer.init)
            installedFiles = package.installedFiles
            isDevelopment = package.isDevelopment
            dependencies = package.dependencies
        }

        var model: Package {
            Package(
                type: type, name: name, version: version, epoch: epoch, upstreamVersion: upstreamVersion,
                release: release, architecture: architecture, sourceName: sourceName, sourceVersion: sourceVersion,
                licenses: licenses, maintainer: maintainer, vendor: vendor, modularityLabel: modularityLabel,
                purl: purl, location: location, layer: layer?.model, installedFiles: installedFiles,
                isDevelopment: isDevelopment, dependencies: dependencies)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(name, forKey: .name)
            try container.encode(version, forKey: .version)
            try container.encode(epoch, forKey: .epoch)
            try container.encode(upstreamVersion, forKey: .upstreamVersion)
            try container.encode(release, forKey: .release)
            try container.encode(architecture, forKey: .architecture)
            try container.encode(sourceName, forKey: .sourceName)
            try container.encode(sourceVersion, forKey: .sourceVersion)
            try container.encode(licenses, forKey: .licenses)
            try container.encode(maintainer, forKey: .maintainer)
            try container.encode(vendor, forKey: .vendor)
            try container.encode(modularityLabel, forKey: .modularityLabel)
            try container.encode(purl, forKey: .purl)
            try container.encode(location, forKey: .location)
            try container.encode(layer, forKey: .layer)
            try container.encode(installedFiles, forKey: .installedFiles)
            try container.encode(isDevelopment, forKey: .isDevelopment)
            try container.encode(dependencies, forKey: .dependencies)
        }
    }

    /// The document for `inventory`, packages in ``PackageOrdering`` order.
    init(_ inventory: Inventory, options: RenderOptions) {
        schemaVersion = Self.currentSchemaVersion
        tool = Tool(name: options.toolName, version: options.toolVersion)
        createdAt = RFC3339Timestamp.string(from: options.timestamp)
        target = Target(kind: inventory.target.kind.rawValue, name: inventory.target.name)
        image = inventory.image.map(Image.init)
        operatingSystem = inventory.operatingSystem.map(OperatingSystemInfo.init)
        packages = []
        written = inventory.packages
        order = PackageOrdering.order(of: inventory.packages)
        warnings = inventory.warnings
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(target, forKey: .target)
        try container.encode(image, forKey: .image)
        try container.encode(operatingSystem, forKey: .operatingSystem)
        if written.isEmpty {
            try container.encode(packages, forKey: .packages)
        } else {
            var list = container.nestedUnkeyedContainer(forKey: .packages)
            for index in order { try list.encode(PackageInfo(written[index])) }
        }
        try container.encode(warnings, forKey: .warnings)
    }
}
