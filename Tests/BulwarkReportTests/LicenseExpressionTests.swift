@testable import BulwarkLicense
import Foundation
import Testing

@testable import BulwarkReport

@Suite("License expressions")
struct LicenseExpressionTests {
    @Test(
        "distribution license names map to SPDX ids only when the mapping is clean",
        arguments: [
            ("MIT", "MIT"), ("mit", "MIT"), ("Expat", "MIT"), ("GPL-2", "GPL-2.0-only"), ("GPL-2+", "GPL-2.0-or-later"),
            ("GPLv2", "GPL-2.0-only"), ("GPLv2+", "GPL-2.0-or-later"), ("GPLv3+", "GPL-3.0-or-later"),
            ("GPL-2.0", "GPL-2.0-only"), ("GPL-2.0+", "GPL-2.0-or-later"), ("GPL-2.0-only", "GPL-2.0-only"),
            ("GPL+", "GPL-1.0-or-later"), ("GPL2+", "GPL-2.0-or-later"), ("LGPL-2.1+", "LGPL-2.1-or-later"),
            ("LGPLv2+", "LGPL-2.0-or-later"), ("LGPL2.1", "LGPL-2.1-only"), ("lgpl-3.0-or-later", "LGPL-3.0-or-later"),
            ("AGPL-3+", "AGPL-3.0-or-later"), ("GFDL-1.3+", "GFDL-1.3-or-later"), ("ASL 2.0", "Apache-2.0"),
            ("Apache-2.0", "Apache-2.0"), ("BSD-3-clause", "BSD-3-Clause"), ("zlib", "Zlib"), ("MPLv2.0", "MPL-2.0"),
            ("Boost", "BSL-1.0"),
        ])
    func canonical(name: String, id: String) {
        #expect(SPDXLicenseList.canonicalLicense(name) == id)
    }

    @Test(
        "ambiguous or unknown names are not guessed",
        arguments: [
            "BSD", "GPL", "LGPL", "Artistic", "Python", "Public Domain", "public-domain", "GPL-2.5", "GPLv2.1.1",
            "GPL-2-",
            "", "+", "MPL-1.1+",
        ])
    func notGuessed(name: String) {
        #expect(SPDXLicenseList.canonicalLicense(name) == nil)
    }

    @Test(
        "parsing and rendering",
        arguments: [
            ("MIT", "MIT"),
            ("GPLv2+ and LGPLv2+", "GPL-2.0-or-later AND LGPL-2.0-or-later"),
            ("BSD-3-Clause OR MIT", "BSD-3-Clause OR MIT"),
            ("MIT AND (Apache-2.0 OR BSD-2-Clause)", "MIT AND (Apache-2.0 OR BSD-2-Clause)"),
            ("(MIT)", "MIT"),
            ("MIT or GPLv2+ and BSD", "MIT OR GPL-2.0-or-later AND ?BSD"),
            ("GPL-2.0-only WITH Linux-syscall-note", "GPL-2.0-only WITH Linux-syscall-note"),
            ("ASL 2.0 and Public Domain", "Apache-2.0 AND ?Public Domain"),
            ("GPLv2+ with exceptions", "?GPLv2+ with exceptions"),
            ("MIT AND", "?MIT AND"),
            ("(MIT", "?(MIT"),
            ("MIT )", "?MIT )"),
            ("AND MIT", "?AND MIT"),
            ("GPL2+ LGPL2+", "?GPL2+ LGPL2+"),
            ("  MIT\n  AND\tZlib ", "MIT AND Zlib"),
        ])
    func parse(text: String, rendered: String) throws {
        let expression = try #require(LicenseExpression(parsing: text))
        #expect(expression.rendered { "?" + $0 } == rendered)
    }

    @Test("hostile nesting and length fall back to one unknown license")
    func hostile() throws {
        let deep = String(repeating: "(", count: 500) + "MIT" + String(repeating: ")", count: 500)
        #expect(try #require(LicenseExpression(parsing: deep)) == .unknown(deep))
        let long = Array(repeating: "MIT", count: 2000).joined(separator: " AND ")
        #expect(try #require(LicenseExpression(parsing: long)) == .unknown(long))
        #expect(LicenseExpression(parsing: " \n ") == nil)
    }

    @Test("LicenseRef ids are sanitized, unique regardless of case, and stable per text")
    func licenseRefs() {
        var registry = LicenseRefRegistry()
        #expect(registry.reference(for: "Public Domain") == "LicenseRef-Public-Domain")
        #expect(registry.reference(for: "public domain") == "LicenseRef-public-domain-2")
        #expect(registry.reference(for: "Public Domain") == "LicenseRef-Public-Domain")
        #expect(registry.reference(for: "LicenseRef-Custom.1") == "LicenseRef-Custom.1")
        #expect(registry.reference(for: "ÄÖÜ") == "LicenseRef-unknown")
        #expect(registry.reference(for: "???") == "LicenseRef-unknown-2")
        let long = registry.reference(for: String(repeating: "x", count: 300))
        #expect(long.count <= "LicenseRef-".count + 64)
        #expect(registry.references.count == 6)
    }

    @Test(
        "every id Bulwark emits is on the official SPDX lists used by the validators",
        .enabled(if: PythonValidator.cycloneDX.shouldRun && PythonValidator.spdx.shouldRun, "validators not installed"))
    func idsAreOfficial() throws {
        for validator in [PythonValidator.cycloneDX, .spdx] where !validator.isInstalled {
            throw PythonValidator.Missing(validator: validator)
        }
        let payload = try JSONSerialization.data(withJSONObject: [
            "licenses": SPDXLicenseList.licenseIDs,
            "mapped": Array(Set(LicenseAliases.shortNames.values)).sorted(),
            "exceptions": SPDXLicenseList.exceptionIDs,
        ])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bulwark-ids-\(UUID().uuidString).json")
        try payload.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = """
            import json, os, sys
            import cyclonedx.schema._res as res
            from license_expression import get_spdx_licensing
            ids = json.load(open(sys.argv[1]))
            enum = set(json.load(open(os.path.join(os.path.dirname(res.__file__), "spdx.SNAPSHOT.schema.json")))["enum"])
            licensing = get_spdx_licensing()
            bad = [i for i in ids["licenses"] + ids["exceptions"] if i not in enum]
            # license-expression trails the SPDX list by a few new ids; the ids Bulwark maps names to must be known to it.
            bad += [i for i in ids["mapped"] if i not in enum or licensing.validate(i).invalid_symbols]
            # Exceptions added to SPDX after the installed license-expression release are reported, not failed.
            newer = [i for i in ids["exceptions"] if licensing.validate("MIT WITH " + i).invalid_symbols]
            if len(newer) > 10: bad += newer
            print("exceptions unknown to license-expression:", newer, file=sys.stderr)
            print(bad)
            sys.exit(1 if bad else 0)
            """
        let result = try PythonValidator.runPython(["-c", script, directory.path])
        #expect(result.status == 0, "\(result.output)")
    }
}
