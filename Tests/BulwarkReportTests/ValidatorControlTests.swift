import BulwarkCore
import BulwarkReport
import Foundation
import Testing

/// Proves the validation tests can fail: each validator must reject a document broken on purpose.
@Suite("Validator negative controls")
struct ValidatorControlTests {
    @Test(
        "the CycloneDX validator rejects a license id that is not on the SPDX list",
        .enabled(if: PythonValidator.cycloneDX.shouldRun, PythonValidator.cycloneDX.skipReason))
    func cycloneDXRejects() throws {
        let text = String(decoding: try TestHelpers.render(Samples.debian, .cyclonedx), as: UTF8.self)
        let broken = text.replacingOccurrences(of: #""id" : "GPL-2.0-or-later""#, with: #""id" : "GPL-2+""#)
        #expect(broken != text)
        #expect(try PythonValidator.cycloneDX.validate(Array(broken.utf8)) != nil)
    }

    @Test(
        "the CycloneDX validator rejects an unknown member",
        .enabled(if: PythonValidator.cycloneDX.shouldRun, PythonValidator.cycloneDX.skipReason))
    func cycloneDXRejectsUnknownMember() throws {
        let text = String(decoding: try TestHelpers.render(Samples.alpine, .cyclonedx), as: UTF8.self)
        let broken = text.replacingOccurrences(
            of: #""bomFormat" : "CycloneDX","#, with: #""bomFormat" : "CycloneDX", "extra" : 1,"#)
        #expect(broken != text)
        #expect(try PythonValidator.cycloneDX.validate(Array(broken.utf8)) != nil)
    }

    @Test(
        "the SPDX validator rejects a declared license that is not an SPDX expression",
        .enabled(if: PythonValidator.spdx.shouldRun, PythonValidator.spdx.skipReason))
    func spdxRejects() throws {
        let text = String(decoding: try TestHelpers.render(Samples.rhel, .spdxJSON), as: UTF8.self)
        let broken = text.replacingOccurrences(
            of: #""licenseDeclared" : "GPL-2.0-or-later AND LGPL-2.0-or-later""#,
            with: #""licenseDeclared" : "GPLv2+ and LGPLv2+""#)
        #expect(broken != text)
        #expect(try PythonValidator.spdx.validate(Array(broken.utf8)) != nil)
    }

    @Test(
        "the SPDX validator rejects an undeclared LicenseRef",
        .enabled(if: PythonValidator.spdx.shouldRun, PythonValidator.spdx.skipReason))
    func spdxRejectsUndeclaredRef() throws {
        let text = String(decoding: try TestHelpers.render(Samples.rhel, .spdxJSON), as: UTF8.self)
        // Rename the first declared LicenseRef so that its uses are left undeclared.
        let marker = #""licenseId" : "LicenseRef-"#
        let start = try #require(text.range(of: marker))
        let end = try #require(text[start.upperBound...].firstIndex(of: "\""))
        let declared = String(text[start.lowerBound..<end]) + "\""
        let broken = text.replacingOccurrences(of: declared, with: #""licenseId" : "LicenseRef-Other""#)
        #expect(broken != text)
        #expect(try PythonValidator.spdx.validate(Array(broken.utf8)) != nil)
    }
}
