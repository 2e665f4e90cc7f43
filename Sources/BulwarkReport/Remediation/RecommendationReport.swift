import BulwarkCore

/// What `bulwark recommend` says: which upgrades clear which findings, where the findings come from
/// (the base image or the image's own layers), newer base tags ranked, and whether the OS is past
/// its end of life. Its JSON encoding is stable (`schemaVersion` 1).
public struct RecommendationReport: Sendable, Codable, Hashable {
    public var schemaVersion = 1
    public var tool = "bulwark"
    public var toolVersion: String
    public var createdAt: String
    public var target: ScanTarget
    public var operatingSystem: OperatingSystem?
    /// The OS release's end-of-life status, when the table knows the release.
    public var endOfLife: EndOfLifeStatus?
    /// The base image, when one was given or found in the image's annotations or labels.
    public var base: BaseImage?
    /// Counts over all findings.
    public var summary: Summary
    /// Upgrades, the essential ones (clearing a critical or high finding) first, most critical first.
    public var upgrades: [PackageUpgrade]
    /// Packages with findings no released version fixes yet.
    public var unfixable: [UnfixedPackage]
    /// Newer tags of the base repository, fewest remaining critical/high findings first.
    public var baseCandidates: [BaseCandidate]
    /// Things the recommendation could not do (no registry, an unreadable base…).
    public var warnings: [String]

    /// Creates a report.
    public init(
        toolVersion: String, createdAt: String, target: ScanTarget, operatingSystem: OperatingSystem?, endOfLife: EndOfLifeStatus?,
        base: BaseImage?, summary: Summary, upgrades: [PackageUpgrade], unfixable: [UnfixedPackage], baseCandidates: [BaseCandidate],
        warnings: [String]
    ) {
        self.toolVersion = toolVersion
        self.createdAt = createdAt
        self.target = target
        self.operatingSystem = operatingSystem
        self.endOfLife = endOfLife
        self.base = base
        self.summary = summary
        self.upgrades = upgrades
        self.unfixable = unfixable
        self.baseCandidates = baseCandidates
        self.warnings = warnings
    }

    /// An OS release's end of life.
    public struct EndOfLifeStatus: Sendable, Codable, Hashable {
        /// `debian 11`.
        public var release: String
        /// The last day of security support, `yyyy-MM-dd`.
        public var date: String
        /// Whether the scan date is past it.
        public var pastEndOfLife: Bool
        /// Where the date comes from (`built-in`, `endoflife.date`).
        public var source: String

        public init(release: String, date: String, pastEndOfLife: Bool, source: String) {
            self.release = release
            self.date = date
            self.pastEndOfLife = pastEndOfLife
            self.source = source
        }
    }

    /// The base image the image was built from.
    public struct BaseImage: Sendable, Codable, Hashable {
        /// How it was named (`debian:12.5`, a path), when known.
        public var reference: String?
        /// `--base`, `annotation` (`org.opencontainers.image.base.name`) or `label`.
        public var detectedBy: String
        /// How many of the image's layers are the base's (its diffIDs are a prefix of the image's); nil when the
        /// base could not be read.
        public var layerCount: Int?

        public init(reference: String?, detectedBy: String, layerCount: Int?) {
            self.reference = reference
            self.detectedBy = detectedBy
            self.layerCount = layerCount
        }
    }

    /// Counts over all findings.
    public struct Summary: Sendable, Codable, Hashable {
        public var findings: Int
        /// Findings some released version fixes.
        public var fixable: Int
        /// Critical and high findings some released version fixes.
        public var fixableCriticalHigh: Int
        /// Findings in packages the base image's layers installed, and in the image's own layers (nil: no base known).
        public var fromBase: Int?
        public var fromOwnLayers: Int?

        public init(findings: Int, fixable: Int, fixableCriticalHigh: Int, fromBase: Int?, fromOwnLayers: Int?) {
            self.findings = findings
            self.fixable = fixable
            self.fixableCriticalHigh = fixableCriticalHigh
            self.fromBase = fromBase
            self.fromOwnLayers = fromOwnLayers
        }
    }

    /// One upgrade: a package (for distributions that track them, a source package and its binaries) to the
    /// lowest version that fixes every fixable finding of it.
    public struct PackageUpgrade: Sendable, Codable, Hashable {
        /// The package type (`deb`, `npm`…).
        public var type: String
        /// The package, or for Debian/Alpine the source package the advisories name.
        public var name: String
        /// The installed packages the upgrade covers (binary packages of a source package).
        public var packages: [String]
        public var installedVersion: String
        /// The lowest version that fixes all of the findings below.
        public var targetVersion: String
        /// The findings it clears, most severe first.
        public var clears: [String]
        /// How many it clears per severity.
        public var bySeverity: [String: Int]
        /// Findings of the same packages that no released version fixes (still open after the upgrade).
        public var remaining: [String]
        /// `base`, `own` or `unknown`: which layers installed the package.
        public var origin: String
        /// The layer that added the package.
        public var layer: Int?
        /// Whether it clears a critical or high finding (part of the smallest set that clears all fixable ones).
        public var essential: Bool

        public init(
            type: String, name: String, packages: [String], installedVersion: String, targetVersion: String, clears: [String],
            bySeverity: [String: Int], remaining: [String], origin: String, layer: Int?, essential: Bool
        ) {
            self.type = type
            self.name = name
            self.packages = packages
            self.installedVersion = installedVersion
            self.targetVersion = targetVersion
            self.clears = clears
            self.bySeverity = bySeverity
            self.remaining = remaining
            self.origin = origin
            self.layer = layer
            self.essential = essential
        }
    }

    /// A package whose findings have no fix yet.
    public struct UnfixedPackage: Sendable, Codable, Hashable {
        public var type: String
        public var name: String
        public var version: String
        public var findings: [String]
        public var origin: String

        public init(type: String, name: String, version: String, findings: [String], origin: String) {
            self.type = type
            self.name = name
            self.version = version
            self.findings = findings
            self.origin = origin
        }
    }

    /// A newer tag of the base repository and the findings a scan of it leaves.
    public struct BaseCandidate: Sendable, Codable, Hashable {
        public var reference: String
        /// Findings per severity (nil when the scan failed: see `error`).
        public var bySeverity: [String: Int]?
        public var total: Int?
        public var error: String?

        public init(reference: String, bySeverity: [String: Int]?, total: Int?, error: String?) {
            self.reference = reference
            self.bySeverity = bySeverity
            self.total = total
            self.error = error
        }
    }
}
