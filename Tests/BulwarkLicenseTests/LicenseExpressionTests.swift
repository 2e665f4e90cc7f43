import BulwarkCore
import Foundation
import Testing

@testable import BulwarkLicense

@Suite("License expressions")
struct LicenseExpressionTests {
    @Test(
        "short names map to SPDX ids only when the mapping is clean",
        arguments: [
            ("MIT", "MIT"), ("mit", "MIT"), ("Expat", "MIT"), ("GPL-2", "GPL-2.0-only"), ("GPL-2+", "GPL-2.0-or-later"),
            ("GPLv2", "GPL-2.0-only"), ("GPLv2+", "GPL-2.0-or-later"), ("GPLv3+", "GPL-3.0-or-later"),
            ("GPL-2.0", "GPL-2.0-only"), ("GPL-2.0+", "GPL-2.0-or-later"), ("GPL-2.0-only", "GPL-2.0-only"),
            ("GPL+", "GPL-1.0-or-later"), ("GPL2+", "GPL-2.0-or-later"), ("LGPL-2.1+", "LGPL-2.1-or-later"),
            ("LGPLv2+", "LGPL-2.0-or-later"), ("LGPL2.1", "LGPL-2.1-only"), ("lgpl-3.0-or-later", "LGPL-3.0-or-later"),
            ("AGPL-3+", "AGPL-3.0-or-later"), ("GFDL-1.3+", "GFDL-1.3-or-later"), ("ASL 2.0", "Apache-2.0"),
            ("Apache-2.0", "Apache-2.0"), ("BSD-3-clause", "BSD-3-Clause"), ("zlib", "Zlib"), ("MPLv2.0", "MPL-2.0"),
            ("Boost", "BSL-1.0"), ("apache-2.0", "Apache-2.0"), ("0bsd", "0BSD"), ("bsl-1.0", "BSL-1.0"),
        ])
    func canonical(name: String, id: String) {
        #expect(SPDXLicenseList.canonicalLicense(name) == id)
    }

    @Test(
        "ambiguous or unknown names are not guessed",
        arguments: [
            "BSD", "GPL", "LGPL", "Artistic", "Python", "Public Domain", "public-domain", "GPL-2.5", "GPLv2.1.1",
            "GPL-2-", "", "+", "MPL-1.1+",
        ])
    func notGuessed(name: String) {
        #expect(SPDXLicenseList.canonicalLicense(name) == nil)
    }

