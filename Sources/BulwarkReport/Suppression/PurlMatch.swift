import BulwarkCore

/// How a purl written in an ignore entry or a VEX statement is compared with an installed package.
///
/// The rule, in order:
/// 1. `type`, `namespace` and `name` must be equal (case-insensitively for the types whose purl spec
///    says so: deb, apk, rpm namespaces, pypi, npm, composer, nuget, github…; pypi names also treat
///    `_` and `-` alike).
/// 2. When the written purl has a version it must equal the package's purl version or its full
///    installed version; a purl without a version covers every version.
/// 3. Every qualifier the written purl states must equal the same qualifier on the package; a
///    qualifier the package does not carry is not compared (its purl simply says less). `distro` is
///    compared as a release prefix: `debian-12` covers `debian-12.5` (the package's point release),
///    because VEX authors write the major release while scanners record the point release.
/// 4. The subpath is ignored.
public enum PurlMatch: Sendable, Hashable {
    /// The purl covers the package; `note` says when it only did so through the `distro` prefix rule.
    case matches(note: String?)
    /// It does not; `reason` explains the first difference in words.
    case differs(reason: String)

    /// Whether this is a match.
    public var isMatch: Bool {
        if case .matches = self { return true }
        return false
    }

    /// Compares `written` (from an ignore entry or VEX statement) with `package`.
    public static func compare(_ written: PackageURL, with package: Package) -> PurlMatch {
        let installed = package.purl
        guard written.type.lowercased() == installed.type.lowercased() else {
            return .differs(reason: "type differs (\(written.type) vs \(installed.type))")
        }
        let folds = caseInsensitiveTypes.contains(installed.type.lowercased())
        let writtenNamespace = normalized(written.namespace ?? "", type: installed.type, folds: folds)
        let installedNamespace = normalized(installed.namespace ?? "", type: installed.type, folds: folds)
        guard writtenNamespace == installedNamespace else {
            return .differs(reason: "namespace differs (\(written.namespace ?? "none") vs \(installed.namespace ?? "none"))")
        }
        guard normalized(written.name, type: installed.type, folds: folds) == normalized(installed.name, type: installed.type, folds: folds) else {
            return .differs(reason: "name differs (\(written.name) vs \(installed.name))")
        }
        if let version = written.version, !version.isEmpty, version != installed.version, version != package.version {
            return .differs(reason: "version differs (\(version) vs \(installed.version ?? package.version))")
        }
        var notes: [String] = []
        for key in written.qualifiers.keys.sorted() {
            guard let wanted = written.qualifiers[key], !wanted.isEmpty else { continue }
            guard let present = installed.qualifiers[key], !present.isEmpty, present != wanted else { continue }
            if key == "distro" {
                if distroCovers(wanted, present) {
                    notes.append("distro \(wanted) covers \(present) (distro is compared as a release prefix)")
                    continue
                }
                return .differs(
                    reason: "qualifier distro differs (\(wanted) vs \(present)); distro is compared as a release prefix, so \(wanted) covers only \(wanted) and its point releases (\(wanted).x)")
            }
            return .differs(reason: "qualifier \(key) differs (\(wanted) vs \(present))")
        }
        return .matches(note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// Whether the written `distro` value covers the package's: equal, or a prefix ending at a `.`/`-`
    /// boundary of the release (`debian-12` covers `debian-12.5`, not `debian-120`).
    static func distroCovers(_ written: String, _ installed: String) -> Bool {
        let wanted = written.lowercased()
        let present = installed.lowercased()
        if wanted == present { return true }
        guard present.hasPrefix(wanted), let boundary = present.dropFirst(wanted.count).first else { return false }
        return boundary == "." || boundary == "-" || boundary == "+" || boundary == "~"
    }

    private static let caseInsensitiveTypes: Set<String> = [
        "deb", "apk", "alpm", "bitbucket", "composer", "github", "hex", "npm", "nuget", "pypi",
    ]

    private static func normalized(_ text: String, type: String, folds: Bool) -> String {
        guard folds else { return text }
        let lowered = text.lowercased()
        return type.lowercased() == "pypi" ? lowered.foldingPyPISeparators() : lowered
    }
}

extension String {
    fileprivate func foldingPyPISeparators() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "_" || $0 == "." ? "-" : $0 }))
    }
}
