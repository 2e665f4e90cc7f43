/// The tables ``LicenseNormalizer`` resolves license names with. Phrases are written naturally here and
/// compared through ``LicensePhrase/looseKey(_:)``, so case, punctuation, `License`/`Licence`,
/// `Version`/`v` and `the` do not matter.
enum LicenseAliases {
    /// The `LicenseRef-` that public-domain dedications normalize to (there is no SPDX id for them).
    static let publicDomain = "LicenseRef-Public-Domain"
    /// The `LicenseRef-` that proprietary statements (`UNLICENSED`, `Proprietary`) normalize to.
    static let proprietary = "LicenseRef-Proprietary"

    /// Distribution short names (Debian DEP-5, Fedora legacy, Alpine) that denote exactly one SPDX
    /// license. Keys are lower-case and compared exactly (after lower-casing).
    static let shortNames: [String: String] = [
        "expat": "MIT", "mit/x11": "MIT", "asl 2.0": "Apache-2.0", "asl-2.0": "Apache-2.0", "asl2.0": "Apache-2.0",
        "apache 2.0": "Apache-2.0", "apache-2": "Apache-2.0", "apache2": "Apache-2.0", "apache 2": "Apache-2.0",
        "apache2.0": "Apache-2.0", "asl 1.1": "Apache-1.1", "asl 1.0": "Apache-1.0", "mplv1.0": "MPL-1.0",
        "mplv1.1": "MPL-1.1", "mplv2.0": "MPL-2.0", "mpl 2.0": "MPL-2.0", "boost": "BSL-1.0", "psf-2": "PSF-2.0",
        "cc0": "CC0-1.0", "artistic 2.0": "Artistic-2.0", "artistic-2": "Artistic-2.0",
        "bsd-2-clause-freebsd": "BSD-2-Clause", "zpl 2.1": "ZPL-2.1", "cddl": "CDDL-1.0", "epl": "EPL-1.0",
        "public-domain-cc0": "CC0-1.0",
    ]