    @Test(
        "lenient parsing and rendering (the SBOM writers' reading)",
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
            ("MPL-1.1+", "?MPL-1.1+"),
            ("LicenseRef-Custom.1 OR MIT", "?LicenseRef-Custom.1 OR MIT"),
        ])
    func lenient(text: String, rendered: String) throws {
        let expression = try #require(LicenseExpression(parsing: text))
        #expect(expression.rendered { "?" + $0 } == rendered)
    }

    @Test(
        "strict SPDX expressions round-trip to canonical form",
        arguments: [
            ("MIT", "MIT"),
            ("mit", "MIT"),
            ("apache-2.0 or mit", "Apache-2.0 OR MIT"),
            ("GPL-2.0+", "GPL-2.0-or-later"),
            ("LGPL-2.1", "LGPL-2.1-only"),
            ("MPL-1.1+", "MPL-1.1+"),
            ("(MIT OR Apache-2.0) AND BSD-3-Clause", "(MIT OR Apache-2.0) AND BSD-3-Clause"),
            ("MIT OR Apache-2.0 AND BSD-3-Clause", "MIT OR Apache-2.0 AND BSD-3-Clause"),
            ("((MIT))", "MIT"),
            ("(MIT OR (ISC OR 0BSD))", "MIT OR ISC OR 0BSD"),
            ("MIT AND (ISC AND Zlib)", "MIT AND ISC AND Zlib"),
            ("GPL-2.0-or-later WITH classpath-exception-2.0", "GPL-2.0-or-later WITH Classpath-exception-2.0"),
            ("Apache-2.0 WITH LLVM-exception OR MIT", "Apache-2.0 WITH LLVM-exception OR MIT"),
            ("LicenseRef-Foo.bar-1 AND MIT", "LicenseRef-Foo.bar-1 AND MIT"),
            ("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"),
            ("GPL-3.0-only WITH AdditionRef-my-exception", "GPL-3.0-only WITH AdditionRef-my-exception"),
        ])
    func strictRoundTrip(text: String, canonical: String) throws {
        let expression = try LicenseExpression(spdx: text)
        #expect(expression.description == canonical)
        #expect(try LicenseExpression(spdx: expression.description) == expression)
    }

    @Test("precedence: WITH binds tighter than AND, AND tighter than OR")
    func precedence() throws {
        let expression = try LicenseExpression(spdx: "MIT OR GPL-2.0-only WITH Classpath-exception-2.0 AND ISC")
        let expected: LicenseExpression = .or([
            .license("MIT"),
            .and([.with(.license("GPL-2.0-only"), exception: "Classpath-exception-2.0"), .license("ISC")]),
        ])
        #expect(expression == expected)
        let grouped = try LicenseExpression(spdx: "(MIT OR ISC) AND Zlib")
        #expect(grouped == .and([.or([.license("MIT"), .license("ISC")]), .license("Zlib")]))
    }

    @Test(
        "strict parse errors are thrown values naming the problem",
        arguments: [
            "", "MIT AND", "AND MIT", "(MIT", "MIT)", "MIT OR OR ISC", "Not A License", "Foo-1.0", "MIT WITH",
            "MIT WITH Foo-exception", "(MIT OR ISC) WITH Classpath-exception-2.0", "MIT WITH MIT", "LicenseRef-",
            "LicenseRef-a b", "()",
        ])
    func strictErrors(text: String) {
        #expect(throws: BulwarkError.self) { try LicenseExpression(spdx: text) }
    }

    @Test("hostile nesting and length fall back to one unknown license, or a limit error when strict")
    func hostile() throws {
        let deep = String(repeating: "(", count: 500) + "MIT" + String(repeating: ")", count: 500)
        #expect(try #require(LicenseExpression(parsing: deep)) == .unknown(deep))
        let long = Array(repeating: "MIT", count: 2000).joined(separator: " AND ")
        #expect(try #require(LicenseExpression(parsing: long)) == .unknown(long))
        #expect(LicenseExpression(parsing: " \n ") == nil)
        do {
            _ = try LicenseExpression(spdx: deep)
            Issue.record("deep nesting parsed")
        } catch let error as BulwarkError {
            #expect(error.code == .limitExceeded)
        }
        let nested = String(repeating: "(", count: 31) + "MIT" + String(repeating: ")", count: 31)
        #expect(try LicenseExpression(spdx: nested) == .license("MIT"))
    }

    @Test("unknown operands, fully-known flag and the ids used")
    func introspection() throws {
        let expression = try #require(LicenseExpression(parsing: "MIT AND (Foo OR MPL-1.1+) AND LicenseRef-X"))
        #expect(!expression.isFullyKnown)
        #expect(expression.unknownOperands == ["Foo", "MPL-1.1+", "LicenseRef-X"])
        #expect(expression.licenseIDs == ["MIT", "MPL-1.1"])
        #expect(try LicenseExpression(spdx: "MIT OR ISC").isFullyKnown)
        let addition = try LicenseExpression(spdx: "GPL-2.0-only WITH AdditionRef-x")
        #expect(addition.unknownOperands == ["GPL-2.0-only WITH AdditionRef-x"])
        #expect(addition.rendered { "LicenseRef-" + LicenseText.idstring($0) } == "LicenseRef-GPL-2.0-only-WITH-AdditionRef-x")
    }

    @Test("allOf and anyOf flatten and deduplicate")
    func combinators() {
        let all = LicenseExpression.allOf([.license("MIT"), .and([.license("MIT"), .license("ISC")]), .license("Zlib")])
        #expect(all == .and([.license("MIT"), .license("ISC"), .license("Zlib")]))
        #expect(LicenseExpression.anyOf([.license("MIT")]) == .license("MIT"))
        #expect(LicenseExpression.anyOf([]) == nil)
        #expect(LicenseExpression.or([.license("A"), .license("B")]) == LicenseExpression.anyOf([.license("A"), .or([.license("B")])]))
    }

    @Test("declared licenses deduplicate and combine with AND")
    func declared() {
        let declared = DeclaredLicenses(["MIT", " MIT ", "", "GPLv2+ or MIT"])
        #expect(declared.entries.count == 2)
        #expect(declared.combined?.description == "MIT AND (GPL-2.0-or-later OR MIT)")
        #expect(DeclaredLicenses([]).combined == nil)
    }
}
