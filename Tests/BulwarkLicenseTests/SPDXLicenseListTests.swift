import Foundation
import Testing

@testable import BulwarkLicense

@Suite("SPDX License List data")
struct SPDXLicenseListTests {
    @Test("the full list is bundled: licenses, deprecated ids and exceptions, with names")
    func sizes() {
        #expect(SPDXLicenseList.licenseIDs.count >= 600)
        #expect(SPDXLicenseList.exceptionIDs.count >= 60)
        #expect(SPDXLicenseList.deprecatedLicenseIDs.contains("GPL-2.0+"))
        #expect(SPDXLicenseData.licenseNames.count == SPDXLicenseData.licenseIDs.count)
        #expect(SPDXLicenseData.exceptionNames.count == SPDXLicenseData.exceptionIDs.count)
        #expect(SPDXLicenseData.deprecatedLicenseReplacements.count == SPDXLicenseData.deprecatedLicenseIDs.count)
        #expect(Set(SPDXLicenseList.licenseIDs.map { $0.lowercased() }).count == SPDXLicenseList.licenseIDs.count)
        #expect(Set(SPDXLicenseList.licenseIDs).isDisjoint(with: SPDXLicenseList.exceptionIDs))
    }

    @Test(
        "case-insensitive look-up returns the canonical casing and the name",
        arguments: [
            ("mit", "MIT", "MIT License"), ("APACHE-2.0", "Apache-2.0", "Apache License 2.0"),
            ("bsd-3-clause", "BSD-3-Clause", "BSD 3-Clause \"New\" or \"Revised\" License"),
            ("classpath-exception-2.0", "Classpath-exception-2.0", "Classpath exception 2.0"),
            ("llvm-exception", "LLVM-exception", "LLVM Exception"), ("0bsd", "0BSD", "BSD Zero Clause License"),
        ])
    func lookup(query: String, id: String, name: String) throws {
        let entry = try #require(SPDXLicenseList.entry(query))
        #expect(entry.id == id)
        #expect(entry.name == name)
    }

    @Test("exceptions are not licenses, licenses are not exceptions; deprecated ids know their replacement")
    func kinds() {
        #expect(SPDXLicenseList.canonicalException("linux-syscall-note") == "Linux-syscall-note")
        #expect(SPDXLicenseList.canonicalException("MIT") == nil)
        #expect(SPDXLicenseList.canonicalLicenseID("Classpath-exception-2.0") == nil)
        #expect(SPDXLicenseList.entry("GPL-2.0")?.isDeprecated == true)
        #expect(SPDXLicenseList.currentLicenseID("gpl-3.0+") == "GPL-3.0-or-later")
        #expect(SPDXLicenseList.currentLicenseID("LGPL-2.1") == "LGPL-2.1-only")
        #expect(SPDXLicenseList.currentLicenseID("wxWindows") == "wxWindows")
        #expect(SPDXLicenseList.entry("Nokia-Qt-exception-1.1")?.isException == true)
    }

    static let python = ProcessInfo.processInfo.environment["BULWARK_PYTHON"] ?? "python3"
    static let validatorInstalled: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", "import license_expression"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(
        "every current id is accepted by the license-expression validator (PyPI license-expression)",
        .enabled(if: validatorInstalled || ProcessInfo.processInfo.environment["CI"] == "true"))
    func officialIDs() throws {
        let payload = try JSONSerialization.data(withJSONObject: [
            "licenses": SPDXLicenseList.licenseIDs, "exceptions": SPDXLicenseList.exceptionIDs,
        ])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-license-ids-\(UUID().uuidString).json")
        try payload.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys
            from license_expression import get_spdx_licensing
            ids = json.load(open(sys.argv[1]))
            licensing = get_spdx_licensing()
            bad = [i for i in ids["licenses"] if licensing.validate(i).invalid_symbols]
            bad += [i for i in ids["exceptions"] if licensing.validate("MIT WITH " + i).invalid_symbols]
            print(len(bad), bad[:40])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [Self.python, "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // The validator's index may lag the list by a release: allow a handful of brand-new ids.
        let count = Int(output.split(separator: " ").first ?? "") ?? Int.max
        #expect(count <= 40, "\(output)")
    }
}