    /// Names (any spelling) → SPDX expression. Complements the SPDX full names, which are matched too.
    static let phrases: [(String, String)] = [
        ("MIT", "MIT"), ("MIT License", "MIT"), ("MIT/X11", "MIT"), ("MIT X11", "MIT"), ("Expat", "MIT"),
        ("Expat License", "MIT"), ("Bouncy Castle Licence", "MIT"), ("MIT-0", "MIT-0"), ("MIT No Attribution", "MIT-0"),
        ("X11", "X11"), ("X11 License", "X11"), ("ISC", "ISC"), ("ISCL", "ISC"), ("ISC License", "ISC"),
        ("BSD 3-Clause", "BSD-3-Clause"), ("3-Clause BSD", "BSD-3-Clause"), ("BSD-3", "BSD-3-Clause"),
        ("BSD3", "BSD-3-Clause"), ("New BSD", "BSD-3-Clause"), ("BSD New", "BSD-3-Clause"),
        ("Revised BSD", "BSD-3-Clause"), ("Modified BSD", "BSD-3-Clause"), ("BSD 3-Clause New", "BSD-3-Clause"),
        ("BSD 3-Clause Revised", "BSD-3-Clause"), ("New BSD License (3-clause)", "BSD-3-Clause"),
        ("Eclipse Distribution License 1.0", "BSD-3-Clause"), ("EDL 1.0", "BSD-3-Clause"),
        ("BSD 2-Clause", "BSD-2-Clause"), ("2-Clause BSD", "BSD-2-Clause"), ("BSD-2", "BSD-2-Clause"),
        ("BSD2", "BSD-2-Clause"), ("Simplified BSD", "BSD-2-Clause"), ("FreeBSD", "BSD-2-Clause"),
        ("BSD Simplified", "BSD-2-Clause"), ("BSD 2-Clause Simplified", "BSD-2-Clause"),
        ("BSD 4-Clause", "BSD-4-Clause"), ("4-Clause BSD", "BSD-4-Clause"), ("Original BSD", "BSD-4-Clause"),
        ("BSD-4", "BSD-4-Clause"), ("Zero-Clause BSD", "0BSD"), ("BSD Zero Clause", "0BSD"), ("0BSD", "0BSD"),
        ("Zlib", "Zlib"), ("zlib/libpng", "Zlib"), ("zlib-libpng", "Zlib"), ("zlib/libpng License", "Zlib"),
        ("Unlicense", "Unlicense"), ("The Unlicense", "Unlicense"), ("CC0", "CC0-1.0"), ("CC0 1.0", "CC0-1.0"),
        ("CC0 1.0 Universal", "CC0-1.0"), ("CC0 1.0 Universal Public Domain Dedication", "CC0-1.0"),
        ("Creative Commons Zero", "CC0-1.0"),
        ("Public Domain", publicDomain), ("public-domain", publicDomain), ("PD", publicDomain),
        ("Public Domain Dedication", publicDomain), ("Released into the public domain", publicDomain),
        ("WTFPL", "WTFPL"), ("Do What The F*ck You Want To Public License", "WTFPL"),
        ("PSF", "PSF-2.0"), ("PSFL", "PSF-2.0"), ("PSF-2", "PSF-2.0"), ("PSF License", "PSF-2.0"),
        ("Python Software Foundation", "PSF-2.0"), ("Python Software Foundation License", "PSF-2.0"),
        ("PSF 2.0", "PSF-2.0"), ("Python", "Python-2.0"), ("Python License", "Python-2.0"), ("Python 2.0", "Python-2.0"),
        ("Boost", "BSL-1.0"), ("Boost Software License", "BSL-1.0"), ("BSL", "BSL-1.0"), ("Boost License", "BSL-1.0"),
        ("JSON", "JSON"), ("Ruby", "Ruby"), ("Ruby License", "Ruby"), ("PostgreSQL", "PostgreSQL"),
        ("OpenSSL", "OpenSSL"), ("OpenSSL License", "OpenSSL"), ("Vim", "Vim"), ("Unicode", "Unicode-DFS-2016"),
        ("UPL", "UPL-1.0"), ("Universal Permissive License", "UPL-1.0"), ("NCSA", "NCSA"),
        ("University of Illinois/NCSA Open Source License", "NCSA"), ("MS-PL", "MS-PL"),
        ("Microsoft Public License", "MS-PL"), ("Apache", "Apache-2.0"), ("Apache License", "Apache-2.0"),
        ("Apache Software License", "Apache-2.0"), ("ASL", "Apache-2.0"), ("Apache Software", "Apache-2.0"),
        ("The Apache Software License, Version 2.0", "Apache-2.0"), ("AL 2.0", "Apache-2.0"), ("AL2", "Apache-2.0"),
        ("Apache License 2.0 (Apache-2.0)", "Apache-2.0"), ("Apache Software License 2.0", "Apache-2.0"),
        ("Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"), ("MPL2", "MPL-2.0"), ("MPL-2", "MPL-2.0"),
        ("GPL2 w/ CPE", "GPL-2.0-only WITH Classpath-exception-2.0"),
        ("GPLv2 with Classpath Exception", "GPL-2.0-only WITH Classpath-exception-2.0"),
        ("GNU General Public License, version 2 with the GNU Classpath Exception",
            "GPL-2.0-only WITH Classpath-exception-2.0"),
        ("CDDL + GPLv2 with classpath exception", "CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0"),
        ("CDDL+GPL License", "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0"),
        ("CDDL+GPL", "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0"),
        ("CDDL/GPLv2+CE", "CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0"),
        ("Dual license consisting of the CDDL v1.1 and GPL v2", "CDDL-1.1 OR GPL-2.0-only"),
        ("Eclipse Public License", "EPL-1.0"), ("EPL", "EPL-1.0"), ("CDDL", "CDDL-1.0"),
        ("Common Development and Distribution License", "CDDL-1.0"), ("Perl", "Artistic-1.0-Perl OR GPL-1.0-or-later"),
        ("Perl 5", "Artistic-1.0-Perl OR GPL-1.0-or-later"), ("Same as Perl itself", "Artistic-1.0-Perl OR GPL-1.0-or-later"),
        ("Artistic-1.0-Perl", "Artistic-1.0-Perl"), ("Artistic 2.0", "Artistic-2.0"), ("Artistic License 2.0", "Artistic-2.0"),
        ("libpng", "Libpng"), ("libtiff", "libtiff"), ("bzip2", "bzip2-1.0.6"), ("curl", "curl"), ("IJG", "IJG"),
        ("OpenLDAP-2.8", "OLDAP-2.8"), ("OpenLDAP", "OLDAP-2.8"), ("SIL OFL 1.1", "OFL-1.1"), ("OFL", "OFL-1.1"), ("HPND", "HPND"), ("Sleepycat", "Sleepycat"),
        ("Unlicensed", proprietary), ("UNLICENSED", proprietary), ("Proprietary", proprietary),
        ("Commercial", proprietary), ("Other/Proprietary License", proprietary), ("Proprietary License", proprietary),
        ("All rights reserved", proprietary), ("SSPL", "SSPL-1.0"), ("Server Side Public License", "SSPL-1.0"),
        ("BUSL", "BUSL-1.1"), ("Business Source License", "BUSL-1.1"), ("Elastic License 2.0", "Elastic-2.0"),
    ]

