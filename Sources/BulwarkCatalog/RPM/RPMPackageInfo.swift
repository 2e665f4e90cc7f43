import BulwarkCore

/// The fields Bulwark reads from one rpm header: identity, provenance and owned files.
public struct RPMPackageInfo: Sendable, Hashable {
    /// NAME (1000).
    public var name: String
    /// VERSION (1001), the upstream version.
    public var version: String
    /// RELEASE (1002); nil when absent.
    public var release: String?
    /// EPOCH (1003); nil when the package has none.
    public var epoch: Int?
    /// ARCH (1022).
    public var architecture: String?
    /// SOURCERPM (1044), the source rpm file name.
    public var sourceRPM: String?
    /// LICENSE (1014).
    public var license: String?
    /// VENDOR (1011).
    public var vendor: String?
    /// PACKAGER (1015).
    public var packager: String?
    /// SUMMARY (1004), untranslated.
    public var summary: String?
    /// SIZE (1009), or LONGSIZE (5009) when only that is present: installed bytes.
    public var size: Int64?
    /// MODULARITYLABEL (5096).
    public var modularityLabel: String?
    /// Absolute paths of the files the package owns, from BASENAMES/DIRNAMES/DIRINDEXES
    /// (or OLDFILENAMES in old headers), in header order.
    public var files: [String]

    /// Reads the fields from `header`; throws when NAME or VERSION is missing or the file list
    /// tags are inconsistent (the error names ``RPMHeader/source``).
    public init(header: RPMHeader) throws(BulwarkError) {
        guard let name = try header.string(.name), !name.isEmpty else {
            throw .invalid(header.source, "rpm header has no NAME")
        }
        guard let version = try header.string(.version) else {
            throw .invalid(header.source, "rpm header for \(name) has no VERSION")
        }
        self.name = name
        self.version = version
        release = try header.string(.release)
        if let epoch = try header.integer(.epoch) {
            guard let value = Int(exactly: epoch), value <= Int(Int32.max) else {
                throw .invalid(header.source, "rpm header for \(name) has an out-of-range EPOCH \(epoch)")
            }
            self.epoch = value
        }
        architecture = try header.string(.arch)
        sourceRPM = try header.string(.sourceRPM)
        license = try header.string(.license)
        vendor = try header.string(.vendor)
        packager = try header.string(.packager)
        summary = try header.string(.summary)
        if let size = try header.integer(.size) {
            self.size = Int64(clamping: size)
        } else if let size = try header.integer(.longSize) {
            self.size = Int64(clamping: size)
        }
        modularityLabel = try header.string(.modularityLabel)
        files = try Self.files(of: header, name: name)
    }

    /// Joins DIRNAMES[DIRINDEXES[i]] + BASENAMES[i], or returns OLDFILENAMES.
    private static func files(of header: RPMHeader, name: String) throws(BulwarkError) -> [String] {
        if let baseNames = try header.strings(.baseNames) {
            guard let dirNames = try header.strings(.dirNames), let dirIndexes = try header.integers(.dirIndexes) else {
                throw .invalid(header.source, "rpm header for \(name) has BASENAMES without DIRNAMES and DIRINDEXES")
            }
            guard dirIndexes.count == baseNames.count else {
                throw .invalid(
                    header.source,
                    "rpm header for \(name) has \(baseNames.count) BASENAMES but \(dirIndexes.count) DIRINDEXES")
            }
            var files: [String] = []
            files.reserveCapacity(baseNames.count)
            for (baseName, dirIndex) in zip(baseNames, dirIndexes) {
                guard dirIndex < UInt64(dirNames.count) else {
                    throw .invalid(
                        header.source,
                        "rpm header for \(name) has DIRINDEXES value \(dirIndex) past its \(dirNames.count) DIRNAMES")
                }
                files.append(dirNames[Int(dirIndex)] + baseName)
            }
            return files
        }
        return try header.strings(.oldFileNames) ?? []
    }

    /// Whether this is a `gpg-pubkey` pseudo package (an imported signing key, not software).
    public var isGPGPublicKey: Bool { name == "gpg-pubkey" }

    /// The version as rpm prints it: `[epoch:]version-release` (epoch only when set).
    public var fullVersion: String {
        var text = epoch.map { "\($0):" } ?? ""
        text += version
        if let release, !release.isEmpty { text += "-" + release }
        return text
    }

    /// The parsed ``sourceRPM`` file name, when it has the `name-version-release.src.rpm` shape.
    public var source: RPMSourceRPM? {
        sourceRPM.flatMap { RPMSourceRPM(fileName: $0) }
    }
}
