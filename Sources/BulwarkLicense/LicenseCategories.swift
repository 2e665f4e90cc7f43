/// The default category of each license id: Google licenseclassifier's lists (the ones Trivy ports),
/// extended to whole families (every `GPL-*`, `CC-BY-NC-*`…), then ScanCode's category for other
/// listed ids, else unknown.
enum LicenseCategories {
    /// Explicit categories, keyed by id without `-only`/`-or-later`/`+`.
    static let explicit: [String: LicenseCategory] = {
        var table: [String: LicenseCategory] = [:]
        let forbidden = [
            "AGPL-1.0", "AGPL-3.0", "Commons-Clause", "Facebook-2-Clause", "Facebook-3-Clause", "Facebook-Examples",
            "WTFPL", "SSPL-1.0", "BUSL-1.1", "Elastic-2.0", "CC-BY-NC-1.0", "CC-BY-NC-2.0", "CC-BY-NC-2.5", "CC-BY-NC-3.0",
            "CC-BY-NC-4.0", "CC-BY-NC-ND-1.0", "CC-BY-NC-ND-2.0", "CC-BY-NC-ND-2.5", "CC-BY-NC-ND-3.0", "CC-BY-NC-ND-4.0",
            "CC-BY-NC-SA-1.0", "CC-BY-NC-SA-2.0", "CC-BY-NC-SA-2.5", "CC-BY-NC-SA-3.0", "CC-BY-NC-SA-4.0",
        ]
        let restricted = [
            "BCL", "CC-BY-ND-1.0", "CC-BY-ND-2.0", "CC-BY-ND-2.5", "CC-BY-ND-3.0", "CC-BY-ND-4.0", "CC-BY-SA-1.0",
            "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "GPL-1.0", "GPL-2.0", "GPL-3.0",
            "GPL-2.0-with-autoconf-exception", "GPL-2.0-with-bison-exception", "GPL-2.0-with-classpath-exception",
            "GPL-2.0-with-font-exception", "GPL-2.0-with-GCC-exception", "GPL-3.0-with-autoconf-exception",
            "GPL-3.0-with-GCC-exception", "LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "NPL-1.0", "NPL-1.1", "OSL-1.0", "OSL-1.1",
            "OSL-2.0", "OSL-2.1", "OSL-3.0", "QPL-1.0", "Sleepycat", "GFDL-1.1", "GFDL-1.2", "GFDL-1.3", "EUPL-1.0",
            "EUPL-1.1", "EUPL-1.2",
        ]
        let reciprocal = [
            "APSL-1.0", "APSL-1.1", "APSL-1.2", "APSL-2.0", "CDDL-1.0", "CDDL-1.1", "CPL-1.0", "EPL-1.0", "EPL-2.0",
            "FreeImage", "IPL-1.0", "MPL-1.0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "Ruby",
        ]
        let notice = [
            "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "Apache-1.0", "Apache-1.1", "Apache-2.0",
            "Artistic-1.0-cl8", "Artistic-1.0-Perl", "Artistic-1.0", "Artistic-2.0", "BSL-1.0", "BSD-2-Clause-FreeBSD",
            "BSD-2-Clause-NetBSD", "BSD-2-Clause", "BSD-2-Clause-Views", "BSD-3-Clause-Attribution", "BSD-3-Clause-Clear",
            "BSD-3-Clause-LBNL", "BSD-3-Clause", "BSD-4-Clause", "BSD-4-Clause-UC", "BSD-Protection", "CC-BY-1.0",
            "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0", "FTL", "ISC", "ImageMagick", "Libpng", "libpng-2.0",
            "Lil-1.0", "Linux-OpenIB", "LPL-1.02", "LPL-1.0", "MS-PL", "MIT", "MIT-0", "NCSA", "OpenSSL", "PHP-3.01",
            "PHP-3.0", "PIL", "Python-2.0", "Python-2.0.1", "PSF-2.0", "PostgreSQL", "SGI-B-1.0", "SGI-B-1.1", "SGI-B-2.0",
            "Unicode-DFS-2015", "Unicode-DFS-2016", "Unicode-3.0", "Unicode-TOU", "UPL-1.0", "W3C-19980720",
            "W3C-20150513", "W3C", "X11", "Xnet", "Zend-2.0", "zlib-acknowledgement", "Zlib", "ZPL-1.1", "ZPL-2.0",
            "ZPL-2.1", "curl", "JSON", "HPND", "bzip2-1.0.6", "IJG", "libtiff", "OFL-1.1", "BSD-Source-Code", "ICU",
        ]
        let unencumbered = ["CC0-1.0", "Unlicense", "0BSD", LicenseAliases.publicDomain]
        for (ids, category) in [
            (forbidden, LicenseCategory.forbidden), (restricted, .restricted), (reciprocal, .reciprocal), (notice, .notice),
            (unencumbered, .unencumbered),
        ] {
            for id in ids { table[id.lowercased()] = category }
        }
        table[LicenseAliases.proprietary.lowercased()] = .unknown
        return table
    }()

