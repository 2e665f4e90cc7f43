import BulwarkCore

/// A short, stable hash of what distinguishes one installed package from another (type, name, version,
/// architecture, database location), for document-local identifiers.
enum PackageFingerprint {
    /// 16 lower-case hex digits.
    static func of(_ package: Package) -> String {
        let identity = [
            package.type.rawValue, package.name, package.version, package.architecture ?? "", package.location,
        ]
        .joined(separator: "\u{0}")
        return String(SHA1.hexDigest(Array(identity.utf8)).prefix(16))
    }
}
