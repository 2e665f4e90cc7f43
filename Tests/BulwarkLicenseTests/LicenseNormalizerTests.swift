import Foundation
import Testing

@testable import BulwarkLicense

/// Real-world spellings, by source, and the SPDX expression each must normalize to.
enum NormalizationCases {
    static let debian: [(String, String)] = [
        ("GPL-2+", "GPL-2.0-or-later"), ("GPL-2", "GPL-2.0-only"), ("LGPL-2.1+", "LGPL-2.1-or-later"),
        ("GPL-1+ or Artistic-2.0", "GPL-1.0-or-later OR Artistic-2.0"), ("Expat", "MIT"), ("BSD-3-clause", "BSD-3-Clause"),
        ("BSD-2-clause", "BSD-2-Clause"), ("BSD-3", "BSD-3-Clause"), ("public-domain", "LicenseRef-Public-Domain"),
        ("Public-domain", "LicenseRef-Public-Domain"), ("PD", "LicenseRef-Public-Domain"),
        ("LGPL-3+ or GPL-2+", "LGPL-3.0-or-later OR GPL-2.0-or-later"),
        ("LGPLv3+_or_GPLv2+", "LGPL-3.0-or-later OR GPL-2.0-or-later"), ("GPL-3.0+", "GPL-3.0-or-later"),
        ("BSL-1.0 and MIT", "BSL-1.0 AND MIT"), ("MIT/X11", "MIT"), ("Zlib", "Zlib"), ("ZLIB", "Zlib"),
        ("CC0-1.0", "CC0-1.0"), ("OpenLDAP-2.8", "OLDAP-2.8"), ("FSFULLR", "FSFULLR"),
        ("GPL-2+ with Autoconf exception", "GPL-2.0-or-later WITH Autoconf-exception-3.0"),
        ("GPL-3+ with Bison exception", "GPL-3.0-or-later WITH Bison-exception-2.2"),
        ("GPL-2+ or Artistic-2.0, and BSD-3-clause", "(GPL-2.0-or-later OR Artistic-2.0) AND BSD-3-Clause"),
        ("MPL-1.1 or GPL-2+ or LGPL-2.1+", "MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later"),
        ("GFDL-1.2+", "GFDL-1.2-or-later"), ("Apache-2", "Apache-2.0"), ("PSF-2", "PSF-2.0"),
        ("MIT + file LICENSE", "MIT"),
    ]
    static let rpm: [(String, String)] = [
        ("GPLv2+", "GPL-2.0-or-later"), ("GPLv2", "GPL-2.0-only"), ("GPLv3+", "GPL-3.0-or-later"),
        ("LGPLv2+", "LGPL-2.0-or-later"), ("LGPLv2.1", "LGPL-2.1-only"), ("ASL 2.0", "Apache-2.0"),
        ("MIT and BSD-3-Clause", "MIT AND BSD-3-Clause"), ("GPLv2+ and LGPLv2+", "GPL-2.0-or-later AND LGPL-2.0-or-later"),
        ("GPLv2 or GPLv3", "GPL-2.0-only OR GPL-3.0-only"), ("MPLv2.0", "MPL-2.0"), ("ZPLv2.1", "ZPL-2.1"),
        ("Boost", "BSL-1.0"), ("Public Domain", "LicenseRef-Public-Domain"), ("GPL+ or Artistic", "GPL-1.0-or-later OR ?Artistic"),
        ("(GPLv2+ or MIT) and BSD", "(GPL-2.0-or-later OR MIT) AND ?BSD"), ("LGPLv2+ with exceptions", "LGPL-2.0-or-later WITH ?AdditionRef-exceptions"),
        ("GPL-2.0-or-later AND LGPL-2.1-or-later", "GPL-2.0-or-later AND LGPL-2.1-or-later"),
        ("Apache-2.0 WITH LLVM-exception", "Apache-2.0 WITH LLVM-exception"), ("OpenSSL", "OpenSSL"),
        ("Python", "Python-2.0"), ("Sleepycat", "Sleepycat"), ("GPLv2 with exceptions", "GPL-2.0-only WITH ?AdditionRef-exceptions"),
    ]
    static let apk: [(String, String)] = [
        ("GPL-2.0-or-later", "GPL-2.0-or-later"), ("MIT AND BSD-2-Clause", "MIT AND BSD-2-Clause"), ("GPL2", "GPL-2.0-only"),
        ("MIT BSD GPL2+", "MIT AND ?BSD AND GPL-2.0-or-later"), ("MPL-2.0 GPL-2.0-or-later", "MPL-2.0 AND GPL-2.0-or-later"),
        ("( Apache-2.0 OR MIT ) AND MPL-2.0", "(Apache-2.0 OR MIT) AND MPL-2.0"), ("openssl", "OpenSSL"),
        ("ISC AND (BSD-3-Clause OR MIT)", "ISC AND (BSD-3-Clause OR MIT)"), ("GPL-2.0", "GPL-2.0-only"),
        ("Public-Domain", "LicenseRef-Public-Domain"), ("GPL-2.0-only WITH Linux-syscall-note", "GPL-2.0-only WITH Linux-syscall-note"),
    ]
    static let pypi: [(String, String)] = [
        ("License :: OSI Approved :: MIT License", "MIT"), ("License :: OSI Approved :: Apache Software License", "Apache-2.0"),
        ("License :: OSI Approved :: BSD License", "?"), ("License :: OSI Approved :: ISC License (ISCL)", "ISC"),
        ("License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)", "GPL-2.0-or-later"),
        ("License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0-only"),
        ("License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"),
        ("License :: OSI Approved :: Python Software Foundation License", "PSF-2.0"),
        ("License :: Public Domain", "LicenseRef-Public-Domain"), ("License :: Other/Proprietary License", "LicenseRef-Proprietary"),
        ("License :: OSI Approved :: The Unlicense (Unlicense)", "Unlicense"),
        ("License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0"),
        ("License :: OSI Approved :: GNU Affero General Public License v3", "AGPL-3.0-only"),
        ("License :: OSI Approved :: zlib/libpng License", "Zlib"),
        ("License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)", "BSL-1.0"),
        ("License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)", "EPL-2.0"),
        ("Apache 2.0", "Apache-2.0"), ("Apache License 2.0", "Apache-2.0"), ("BSD 3-Clause", "BSD-3-Clause"),
        ("new BSD", "BSD-3-Clause"), ("Simplified BSD", "BSD-2-Clause"), ("MIT License", "MIT"), ("PSF", "PSF-2.0"),
        ("Python Software Foundation License", "PSF-2.0"), ("ISC License (ISCL)", "ISC"), ("MPL 2.0", "MPL-2.0"),
        ("ZPL 2.1", "ZPL-2.1"), ("Apache-2.0 OR BSD-3-Clause", "Apache-2.0 OR BSD-3-Clause"), ("3-Clause BSD License", "BSD-3-Clause"),
        ("BSD 3-Clause \"New\" or \"Revised\" License", "BSD-3-Clause"), ("The MIT License (MIT)", "MIT"),
        ("GNU GPL v3", "GPL-3.0-only"), ("LGPL-3.0-or-later", "LGPL-3.0-or-later"), ("Modified BSD License", "BSD-3-Clause"),
        ("Dual License", "?"), ("UNKNOWN", "?"), ("Apache Software License 2.0", "Apache-2.0"),
        ("MIT OR Apache-2.0", "MIT OR Apache-2.0"), ("Python", "Python-2.0"), ("'MIT'", "MIT"),
    ]
    static let npm: [(String, String)] = [
        ("(MIT OR Apache-2.0)", "MIT OR Apache-2.0"), ("MIT", "MIT"), ("ISC", "ISC"), ("Artistic-2.0", "Artistic-2.0"),
        ("MIT or BSD-2-Clause", "MIT OR BSD-2-Clause"), ("GPL-3.0-only WITH GCC-exception-3.1", "GPL-3.0-only WITH GCC-exception-3.1"),
        ("BSD-2-Clause AND BSD-3-Clause", "BSD-2-Clause AND BSD-3-Clause"), ("LicenseRef-LICENSE.txt", "LicenseRef-LICENSE.txt"),
        ("UNLICENSED", "LicenseRef-Proprietary"), ("Unlicense", "Unlicense"), ("(MIT AND Zlib)", "MIT AND Zlib"),
        ("MIT/Apache-2.0", "MIT OR Apache-2.0"), ("Apache-2.0 AND (MIT OR GPL-2.0)", "Apache-2.0 AND (MIT OR GPL-2.0-only)"),
        ("WTFPL", "WTFPL"), ("0BSD", "0BSD"), ("BlueOak-1.0.0", "BlueOak-1.0.0"), ("CC-BY-4.0", "CC-BY-4.0"),
        ("(GPL-3.0 OR LGPL-3.0 OR MPL-1.1 OR SEE LICENSE IN LICENSE)", "GPL-3.0-only OR LGPL-3.0-only OR MPL-1.1 OR ?SEE LICENSE IN LICENSE"),
        ("MIT, Apache-2.0", "MIT AND Apache-2.0"),
    ]
    static let maven: [(String, String)] = [
        ("The Apache Software License, Version 2.0", "Apache-2.0"), ("Apache License, Version 2.0", "Apache-2.0"),
        ("Eclipse Public License v2.0", "EPL-2.0"), ("Eclipse Public License 1.0", "EPL-1.0"),
        ("Eclipse Public License - v 1.0", "EPL-1.0"), ("MIT License", "MIT"),
        ("https://www.apache.org/licenses/LICENSE-2.0.txt", "Apache-2.0"), ("http://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0"),
        ("http://opensource.org/licenses/MIT", "MIT"), ("https://opensource.org/licenses/BSD-3-Clause", "BSD-3-Clause"),
        ("http://www.opensource.org/licenses/mit-license.php", "MIT"), ("https://www.eclipse.org/legal/epl-2.0/", "EPL-2.0"),
        ("http://www.gnu.org/licenses/old-licenses/lgpl-2.1.html", "LGPL-2.1-only"), ("https://www.gnu.org/licenses/gpl-3.0.html", "GPL-3.0-only"),
        ("http://www.mozilla.org/MPL/2.0/", "MPL-2.0"), ("https://spdx.org/licenses/MIT.html", "MIT"),
        ("CDDL + GPLv2 with classpath exception", "CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0"),
        ("GNU General Public License, version 2 with the GNU Classpath Exception", "GPL-2.0-only WITH Classpath-exception-2.0"),
        ("Common Development and Distribution License (CDDL) v1.0", "CDDL-1.0"), ("GNU Lesser General Public License", "?"),
        ("GNU Lesser General Public License, Version 2.1", "LGPL-2.1-only"), ("Bouncy Castle Licence", "MIT"),
        ("The BSD License", "?"), ("New BSD License", "BSD-3-Clause"), ("GPL2 w/ CPE", "GPL-2.0-only WITH Classpath-exception-2.0"),
        ("Mozilla Public License Version 2.0", "MPL-2.0"), ("http://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0"), ("Creative Commons Attribution 4.0 International", "CC-BY-4.0"),
        ("GNU Affero General Public License v3.0 or later", "AGPL-3.0-or-later"),
    ]
    static let gemAndComposer: [(String, String)] = [
        ("Ruby", "Ruby"), ("BSD-2-Clause", "BSD-2-Clause"), ("Artistic 2.0", "Artistic-2.0"), ("GPL-2.0+", "GPL-2.0-or-later"),
        ("LGPL-2.1-only", "LGPL-2.1-only"), ("MPL-1.1+", "MPL-1.1+"), ("perl_5", "Artistic-1.0-Perl OR GPL-1.0-or-later"),
    ]
    static let all = debian + rpm + apk + pypi + npm + maven + gemAndComposer
}

