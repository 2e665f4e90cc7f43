import BulwarkCore

/// Keeps the bytes of license files (`LICENSE`, `COPYING`, `NOTICE`… with any extension) so license
/// scanning can identify the ones no package owns. It lists no packages itself.
public struct LicenseFileCollector: Cataloger {
    public init() {}

    public var id: String { "license-files" }

    /// Folders whose license texts are references or package documentation, not shipped code's licenses.
    static let ignoredPrefixes = ["/usr/share/common-licenses/", "/usr/share/doc/", "/usr/share/licenses/", "/proc/", "/sys/"]

    public func isInterested(in path: String) -> Bool {
        Self.isLicenseFileName(PathNormalizer.baseName(path)) && !Self.ignoredPrefixes.contains { path.hasPrefix($0) }
    }

    /// `LICENSE`, `LICENCE`, `COPYING`, `NOTICE`, `UNLICENSE`, optionally followed by `.`, `-` or `_` and more
    /// (`LICENSE.txt`, `LICENSE-MIT`, `COPYING.LIB`), any case.
    public static func isLicenseFileName(_ name: Substring) -> Bool {
        let utf8 = name.utf8
        guard utf8.count >= 6, utf8.count <= 40 else { return false }
        for stem in ["license", "licence", "copying", "notice", "unlicense"] {
            guard utf8.count >= stem.utf8.count else { continue }
            var matches = true
            for (a, b) in zip(utf8, stem.utf8) where a | 0x20 != b {
                matches = false
                break
            }
            guard matches else { continue }
            if utf8.count == stem.utf8.count { return true }
            let next = utf8[utf8.index(utf8.startIndex, offsetBy: stem.utf8.count)]
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "-") || next == UInt8(ascii: "_") { return true }
        }
        return false
    }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        CatalogResult()
    }

    /// License files are read in images and folders alike.
    public var scope: CatalogScope { .installed }
}
