/// The part of the SPDX License List Bulwark recognizes, plus the short names distributions use for
/// the same licenses.
///
/// Only identifiers known to be on the official list (https://spdx.org/licenses/) are here, so an id
/// this type returns is valid in an SPDX license expression and in a CycloneDX `license.id`.
/// Anything else a package declares becomes a `LicenseRef-` (SPDX) or a license name (CycloneDX).
enum SPDXLicenseList {
    /// Canonical license identifiers, spelled as the SPDX License List spells them.
    static let licenseIDs: [String] = [
        "0BSD", "AFL-2.1", "AFL-3.0", "AGPL-1.0-only", "AGPL-1.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later",
        "Apache-1.0", "Apache-1.1", "Apache-2.0", "APSL-2.0", "Artistic-1.0", "Artistic-1.0-Perl", "Artistic-2.0",
        "Beerware", "blessing", "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause",
        "BSD-3-Clause-Clear", "BSD-4-Clause", "BSD-4-Clause-UC", "BSL-1.0", "bzip2-1.0.6", "CC-BY-3.0", "CC-BY-4.0",
        "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CPL-1.0", "curl", "ECL-2.0", "EPL-1.0",
        "EPL-2.0", "EUPL-1.1", "EUPL-1.2", "FSFAP", "FSFUL", "FSFULLR", "FTL", "GFDL-1.1-only", "GFDL-1.1-or-later",
        "GFDL-1.2-only", "GFDL-1.2-or-later", "GFDL-1.3-only", "GFDL-1.3-or-later", "GPL-1.0-only",
        "GPL-1.0-or-later", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later", "HPND",
        "ICU", "IJG", "Imlib2", "Info-ZIP", "ISC", "JSON", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1-only",
        "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "libpng-2.0", "Libpng", "libtiff", "LPPL-1.3c",
        "MirOS", "MIT", "MIT-0", "MPL-1.0", "MPL-1.1", "MPL-2.0", "MS-PL", "NCSA", "NTP", "OFL-1.1", "OLDAP-2.8",
        "OpenSSL", "PHP-3.01", "PostgreSQL", "PSF-2.0", "Python-2.0", "Ruby", "SGI-B-2.0", "Sleepycat",
        "Spencer-94", "TCL", "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "Vim", "W3C", "WTFPL", "X11", "Zlib",
        "zlib-acknowledgement", "ZPL-2.1",
    ]

    /// Canonical license exception identifiers (the right-hand side of `WITH`).
    static let exceptionIDs: [String] = [
        "389-exception", "Autoconf-exception-2.0", "Autoconf-exception-3.0", "Bison-exception-2.2",
        "Classpath-exception-2.0", "FLTK-exception", "Font-exception-2.0", "GCC-exception-2.0", "GCC-exception-3.1",
        "Libtool-exception", "Linux-syscall-note", "LLVM-exception", "openvpn-openssl-exception",
        "u-boot-exception-2.0", "WxWindows-exception-3.1",
    ]

    /// Distribution short names (Debian DEP-5, Fedora legacy, Alpine) that denote exactly one SPDX license.
    /// Keys are lower-case. The GNU family (`GPL-2+`, `GPLv2+`, `LGPL2.1`…) is handled by ``gnuLicense(_:)``.
    static let aliases: [String: String] = [
        "expat": "MIT",
        "mit/x11": "MIT",
        "asl 2.0": "Apache-2.0",
        "asl-2.0": "Apache-2.0",
        "apache 2.0": "Apache-2.0",
        "apache-2": "Apache-2.0",
        "apache2": "Apache-2.0",
        "apache 2": "Apache-2.0",
        "asl 1.1": "Apache-1.1",
        "asl 1.0": "Apache-1.0",
        "mplv1.0": "MPL-1.0",
        "mplv1.1": "MPL-1.1",
        "mplv2.0": "MPL-2.0",
        "mpl 2.0": "MPL-2.0",
        "boost": "BSL-1.0",
        "psf-2": "PSF-2.0",
        "cc0": "CC0-1.0",
        "artistic 2.0": "Artistic-2.0",
        "artistic-2": "Artistic-2.0",
        "bsd-2-clause-freebsd": "BSD-2-Clause",
        "zpl 2.1": "ZPL-2.1",
        "cddl": "CDDL-1.0",
        "epl": "EPL-1.0",
        "public-domain-cc0": "CC0-1.0",
    ]

    /// Identifiers keyed by their lower-case spelling (SPDX ids match case-insensitively).
    private static let licenseByLowercase: [String: String] = Dictionary(
        licenseIDs.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    private static let exceptionByLowercase: [String: String] = Dictionary(
        exceptionIDs.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The canonical SPDX identifier `name` stands for, or nil when it is not one Bulwark knows.
    ///
    /// Accepts canonical ids in any case, deprecated GNU ids (`GPL-2.0`, `GPL-2.0+`) and distribution
    /// short names (`GPL-2+`, `GPLv2+`, `Expat`, `ASL 2.0`).
    ///
    /// `ID+` for non-GNU licenses (`MPL-1.1+`) is not mapped: SPDX 2.3 Annex D allows the `+` operator,
    /// but the SPDX tools reject it, so such licenses become `LicenseRef-`s like other unmapped names.
    static func canonicalLicense(_ name: String) -> String? {
        let key = name.lowercased()
        if let gnu = gnuLicense(key) { return gnu }
        if let id = licenseByLowercase[key] { return id }
        return aliases[key]
    }

    /// The canonical exception identifier for `name`, or nil when unknown.
    static func canonicalException(_ name: String) -> String? {
        exceptionByLowercase[name.lowercased()]
    }

    /// Maps the GNU licenses' many spellings to their current SPDX ids.
    ///
    /// `key` is lower-case. Recognized: a family (`gpl`, `lgpl`, `agpl`, `gfdl`), an optional `-`, `v` or
    /// space, a version (`2`, `2.1`, `3.0`), then `+`, `-only`, `-or-later` or nothing (meaning "only", as
    /// the deprecated SPDX ids `GPL-2.0` and DEP-5 `GPL-2` do). `gpl+` is Fedora's "any GPL version".
    static func gnuLicense(_ key: String) -> String? {
        if key == "gpl+" { return "GPL-1.0-or-later" }
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
        case "+", "-or-later", "-or-later+": suffix = "-or-later"
        default: return nil
        }
        let spelled = family.uppercased() + "-" + version + suffix
        return licenseByLowercase[spelled.lowercased()]
    }
}