@Suite("License normalizer")
struct LicenseNormalizerTests {
    let normalizer = LicenseNormalizer()

    @Test("at least 80 real-world spellings are covered")
    func count() {
        #expect(NormalizationCases.all.count >= 80)
    }

    /// `expected` is the SPDX rendering with unknown operands prefixed by `?`; `"?"` alone means nothing
    /// was recognized.
    @Test("real-world spellings from every source normalize", arguments: NormalizationCases.all)
    func normalizes(declared: String, expected: String) throws {
        let result = try #require(normalizer.normalize(declared))
        #expect(result.original == declared)
        if expected == "?" {
            #expect(result.expression == nil)
            #expect(!result.recognized)
            #expect(result.reason != nil)
            return
        }
        let expression = try #require(result.expression)
        #expect(Self.markingUnknown(expression) == expected)
        #expect(result.recognized == !expected.contains("?"))
        if result.recognized, !expected.contains("LicenseRef-"), !expected.contains("+") {
            #expect(try LicenseExpression(spdx: expression.description) == expression, "valid strict SPDX")
        }
    }

    /// SPDX rendering with unrecognized operands (and `AdditionRef-` exceptions) prefixed by `?`.
    static func markingUnknown(_ expression: LicenseExpression) -> String {
        switch expression {
        case .unknown(let text): return "?" + text
        case .license, .orLater, .reference: return expression.description
        case .with(let base, let exception):
            return markingUnknown(base) + " WITH " + (exception.hasPrefix("AdditionRef-") ? "?" : "") + exception
        case .and(let children):
            return children.map { child in
                if case .or = child { return "(" + markingUnknown(child) + ")" }
                return markingUnknown(child)
            }.joined(separator: " AND ")
        case .or(let children):
            return children.map(markingUnknown).joined(separator: " OR ")
        }
    }

