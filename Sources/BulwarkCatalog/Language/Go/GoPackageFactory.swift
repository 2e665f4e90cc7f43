import BulwarkCore

/// Builds `golang` packages and purls, and turns Go toolchain versions into the `stdlib` version.
public enum GoPackageFactory {
    /// The purl `pkg:golang/<namespace>/<name>@<version>`: the module path split at its last `/`,
    /// lower-cased as the purl spec requires for golang (the package name keeps Go's case).
    public static func purl(modulePath: String, version: String) -> PackageURL {
        let lowered = modulePath.lowercased()
        let namespace: String?, name: String
        if let slash = lowered.lastIndex(of: "/") {
            namespace = String(lowered[..<slash])
            name = String(lowered[lowered.index(after: slash)...])
        } else {
            namespace = nil
            name = lowered
        }
        return PackageURL(type: "golang", namespace: namespace, name: name, version: version.isEmpty ? nil : version)
    }

    /// A `golang` package for module `path` at `version`, read from `location`.
    public static func package(
        path: String, version: String, location: String, isDevelopment: Bool = false, dependencies: [String] = []
    ) -> Package {
        Package.library(
            .golang, name: path, version: version, purl: purl(modulePath: path, version: version), location: location,
            isDevelopment: isDevelopment, dependencies: dependencies)
    }

    /// The `stdlib` version for a toolchain string: `go1.19.8` → `v1.19.8`, `go1.20` → `v1.20.0`,
    /// `go1.21.0 X:boringcrypto` → `v1.21.0`, `go1.21rc2` → `v1.21.0-rc.2`, `go1.19beta1` →
    /// `v1.19.0-beta.1` (the semver form the Go vulnerability database uses, with Go's `v`).
    /// Nil for development toolchains (`devel go1.22-abc…`) and anything else unrecognized.
    public static func standardLibraryVersion(fromToolchain toolchain: String) -> String? {
        // Experiments and other annotations follow a space: keep the first word.
        guard let word = toolchain.split(separator: " ").first, word.hasPrefix("go1") else { return nil }
        var rest = word.dropFirst(2)
        // Some vendor builds append "-<suffix>" (e.g. go1.22.0-fips); ignore it.
        if let dash = rest.firstIndex(of: "-") { rest = rest[..<dash] }
        var numbers: [Int] = []
        var current = ""
        var prerelease = ""
        var index = rest.startIndex
        while index < rest.endIndex {
            let character = rest[index]
            if character.isASCII, character.isNumber {
                current.append(character)
            } else if character == "." {
                guard let value = Int(current) else { return nil }
                numbers.append(value)
                current = ""
            } else {
                prerelease = String(rest[index...])
                break
            }
            index = rest.index(after: index)
        }
        guard let last = Int(current) else { return nil }
        numbers.append(last)
        guard numbers.count >= 2, numbers.count <= 3 else { return nil }
        while numbers.count < 3 { numbers.append(0) }
        var version = "v" + numbers.map(String.init).joined(separator: ".")
        if !prerelease.isEmpty {
            // "rc2" → "-rc.2", "beta1" → "-beta.1".
            let letters = prerelease.prefix { $0.isLetter }
            let digits = prerelease.dropFirst(letters.count)
            guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            version += "-\(letters).\(digits)"
        }
        return version
    }
}
