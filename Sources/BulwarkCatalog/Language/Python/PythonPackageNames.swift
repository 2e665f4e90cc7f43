import BulwarkCore

/// Python package names and purls: `pkg:pypi/<name lower-cased, "_" → "-">@<version>`.
public enum PythonPackageNames {
    /// The name as the purl spec writes it for PyPI: lower-case, underscores replaced by dashes.
    public static func purlName(_ name: String) -> String {
        String(name.lowercased().map { $0 == "_" ? "-" : $0 })
    }

    /// The PEP 503 normalized name, used to look names up in one lockfile or site-packages.
    public static func lookupKey(_ name: String) -> String {
        EcosystemKey.normalizeName(name, ecosystem: "pypi")
    }

    /// The purl of a PyPI distribution.
    public static func purl(name: String, version: String) -> PackageURL {
        PackageURL(type: "pypi", name: purlName(name), version: version)
    }

    /// The distribution name at the start of a PEP 508 requirement (`Foo[bar] >=1; marker` → `Foo`), or nil.
    public static func requirementName(_ requirement: Substring) -> Substring? {
        let trimmed = requirement.drop { $0 == " " || $0 == "\t" }
        let name = trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        guard let first = name.first, first.isLetter || first.isNumber else { return nil }
        return name
    }

    /// Turns requirement names into purls where `versions` (keyed by ``lookupKey(_:)``) resolves them,
    /// else the names themselves; duplicates dropped, order kept.
    public static func resolve(_ names: [String], versions: [String: (name: String, version: String)]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for name in names {
            let resolved = versions[lookupKey(name)].map { purl(name: $0.name, version: $0.version).description } ?? name
            if seen.insert(resolved).inserted { out.append(resolved) }
        }
        return out
    }
}