    @Test("SEE LICENSE IN, blank and no-assertion statements keep the text and say why")
    func reasons() throws {
        let see = try #require(normalizer.normalize("SEE LICENSE IN LICENSE.md"))
        #expect(see.reason == .seeLicenseFile("LICENSE.md"))
        #expect(!see.recognized && see.expression == nil && see.unrecognizedParts == ["SEE LICENSE IN LICENSE.md"])
        #expect(normalizer.normalize("   ") == nil)
        #expect(normalizer.normalize("NOASSERTION")?.reason == .noAssertion)
        #expect(normalizer.normalize("License :: OSI Approved")?.reason == .noAssertion)
        #expect(normalizer.normalize("MIT AND")?.reason == .malformedExpression)
        #expect(normalizer.normalize("((MIT")?.reason == .malformedExpression)
        #expect(normalizer.normalize("Foo Bar License")?.reason == .unknownName)
        let partial = try #require(normalizer.normalize("MIT and Foo"))
        #expect(partial.reason == .partiallyUnknown)
        #expect(partial.unrecognizedParts == ["Foo"])
        #expect(partial.displayText == "MIT AND Foo")
    }

    @Test("a whole license text where a name was expected is identified when a text identifier is given")
    func licenseTextStatement() throws {
        let text = try #require(BundledLicenseTexts.all.first { $0.id == "MIT" }?.text)
        #expect(LicenseNormalizer().normalize(text)?.reason == .licenseText)
        let identified = try #require(LicenseNormalizer(textIdentifier: .bundled()).normalize("Copyright (c) 2020 Someone\n\n" + text))
        #expect(identified.expression == .license("MIT"))
        #expect(identified.recognized)
        #expect(identified.identifiedText?.id == "MIT")
    }

