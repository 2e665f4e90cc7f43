/// An rpm header tag number, such as ``name`` (1000) or ``baseNames`` (1117).
///
/// Only the tags Bulwark reads have names here; any other number can be used through
/// ``init(rawValue:)``.
public struct RPMHeaderTag: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The tag number as stored in the header index.
    public var rawValue: Int32

    /// Creates a tag from its number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Creates a tag from its number.
    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// The tag number in decimal.
    public var description: String { String(rawValue) }

    /// Orders tags by number.
    public static func < (lhs: RPMHeaderTag, rhs: RPMHeaderTag) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Region tag of a legacy header image (61).
    public static let headerImage = RPMHeaderTag(61)
    /// Region tag of a signature header (62).
    public static let headerSignatures = RPMHeaderTag(62)
    /// Region tag of the immutable main header (63).
    public static let headerImmutable = RPMHeaderTag(63)
    /// The translation table (100); tags from here on are data tags.
    public static let headerI18NTable = RPMHeaderTag(100)
    /// The MD5 of header and payload, from the signature (261).
    public static let sigMD5 = RPMHeaderTag(261)
    /// Package name (1000).
    public static let name = RPMHeaderTag(1000)
    /// Upstream version (1001).
    public static let version = RPMHeaderTag(1001)
    /// Distribution release (1002).
    public static let release = RPMHeaderTag(1002)
    /// Epoch, when the package has one (1003).
    public static let epoch = RPMHeaderTag(1003)
    /// One-line summary (1004).
    public static let summary = RPMHeaderTag(1004)
    /// Installed size in bytes (1009).
    public static let size = RPMHeaderTag(1009)
    /// Vendor (1011).
    public static let vendor = RPMHeaderTag(1011)
    /// License expression (1014).
    public static let license = RPMHeaderTag(1014)
    /// Packager (1015).
    public static let packager = RPMHeaderTag(1015)
    /// CPU architecture (1022).
    public static let arch = RPMHeaderTag(1022)
    /// Full file paths of old-style headers (1027).
    public static let oldFileNames = RPMHeaderTag(1027)
    /// The source rpm file name, `name-version-release.src.rpm` (1044).
    public static let sourceRPM = RPMHeaderTag(1044)
    /// For each file, the index of its directory in ``dirNames`` (1116).
    public static let dirIndexes = RPMHeaderTag(1116)
    /// File base names (1117).
    public static let baseNames = RPMHeaderTag(1117)
    /// Directory names, each ending in `/` (1118).
    public static let dirNames = RPMHeaderTag(1118)
    /// Installed size in bytes as a 64-bit number, for large packages (5009).
    public static let longSize = RPMHeaderTag(5009)
    /// Modularity label `module:stream:version:context` (5096).
    public static let modularityLabel = RPMHeaderTag(5096)

    /// Whether this tag marks a header region (61, 62 or 63) rather than carrying data.
    public var isRegion: Bool {
        self == .headerImage || self == .headerSignatures || self == .headerImmutable
    }
}
