/// Licenses from Python core metadata: `License-Expression`, else a short `License`, else the
/// `License ::` trove classifiers mapped to SPDX ids where the classifier names one license version.
public enum PythonLicense {
    /// The longest `License:` value kept; longer ones are license texts, not names.
    public static let maxLicenseFieldLength = 80

    /// Classifier suffixes (after `License :: OSI Approved :: ` or `License :: `) that name one SPDX license.
    static let classifierToSPDX: [String: String] = [
        "MIT License": "MIT",
        "MIT No Attribution License (MIT-0)": "MIT-0",
        "ISC License (ISCL)": "ISC",
        "The Unlicense (Unlicense)": "Unlicense",
        "Python Software Foundation License": "PSF-2.0",
        "Mozilla Public License 1.0 (MPL)": "MPL-1.0",
        "Mozilla Public License 1.1 (MPL 1.1)": "MPL-1.1",
        "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
        "GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
        "GNU General Public License v2 or later (GPLv2+)": "GPL-2.0-or-later",
        "GNU General Public License v3 (GPLv3)": "GPL-3.0-only",
        "GNU General Public License v3 or later (GPLv3+)": "GPL-3.0-or-later",
        "GNU Lesser General Public License v2 (LGPLv2)": "LGPL-2.0-only",
        "GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.0-or-later",
        "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
        "GNU Lesser General Public License v3 or later (LGPLv3+)": "LGPL-3.0-or-later",
        "GNU Affero General Public License v3": "AGPL-3.0-only",
        "GNU Affero General Public License v3 or later (AGPLv3+)": "AGPL-3.0-or-later",
        "Eclipse Public License 1.0 (EPL-1.0)": "EPL-1.0",
        "Eclipse Public License 2.0 (EPL-2.0)": "EPL-2.0",
        "Boost Software License 1.0 (BSL-1.0)": "BSL-1.0",
        "zlib/libpng License": "Zlib",
        "European Union Public Licence 1.1 (EUPL 1.1)": "EUPL-1.1",
        "European Union Public Licence 1.2 (EUPL 1.2)": "EUPL-1.2",
        "Universal Permissive License (UPL)": "UPL-1.0",
        "Apache Software License 2.0 (Apache-2.0)": "Apache-2.0",
        "CC0 1.0 Universal (CC0 1.0) Public Domain Dedication": "CC0-1.0",
    ]

    /// The licenses a metadata record declares, most authoritative source first.
    public static func licenses(expression: String?, license: String?, classifiers: [String]) -> [String] {
        if let expression = expression?.strippedOfBlanks, !expression.isEmpty { return [expression] }
        if let license = license?.strippedOfBlanks, !license.isEmpty, license.count <= maxLicenseFieldLength, !license.contains("\n"),
            license.uppercased() != "UNKNOWN"
        {
            return [license]
        }
        var out: [String] = []
        for classifier in classifiers {
            let parts = classifier.split(separator: "::").map { $0.strippedOfBlanks }
            guard parts.first == "License", let last = parts.last, parts.count >= 2, last != "OSI Approved" else { continue }
            let mapped = classifierToSPDX[last] ?? last
            if !out.contains(mapped) { out.append(mapped) }
        }
        return out
    }
}