    static func sharedFixtures() -> URL? {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [repo.deletingLastPathComponent().appendingPathComponent("shared"), URL(fileURLWithPath: "/work/shared")] {
            let fixtures = candidate.appendingPathComponent("fixtures")
            if FileManager.default.fileExists(atPath: fixtures.path) { return fixtures }
        }
        return nil
    }

    /// `License:` values of DEP-5 copyright files (first line of each stanza's field).
    static func copyrightLicenses(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            guard line.hasPrefix("License:") else { return nil }
            let value = line.dropFirst("License:".count).trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
    }

    static let machineCopyrights: [URL] = {
        let doc = URL(fileURLWithPath: "/usr/share/doc")
        guard let packages = try? FileManager.default.contentsOfDirectory(atPath: doc.path) else { return [] }
        return packages.sorted().map { doc.appendingPathComponent($0).appendingPathComponent("copyright") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }()

    @Test(
        "every License: field of this machine's Debian copyright files normalizes without crashing (ratio printed)",
        .enabled(if: !machineCopyrights.isEmpty))
    func machineCopyrightFiles() throws {
        var total = 0
        var recognized = 0
        var distinct: [String: Bool] = [:]
        let start = Date()
        for file in Self.machineCopyrights {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            for license in Self.copyrightLicenses(String(decoding: data, as: UTF8.self)) {
                guard let result = normalizer.normalize(license) else { continue }
                total += 1
                if result.recognized { recognized += 1 }
                distinct[license] = result.recognized
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        let ratio = total == 0 ? 0 : Double(recognized) / Double(total)
        let distinctRatio = distinct.isEmpty ? 0 : Double(distinct.values.filter { $0 }.count) / Double(distinct.count)
        print(
            "license-normalizer: \(Self.machineCopyrights.count) copyright files, \(total) License: fields, "
                + "recognized \(recognized) (\(String(format: "%.1f", ratio * 100))%); distinct spellings \(distinct.count), "
                + "recognized \(String(format: "%.1f", distinctRatio * 100))%; \(String(format: "%.2f", elapsed)) s")
        #expect(total > 0)
        #expect(ratio > 0.8, "recognized ratio \(ratio)")
        #expect(elapsed < 30)
    }

    @Test("the License: fields of the shared dpkg copyright fixtures normalize", .enabled(if: sharedFixtures() != nil))
    func fixtureCopyrights() throws {
        let fixtures = try #require(Self.sharedFixtures())
        let root = fixtures.appendingPathComponent("pkgdb/dpkg")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var total = 0
        var recognized = 0
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix("copyright") else { continue }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { continue }
            for license in Self.copyrightLicenses(String(decoding: data, as: UTF8.self)) {
                guard let result = normalizer.normalize(license) else { continue }
                total += 1
                if result.recognized { recognized += 1 }
            }
        }
        print("license-normalizer: shared dpkg copyright fixtures: \(recognized)/\(total) recognized")
        #expect(total > 0)
        #expect(recognized * 2 > total)
    }

    @Test("the licenses of the shared apk fixtures normalize", .enabled(if: sharedFixtures() != nil))
    func fixtureAPK() throws {
        let fixtures = try #require(Self.sharedFixtures())
        let root = fixtures.appendingPathComponent("pkgdb/apk")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var total = 0
        var recognized = 0
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix("installed") else { continue }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("L:") {
                guard let result = normalizer.normalize(String(line.dropFirst(2))) else { continue }
                total += 1
                if result.recognized { recognized += 1 }
            }
        }
        print("license-normalizer: shared apk fixtures: \(recognized)/\(total) recognized")
        #expect(total > 0)
        #expect(Double(recognized) / Double(max(total, 1)) > 0.8)
    }
}