    /// ScanCode's categories for listed ids, from the generated data.
    static let scanCode: [String: String] = {
        var table: [String: String] = [:]
        for (index, id) in SPDXLicenseData.licenseIDs.enumerated() where index < SPDXLicenseData.licenseScanCodeCategories.count {
            let category = SPDXLicenseData.licenseScanCodeCategories[index]
            if !category.isEmpty { table[id.lowercased()] = category }
        }
        return table
    }()

    /// Exceptions that permit linking without the base license's terms spreading: a `restricted` base
    /// `WITH` one of these is `reciprocal`.
    static let linkingExceptions: Set<String> = [
        "classpath-exception-2.0", "classpath-exception-2.0-short", "gcc-exception-2.0", "gcc-exception-3.1",
        "llvm-exception", "linux-syscall-note", "autoconf-exception-2.0", "autoconf-exception-3.0",
        "autoconf-exception-generic", "autoconf-exception-generic-3.0", "bison-exception-1.24", "bison-exception-2.2",
        "font-exception-2.0", "libtool-exception", "ocaml-lgpl-linking-exception", "qt-lgpl-exception-1.1",
        "universal-foss-exception-1.0", "wxwindows-exception-3.1", "u-boot-exception-2.0", "389-exception",
        "openvpn-openssl-exception", "lgpl-3.0-linking-exception", "gnat-exception", "gstreamer-exception-2005",
        "gstreamer-exception-2008", "swift-exception", "fltk-exception", "i2p-gpl-java-exception",
    ]

    /// The default category of one license id (any case; `-only`, `-or-later`, `+` ignored).
    static func category(of id: String) -> LicenseCategory {
        var key = id.lowercased()
        if key.hasSuffix("+") { key.removeLast() }
        for suffix in ["-only", "-or-later"] where key.hasSuffix(suffix) { key.removeLast(suffix.count) }
        if let category = explicit[key] { return category }
        // Families: whatever the version.
        if key.hasPrefix("agpl-") { return .forbidden }
        if key.hasPrefix("cc-by-nc") { return .forbidden }
        if key.hasPrefix("gpl-") || key.hasPrefix("lgpl-") || key.hasPrefix("gfdl-") { return .restricted }
        if key.hasPrefix("cc-by-sa") || key.hasPrefix("cc-by-nd") { return .restricted }
        if key.hasPrefix("cc-by-") { return .notice }
        if key.hasPrefix("mpl-") || key.hasPrefix("epl-") || key.hasPrefix("cddl-") { return .reciprocal }
        if key.hasPrefix("bsd-") || key.hasPrefix("mit-") || key.hasPrefix("apache-") { return .notice }
        switch scanCode[key] {
        case "Permissive"?: return .notice
        case "Public Domain"?: return .unencumbered
        case "Copyleft"?: return .restricted
        case "Copyleft Limited"?: return .reciprocal
        case "Source-available"?, "Commercial"?: return .forbidden
        default: return .unknown
        }
    }
}
