import BulwarkArchive
import BulwarkCore
import Foundation

/// The dependency list cargo-auditable embeds in a Rust binary: zlib-compressed JSON
/// `{"packages":[{"name","version","source","kind","root","dependencies":[indices]}]}` in the
/// `.dep-v0` section.
public struct CargoAuditableDependencyList: Sendable, Hashable, Decodable {
    /// One crate of the list.
    public struct Crate: Sendable, Hashable, Decodable {
        /// The crate name.
        public var name: String
        /// Its version.
        public var version: String
        /// Where it came from: `crates.io`, `local`, `git`, `registry`…
        public var source: String?
        /// `runtime` (default) or `build` (only used by build scripts and proc macros).
        public var kind: String?
        /// Whether this is the crate the binary was built from.
        public var root: Bool?
        /// Indices into the package list of its direct dependencies.
        public var dependencies: [Int]?
    }

    /// The crates, the root among them.
    public var packages: [Crate]

    /// The name of the ELF section holding the list.
    public static let sectionName = ".dep-v0"
    /// The largest decompressed list accepted (real lists are a few KiB).
    public static let maximumSize = 8 << 20

    /// Decompresses and decodes the section contents; errors name `label`.
    public static func decode(compressed: [UInt8], label: String) throws(BulwarkError) -> CargoAuditableDependencyList {
        let json = try ZlibDecompressor.inflate(compressed, maximumSize: maximumSize, label: "\(label): \(sectionName)")
        do {
            return try JSONDecoder().decode(CargoAuditableDependencyList.self, from: Data(json))
        } catch {
            throw BulwarkError.invalid(label, "\(sectionName) is not a cargo-auditable dependency list")
        }
    }
}