    /// License families whose ids are `PREFIX-VERSION`; `gnu` families take `-only`/`-or-later`.
    /// Keys are loose phrases; a version must follow (except where ``phrases`` gives a default).
    static let families: [(String, String, Bool)] = [
        ("gpl", "GPL", true), ("gnu gpl", "GPL", true), ("gnu general public", "GPL", true),
        ("general public", "GPL", true), ("gnu public", "GPL", true), ("gplv", "GPL", true),
        ("lgpl", "LGPL", true), ("gnu lgpl", "LGPL", true), ("gnu lesser general public", "LGPL", true),
        ("gnu library general public", "LGPL", true), ("lesser general public", "LGPL", true),
        ("library general public", "LGPL", true), ("gnu lesser public", "LGPL", true), ("gnu library or lesser general public", "LGPL", true),
        ("agpl", "AGPL", true), ("gnu agpl", "AGPL", true), ("gnu affero general public", "AGPL", true),
        ("affero general public", "AGPL", true), ("affero gpl", "AGPL", true),
        ("gfdl", "GFDL", true), ("fdl", "GFDL", true), ("gnu fdl", "GFDL", true), ("gnu free documentation", "GFDL", true),
        ("apache", "Apache", false), ("apache software", "Apache", false), ("asl", "Apache", false), ("al", "Apache", false),
        ("mpl", "MPL", false), ("mozilla public", "MPL", false), ("mozilla", "MPL", false),
        ("epl", "EPL", false), ("eclipse public", "EPL", false), ("eclipse", "EPL", false),
        ("cddl", "CDDL", false), ("common development and distribution", "CDDL", false),
        ("artistic", "Artistic", false), ("zpl", "ZPL", false), ("zope public", "ZPL", false), ("zope", "ZPL", false),
        ("afl", "AFL", false), ("academic free", "AFL", false), ("osl", "OSL", false), ("open software", "OSL", false),
        ("eupl", "EUPL", false), ("european union public", "EUPL", false), ("cpl", "CPL", false),
        ("common public", "CPL", false), ("ofl", "OFL", false), ("sil open font", "OFL", false), ("open font", "OFL", false),
        ("sil ofl", "OFL", false), ("lppl", "LPPL", false), ("latex project public", "LPPL", false),
        ("cc by", "CC-BY", false), ("creative commons attribution", "CC-BY", false),
        ("cc by sa", "CC-BY-SA", false), ("creative commons attribution sharealike", "CC-BY-SA", false),
        ("creative commons attribution share alike", "CC-BY-SA", false), ("cc by nc", "CC-BY-NC", false),
        ("creative commons attribution noncommercial", "CC-BY-NC", false), ("cc by nd", "CC-BY-ND", false),
        ("creative commons attribution noderivatives", "CC-BY-ND", false), ("cc by nc sa", "CC-BY-NC-SA", false),
        ("creative commons attribution noncommercial sharealike", "CC-BY-NC-SA", false),
        ("cc by nc nd", "CC-BY-NC-ND", false), ("creative commons attribution noncommercial noderivatives", "CC-BY-NC-ND", false),
        ("php", "PHP", false), ("python", "Python", false), ("psf", "PSF", false),
        ("python software foundation", "PSF", false), ("bsl", "BSL", false), ("boost software", "BSL", false),
        ("boost", "BSL", false), ("ecl", "ECL", false), ("educational community", "ECL", false),
        ("npl", "NPL", false), ("netscape public", "NPL", false), ("ipl", "IPL", false), ("ibm public", "IPL", false),
        ("apsl", "APSL", false), ("apple public source", "APSL", false), ("upl", "UPL", false),
        ("universal permissive", "UPL", false), ("sspl", "SSPL", false), ("server side public", "SSPL", false),
        ("busl", "BUSL", false), ("business source", "BUSL", false), ("elastic", "Elastic", false),
        ("qpl", "QPL", false), ("q public", "QPL", false), ("w3c", "W3C", false), ("zend", "Zend", false),
    ]

