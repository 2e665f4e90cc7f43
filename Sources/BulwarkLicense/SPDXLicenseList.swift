/// Look-ups in the SPDX License List (generated into ``SPDXLicenseData`` by
/// `scripts/generate-spdx-license-list.py`), plus the GNU and distribution short names that denote
/// exactly one listed license.
///
/// SPDX ids match case-insensitively; every function returns the canonical casing.
public enum SPDXLicenseList {
    /// The SPDX License List version the bundled data comes from.
    public static var listVersion: String { SPDXLicenseData.listVersion }

    /// Every current (not deprecated) license id, canonical casing.
    public static var licenseIDs: [String] { SPDXLicenseData.licenseIDs }

    /// Every current exception id (the right-hand side of `WITH`), canonical casing.
    public static var exceptionIDs: [String] { SPDXLicenseData.exceptionIDs }

    /// Every deprecated license id, canonical casing.
    public static var deprecatedLicenseIDs: [String] { SPDXLicenseData.deprecatedLicenseIDs }

    /// One entry of the list.
    public struct Entry: Hashable, Sendable {
        /// The canonical id.
        public var id: String
        /// The full name, `"MIT License"`.
        public var name: String
        /// Whether the id is deprecated (still valid in expressions, but has a newer spelling).
        public var isDeprecated: Bool
        /// Whether the id is an exception (used after `WITH`), not a license.
        public var isException: Bool
        /// The current id replacing a deprecated one, when there is exactly one.
        public var replacement: String?
    }

    private static let entriesByLowercase: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ ids: [String], _ names: [String], deprecated: Bool, exception: Bool, replacements: [String]? = nil) {
            for (index, id) in ids.enumerated() {
                let name = index < names.count ? names[index] : id
                let replacement = replacements.flatMap { index < $0.count && !$0[index].isEmpty ? $0[index] : nil }
                let entry = Entry(id: id, name: name, isDeprecated: deprecated, isException: exception, replacement: replacement)
                if table[id.lowercased()] == nil { table[id.lowercased()] = entry }
            }
        }
        add(SPDXLicenseData.licenseIDs, SPDXLicenseData.licenseNames, deprecated: false, exception: false)
        add(SPDXLicenseData.exceptionIDs, SPDXLicenseData.exceptionNames, deprecated: false, exception: true)
        add(
            SPDXLicenseData.deprecatedLicenseIDs, SPDXLicenseData.deprecatedLicenseNames, deprecated: true, exception: false,
            replacements: SPDXLicenseData.deprecatedLicenseReplacements)
        add(SPDXLicenseData.deprecatedExceptionIDs, SPDXLicenseData.deprecatedExceptionNames, deprecated: true, exception: true)
        return table
    }()

    /// The list entry for `id` in any case (licenses and exceptions, current and deprecated), or nil.
    public static func entry(_ id: String) -> Entry? {
        entriesByLowercase[id.lowercased()]
    }

    /// The full name of a listed license or exception, or nil.
    public static func name(of id: String) -> String? {
        entry(id)?.name
    }

    /// The canonical spelling of a listed license id (current or deprecated) given in any case, or nil.
    /// Exceptions are not licenses and return nil.
    public static func canonicalLicenseID(_ id: String) -> String? {
        guard let entry = entry(id), !entry.isException else { return nil }
        return entry.id
    }

    /// The canonical spelling of a listed exception id given in any case, or nil.
    public static func canonicalException(_ name: String) -> String? {
        guard let entry = entry(name), entry.isException else { return nil }
        return entry.id
    }

    /// The current id for `id`: deprecated GNU ids become their `-only`/`-or-later` form, other
    /// deprecated ids their replacement when there is one; current ids are returned canonically cased.
    public static func currentLicenseID(_ id: String) -> String? {
        guard let entry = entry(id), !entry.isException else { return nil }
        return entry.replacement ?? entry.id
    }

    /// The canonical SPDX license id that a short name stands for, or nil when it is not one Bulwark knows.
    ///
    /// Accepts listed ids in any case (deprecated GNU ids map to their current form: `GPL-2.0+` →
    /// `GPL-2.0-or-later`), GNU short names (`GPL-2+`, `GPLv2+`, `LGPL2.1`) and the distribution
    /// short names of ``LicenseAliases/shortNames`` (`Expat`, `ASL 2.0`). Ambiguous names (`GPL`, `BSD`)
    /// return nil. `ID+` for non-GNU licenses returns nil here (see ``LicenseExpression/orLater(_:)``).
    public static func canonicalLicense(_ name: String) -> String? {
        let key = name.lowercased()
        if let gnu = gnuLicense(key) { return gnu }
        if let id = currentLicenseID(key) { return id }
        return LicenseAliases.shortNames[key]
    }

    /// Maps the GNU licenses' many spellings to their current SPDX ids.
    ///
    /// `key` is lower-case. Recognized: a family (`gpl`, `lgpl`, `agpl`, `gfdl`), an optional `-`, `v` or
    /// space, a version (`2`, `2.1`, `3.0`), then `+`, `-only`, `-or-later` or nothing (meaning "only", as
    /// the deprecated SPDX ids `GPL-2.0` and DEP-5 `GPL-2` do). `gpl+` is Fedora's "any GPL version".
    public static func gnuLicense(_ key: String) -> String? {
        if key == "gpl+" { return "GPL-1.0-or-later" }
        if key == "lgpl+" { return "LGPL-2.0-or-later" }
        var rest = Substring(key)
        guard let family = ["lgpl", "agpl", "gfdl", "gpl"].first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(family.count)
        if let first = rest.first, first == "-" || first == "v" || first == " " { rest = rest.dropFirst() }
        var version = ""
        while let char = rest.first, char.isASCII, char.isNumber || char == "." {
            version.append(char)
            rest = rest.dropFirst()
        }
        guard !version.isEmpty, !version.hasPrefix("."), !version.hasSuffix("."),
            version.split(separator: ".", omittingEmptySubsequences: false).count <= 2
        else { return nil }
        if !version.contains(".") { version += ".0" }
        let suffix: String
        switch rest {
        case "", "-only": suffix = "-only"
        case "+", "-or-later", "-or-later+", "-or-newer": suffix = "-or-later"
        default: return nil
        }
        let spelled = family.uppercased() + "-" + version + suffix
        guard let entry = entry(spelled), !entry.isException, !entry.isDeprecated else { return nil }
        return entry.id
    }
}
