import BulwarkCore

/// Builds npm `Package` values and purls: `pkg:npm/%40scope/name@1.2.3` (the scope, with its `@`,
/// is the purl namespace; PackageURL percent-encodes it).
enum NPMPackageFactory {
    /// The purl of npm package `name` (possibly `@scope/name`) at `version`.
    static func purl(name: String, version: String?) -> PackageURL {
        if name.hasPrefix("@"), let slash = name.firstIndex(of: "/") {
            return PackageURL(type: "npm", namespace: String(name[..<slash]), name: String(name[name.index(after: slash)...]), version: version)
        }
        return PackageURL(type: "npm", name: name, version: version)
    }

    /// The purl string of `name@version`, used in `dependencies`.
    static func purlString(name: String, version: String) -> String { purl(name: name, version: version).description }

    /// An npm library package.
    static func package(
        name: String, version: String, location: String, licenses: [String] = [], isDevelopment: Bool = false,
        dependencies: [String] = []
    ) -> Package {
        .library(
            .npm, name: name, version: version, purl: purl(name: name, version: version), location: location, licenses: licenses,
            isDevelopment: isDevelopment, dependencies: dependencies)
    }

    /// Whether `name` can be an npm package name: non-empty, at most 214 bytes, no whitespace or
    /// control characters, and exactly `@scope/name` when scoped (no other `/`).
    static func isPlausibleName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= 214 else { return false }
        for byte in bytes where byte <= 0x20 || byte == 0x7F { return false }
        let slashes = bytes.lazy.filter { $0 == 0x2F }.count
        if name.hasPrefix("@") {
            guard slashes == 1, let slash = name.firstIndex(of: "/") else { return false }
            return slash != name.index(after: name.startIndex) && name.index(after: slash) != name.endIndex
        }
        return slashes == 0
    }

    /// Licenses from a `package.json` or lockfile entry: `license` as a string or `{ "type": … }`,
    /// or the legacy `licenses` array (strings or objects) / single object. Empty strings are dropped.
    static func licenses(of manifest: NodeJSONObject) -> [String] {
        func name(of value: NodeJSON) -> String? {
            switch value {
            case .string(let text): return text
            case .object(let object): return object["type"]?.string ?? object["name"]?.string
            default: return nil
            }
        }
        var found: [String] = []
        if let license = manifest["license"] {
            if let text = name(of: license) { found.append(text) }
            if let list = license.array { found += list.compactMap(name(of:)) }
        }
        if found.isEmpty, let legacy = manifest["licenses"] {
            if let list = legacy.array { found += list.compactMap(name(of:)) } else if let text = name(of: legacy) { found.append(text) }
        }
        var seen = Set<String>()
        return found.map { $0.trimmingManifestWhitespace }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingManifestWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }),
            let last = scalars.lastIndex(where: { !Self.isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