    /// Exception names (any spelling) → SPDX exception id, besides the SPDX exception names themselves.
    static let exceptionPhrases: [(String, String)] = [
        ("Classpath", "Classpath-exception-2.0"), ("Classpath exception", "Classpath-exception-2.0"),
        ("GNU Classpath exception", "Classpath-exception-2.0"), ("CPE", "Classpath-exception-2.0"),
        ("the Classpath exception", "Classpath-exception-2.0"), ("GCC exception", "GCC-exception-3.1"),
        ("GCC runtime library exception", "GCC-exception-3.1"), ("GCC runtime exception", "GCC-exception-3.1"),
        ("Autoconf exception", "Autoconf-exception-3.0"), ("Bison exception", "Bison-exception-2.2"),
        ("Font exception", "Font-exception-2.0"), ("Linux syscall note", "Linux-syscall-note"),
        ("syscall exception", "Linux-syscall-note"), ("LLVM exception", "LLVM-exception"),
        ("LLVM", "LLVM-exception"), ("Libtool exception", "Libtool-exception"),
        ("OCaml linking exception", "OCaml-LGPL-linking-exception"), ("u-boot exception", "u-boot-exception-2.0"),
        ("WxWindows exception", "WxWindows-exception-3.1"), ("Qt LGPL exception", "Qt-LGPL-exception-1.1"),
    ]

    /// Well-known license URLs (scheme, `www.`, trailing `/` and extensions removed, lower-case) → expression.
    static let urls: [String: String] = [
        "apache.org/licenses/license-2.0": "Apache-2.0", "apache.org/licenses/license-1.1": "Apache-1.1",
        "apache.org/licenses/license-1.0": "Apache-1.0", "apache.org/licenses": "Apache-2.0",
        "opensource.org/licenses/bsd-license": "BSD-2-Clause", "opensource.org/licenses/mit-license": "MIT",
        "mit-license.org": "MIT", "unlicense.org": "Unlicense", "boost.org/license_1_0": "BSL-1.0",
        "boost.org/users/license": "BSL-1.0", "json.org/license": "JSON", "golang.org/license": "BSD-3-Clause",
        "go.dev/license": "BSD-3-Clause", "eclipse.org/legal/epl-v10": "EPL-1.0", "eclipse.org/legal/epl-v20": "EPL-2.0",
        "eclipse.org/legal/epl-2.0": "EPL-2.0", "eclipse.org/org/documents/epl-v10": "EPL-1.0",
        "eclipse.org/org/documents/edl-v10": "BSD-3-Clause", "eclipse.org/legal/edl-v10": "BSD-3-Clause",
        "mozilla.org/mpl/2.0": "MPL-2.0", "mozilla.org/mpl/mpl-1.1": "MPL-1.1", "mozilla.org/mpl/1.1": "MPL-1.1",
        "creativecommons.org/publicdomain/zero/1.0": "CC0-1.0", "creativecommons.org/publicdomain/zero/1.0/legalcode": "CC0-1.0",
        "glassfish.java.net/public/cddl+gpl_1_1": "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
        "glassfish.dev.java.net/public/cddl+gpl_1_1": "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
        "oss.oracle.com/licenses/cddl+gpl-1.1": "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0",
        "openjdk.java.net/legal/gplv2+ce": "GPL-2.0-only WITH Classpath-exception-2.0",
        "bouncycastle.org/licence": "MIT", "wtfpl.net": "WTFPL", "sam.zoy.org/wtfpl": "WTFPL",
        "json.org/license.html": "JSON", "python.org/psf/license": "PSF-2.0", "docs.python.org/3/license": "PSF-2.0",
        "gnu.org/licenses/gpl": "GPL-3.0-only", "gnu.org/licenses/lgpl": "LGPL-3.0-only",
        "gnu.org/licenses/agpl": "AGPL-3.0-only", "gnu.org/copyleft/gpl": "GPL-3.0-only",
        "gnu.org/copyleft/lesser": "LGPL-3.0-only",
    ]
}
