import BulwarkCore
import Foundation
import Testing

@testable import BulwarkLicense

@Suite("License categories and policy")
struct LicensePolicyTests {
    let policy = LicensePolicy()

    @Test(
        "default categories follow licenseclassifier",
        arguments: [
            ("AGPL-3.0-only", LicenseCategory.forbidden), ("AGPL-3.0-or-later", .forbidden), ("SSPL-1.0", .forbidden),
            ("CC-BY-NC-4.0", .forbidden), ("CC-BY-NC-SA-3.0", .forbidden), ("WTFPL", .forbidden),
            ("GPL-2.0-only", .restricted), ("GPL-3.0-or-later", .restricted), ("LGPL-2.1-only", .restricted),
            ("CC-BY-SA-4.0", .restricted), ("OSL-3.0", .restricted), ("MPL-2.0", .reciprocal), ("EPL-2.0", .reciprocal),
            ("CDDL-1.1", .reciprocal), ("Ruby", .reciprocal), ("Apache-2.0", .notice), ("MIT", .notice),
            ("BSD-3-Clause", .notice), ("ISC", .notice), ("Zlib", .notice), ("CC-BY-4.0", .notice),
            ("Unlicense", .unencumbered), ("CC0-1.0", .unencumbered), ("0BSD", .unencumbered),
            ("LicenseRef-Public-Domain", .unencumbered), ("LicenseRef-Proprietary", .unknown),
            ("LicenseRef-Whatever", .unknown), ("Some Custom Text", .unknown), ("mit", .notice),
            ("BSD-2-Clause-Patent", .notice), ("GFDL-1.3-or-later", .restricted),
        ])
    func defaults(id: String, category: LicenseCategory) {
        #expect(policy.category(of: id) == category)
    }

    @Test(
        "expressions: OR takes the least restrictive, AND the most, WITH the base (linking exceptions lower it)",
        arguments: [
            ("MIT OR GPL-2.0-only", LicenseCategory.notice), ("MIT AND GPL-2.0-only", .restricted),
            ("AGPL-3.0-only OR MIT", .notice), ("(MIT OR AGPL-3.0-only) AND MPL-2.0", .reciprocal),
            ("GPL-2.0-only WITH Classpath-exception-2.0", .reciprocal), ("GPL-2.0-only WITH Autoconf-exception-2.0", .reciprocal),
            ("Apache-2.0 WITH LLVM-exception", .notice), ("AGPL-3.0-only WITH Classpath-exception-2.0", .forbidden),
            ("GPL-3.0-only WITH AdditionRef-foo", .restricted), ("MPL-1.1+", .reciprocal),
            ("MIT AND LicenseRef-unknown-thing", .unknown), ("MIT OR LicenseRef-unknown-thing", .notice),
            ("AGPL-3.0-only AND LicenseRef-unknown-thing", .forbidden),
        ])
    func expressions(text: String, category: LicenseCategory) throws {
        #expect(policy.category(of: try LicenseExpression(spdx: text)) == category)
    }

    @Test("normalized statements: unrecognized text is unknown unless overridden by its text")
    func normalized() throws {
        let normalizer = LicenseNormalizer()
        let custom = try #require(normalizer.normalize("Our Custom License"))
        #expect(policy.category(of: custom) == .unknown)
        let overridden = LicensePolicy(categories: ["our custom license": .permissive])
        #expect(overridden.category(of: custom) == .permissive)
        let statements = ["MIT", "GPLv2+"].compactMap(normalizer.normalize)
        #expect(policy.category(of: statements) == .restricted)
        #expect(policy.category(of: [NormalizedLicense]()) == nil)
    }

    @Test("user overrides, allowed and forbidden lists win over the defaults")
    func overrides() throws {
        let custom = LicensePolicy(
            categories: ["MPL-2.0": .notice, "LicenseRef-Proprietary": .permissive, "GPL-3.0": .forbidden],
            allowed: ["LGPL-2.1-only", "MIT"], forbidden: ["MIT", "Apache-2.0"])
        #expect(custom.category(of: "mpl-2.0") == .notice)
        #expect(custom.category(of: "LicenseRef-Proprietary") == .permissive)
        #expect(custom.category(of: "GPL-3.0-only") == .forbidden)
        #expect(custom.category(of: "GPL-3.0-or-later") == .forbidden)
        #expect(custom.category(of: "GPL-2.0-only") == .restricted)
        #expect(custom.category(of: "LGPL-2.1-only") == .permissive)
        #expect(custom.category(of: "MIT") == .forbidden, "forbidden wins over allowed")
        #expect(custom.category(of: try LicenseExpression(spdx: "Apache-2.0 OR LGPL-2.1-only")) == .permissive)
        #expect(custom.category(of: try LicenseExpression(spdx: "GPL-2.0-only WITH Classpath-exception-2.0")) == .reciprocal)
        let whole = LicensePolicy(categories: ["GPL-2.0-only WITH Classpath-exception-2.0": .notice])
        #expect(whole.category(of: try LicenseExpression(spdx: "GPL-2.0-only WITH Classpath-exception-2.0")) == .notice)
    }

    @Test("the policy decodes from a plain structure with every key optional")
    func codable() throws {
        let json = #"{"categories": {"MPL-2.0": "notice"}, "forbidden": ["GPL-3.0-only"]}"#
        let decoded = try JSONDecoder().decode(LicensePolicy.self, from: Data(json.utf8))
        #expect(decoded == LicensePolicy(categories: ["MPL-2.0": .notice], forbidden: ["GPL-3.0-only"]))
        #expect(try JSONDecoder().decode(LicensePolicy.self, from: Data("{}".utf8)) == LicensePolicy())
        let bad = #"{"categories": {"MIT": "sorta-ok"}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LicensePolicy.self, from: Data(bad.utf8)) }
        let roundTrip = try JSONDecoder().decode(LicensePolicy.self, from: JSONEncoder().encode(decoded))
        #expect(roundTrip == decoded)
    }

    @Test("severity per category and the --fail-on-license threshold")
    func severities() {
        #expect(LicenseCategory.forbidden.severity == .critical)
        #expect(LicenseCategory.restricted.severity == .high)
        #expect(LicenseCategory.reciprocal.severity == .medium)
        #expect(LicenseCategory.notice.severity == .low)
        #expect(LicenseCategory.permissive.severity == nil)
        #expect(LicenseCategory.unencumbered.severity == nil)
        #expect(LicenseCategory.unknown.severity == .unknown)
        #expect(LicenseCategory.forbidden.fails(threshold: .restricted))
        #expect(LicenseCategory.unknown.fails(threshold: .restricted))
        #expect(!LicenseCategory.reciprocal.fails(threshold: .restricted))
        #expect(!LicenseCategory.restricted.fails(threshold: .forbidden))
        #expect(LicenseCategory.allCases.sorted().first == .unencumbered)
        #expect(LicenseCategory.allCases.sorted().last == .forbidden)
    }
}
