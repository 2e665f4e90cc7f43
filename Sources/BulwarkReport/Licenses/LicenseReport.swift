import BulwarkCore
import BulwarkLicense
import Foundation

/// The licenses of a scan's packages (`--scanners license`): each declaration normalized to an SPDX
/// expression, with its category under a policy.
public struct LicenseReport: Sendable, Codable, Hashable {
    /// One package's licenses.
    public struct Entry: Sendable, Codable, Hashable {
        /// The package type (`deb`, `npm`…).
        public var type: String
        public var name: String
        public var version: String
        public var purl: String
        /// Where the package was read from.
        public var location: String
        /// The declarations as the package states them.
        public var declared: [String]
        /// The SPDX expression of all declarations together (`AND`), with unrecognized parts as `LicenseRef-`s; nil when none.
        public var expression: String?
        /// Declarations (or parts) no SPDX id could be found for, kept verbatim.
        public var unrecognized: [String]
        /// The policy category of the expression (`unknown` without a declaration).
        public var category: LicenseCategory
        /// The severity the category maps to (nil for permissive and unencumbered licenses).
        public var severity: Severity?
        /// Set when nothing was declared and the license was recognized from the text of the package's
        /// license or copyright file instead: the similarity of that text to the reference (0…1).
        public var identifiedFromText: Double?
    }

    /// A license file no package owns (a project's own LICENSE, a vendored library's COPYING…).
    public struct FileEntry: Sendable, Codable, Hashable {
        /// Where it is (absolute in the image, or below the scanned folder).
        public var path: String
        /// The SPDX id its text matched, nil when no reference text was similar enough.
        public var license: String?
        /// How similar the text is to that reference (Dice coefficient of word 3-grams, 0…1).
        public var similarity: Double?
        public var category: LicenseCategory
        public var severity: Severity?
    }

    /// Packages, in report order (most restrictive category first, then type and name).
    public var packages: [Entry]
    /// License files not owned by any package, identified by their text; by path.
    public var files: [FileEntry]
    /// How many packages fall in each category.
    public var summary: [String: Int]

    /// Creates a report.
    public init(packages: [Entry], files: [FileEntry] = []) {
        self.packages = packages
        self.files = files
        var summary: [String: Int] = [:]
        for category in LicenseCategory.allCases { summary[category.rawValue] = 0 }
        for entry in packages { summary[entry.category.rawValue, default: 0] += 1 }
        self.summary = summary
    }

    /// Normalizes the declared licenses of `packages` and categorizes them under `policy`.
    /// `licenseText` gives, for a package that declares nothing, the text of its license or copyright file
    /// (Debian's free-form `copyright`), which is then identified by similarity.
    public static func make(
        _ packages: [Package], policy: LicensePolicy = LicensePolicy(), normalizer: LicenseNormalizer = LicenseNormalizer(),
        licenseText: (Package) -> [UInt8]? = { _ in nil }, identifier: LicenseTextIdentifier? = nil
    ) -> LicenseReport {
        let entries = packages.map { package -> Entry in
            var normalized = normalizer.normalizeAll(package.licenses)
            var similarity: Double?
            if normalized.isEmpty, let text = licenseText(package), let match = (identifier ?? Self.identifier).identify(bytes: text) {
                normalized = normalizer.normalizeAll([match.id])
                similarity = (match.score * 1000).rounded() / 1000
            }
            let expressions = normalized.compactMap(\.expression)
            let combined = expressions.isEmpty ? nil : LicenseExpression.allOf(expressions)
            let category = policy.category(of: normalized) ?? .unknown
            return Entry(
                type: package.type.rawValue, name: package.name, version: package.version, purl: package.purl.description,
                location: package.location, declared: package.licenses,
                expression: combined.map { $0.rendered { text in LicenseExpression.isLicenseReference(text) ? text : "LicenseRef-" + Self.referenceName(text) } },
                unrecognized: normalized.flatMap { $0.recognized ? [] : ($0.unrecognizedParts.isEmpty ? [$0.original] : $0.unrecognizedParts) },
                category: category, severity: category.severity, identifiedFromText: similarity)
        }
        return LicenseReport(packages: entries.sorted { lhs, rhs in
            if lhs.category != rhs.category { return lhs.category.restrictiveness > rhs.category.restrictiveness }
            return (lhs.type, lhs.name, lhs.version, lhs.location) < (rhs.type, rhs.name, rhs.version, rhs.location)
        })
    }

    /// A `LicenseRef-` suffix for unrecognized text: letters, digits, `.` and `-` only, at most 64 characters.
    static func referenceName(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "-")) ? Character(scalar) : "-"
        }
        let name = String(mapped.prefix(64)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return name.isEmpty ? "unknown" : name
    }

    /// Entries whose category is `threshold` or more restrictive.
    public func failing(at threshold: LicenseCategory) -> [Entry] {
        packages.filter { $0.category.fails(threshold: threshold) }
    }

    /// License files whose category is `threshold` or more restrictive.
    public func failingFiles(at threshold: LicenseCategory) -> [FileEntry] {
        files.filter { $0.category.fails(threshold: threshold) }
    }

    /// Adds the license files of `files` (path → bytes) that no package in `packages` owns, identified by text.
    public mutating func addUnownedFiles(
        _ files: [(path: String, bytes: [UInt8])], packages: [Package], policy: LicensePolicy = LicensePolicy(),
        identifier: LicenseTextIdentifier = LicenseReport.identifier
    ) {
        let owned = Set(packages.lazy.flatMap(\.installedFiles))
        // An installed language package's metadata file marks its folder, which holds its own license file.
        let metadataNames: Set<String> = ["package.json", "METADATA", "PKG-INFO", "composer.json", "Cargo.toml"]
        var packageFolders = Set<String>()
        for package in packages where !package.type.isOSPackage {
            let name = String(PathNormalizer.baseName(package.location))
            if metadataNames.contains(name) || name.hasSuffix(".gemspec") { packageFolders.insert(PathNormalizer.parent(package.location)) }
        }
        for (path, bytes) in files.sorted(by: { $0.path < $1.path }) where !owned.contains(path) {
            let parent = PathNormalizer.parent(path)
            if packageFolders.contains(parent) || packageFolders.contains(PathNormalizer.parent(parent)) && parent.hasSuffix("/licenses") { continue }
            let match = identifier.identify(bytes: bytes)
            let category = match.map { policy.category(of: $0.id) } ?? .unknown
            self.files.append(FileEntry(
                path: path, license: match?.id, similarity: match.map { ($0.score * 1000).rounded() / 1000 }, category: category,
                severity: category.severity))
        }
    }

    /// The identifier of license texts: bundled texts plus /usr/share/common-licenses where present.
    public static let identifier = LicenseTextIdentifier.standard()
}
