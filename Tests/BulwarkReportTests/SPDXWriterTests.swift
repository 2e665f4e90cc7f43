import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("SPDX 2.3 writer")
struct SPDXWriterTests {
    @Test(
        "validates with the SPDX tools (parse + full document validation)",
        .enabled(if: PythonValidator.spdx.shouldRun, PythonValidator.spdx.skipReason),
        arguments: Samples.all)
    func validatesWithSPDXTools(sample: Sample) throws {
        let document = try TestHelpers.render(sample.inventory, .spdxJSON)
        let problems = try PythonValidator.spdx.validate(document)
        #expect(problems == nil, "\(sample.name): \(problems ?? "")")
    }

    @Test("document header fields")
    func header() throws {
        let document = try TestHelpers.renderObject(Samples.debian, .spdxJSON)
        #expect(document["spdxVersion"] as? String == "SPDX-2.3")
        #expect(document["dataLicense"] as? String == "CC0-1.0")
        #expect(document["SPDXID"] as? String == "SPDXRef-DOCUMENT")
        #expect(document["name"] as? String == "debian:12")
        let namespace = try #require(document["documentNamespace"] as? String)
        #expect(
            namespace.wholeMatch(
                of:
                    /https:\/\/bulwark\.invalid\/spdx\/docker-archive\/debian-12-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/
            ) != nil, "\(namespace)")
        let creation = try #require(document["creationInfo"] as? [String: Any])
        #expect(creation["created"] as? String == "2024-05-01T12:30:00Z")
        #expect(creation["creators"] as? [String] == ["Tool: bulwark-0.1.0-test", "Organization: Bulwark"])
    }

    @Test("SPDXIDs are unique, well formed, and every relationship names a known element", arguments: Samples.all)
    func identifiers(sample: Sample) throws {
        let document = try TestHelpers.renderObject(sample.inventory, .spdxJSON)
        let packages = TestHelpers.objects(document, "packages")
        let ids = packages.compactMap { $0["SPDXID"] as? String }
        #expect(ids.count == packages.count)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.wholeMatch(of: /SPDXRef-[A-Za-z0-9.\-]+/) != nil, "\(id)") }
        let known = Set(ids + ["SPDXRef-DOCUMENT"])
        for relationship in TestHelpers.objects(document, "relationships") {
            #expect(known.contains(relationship["spdxElementId"] as? String ?? ""))
            #expect(known.contains(relationship["relatedSpdxElement"] as? String ?? ""))
        }
        for package in packages {
            #expect(package["downloadLocation"] as? String == "NOASSERTION")
            #expect(package["filesAnalyzed"] as? Bool == false)
            #expect(package["licenseConcluded"] as? String == "NOASSERTION")
            #expect(package["copyrightText"] as? String == "NOASSERTION")
        }
    }

    @Test("packages: image CONTAINER, OS OPERATING-SYSTEM, purls and source info")
    func packages() throws {
        let document = try TestHelpers.renderObject(Samples.debian, .spdxJSON)
        let packages = TestHelpers.objects(document, "packages")
        #expect(packages.count == Samples.debian.packages.count + 2)
        let image = try #require(packages.first)
        #expect(image["primaryPackagePurpose"] as? String == "CONTAINER")
        #expect(image["versionInfo"] as? String == Samples.digest("c").description)
        let os = try #require(packages.first { $0["primaryPackagePurpose"] as? String == "OPERATING-SYSTEM" })
        #expect(os["name"] as? String == "debian")
        #expect(os["versionInfo"] as? String == "12.5")
        let login = try #require(packages.first { $0["name"] as? String == "login" })
        #expect(login["versionInfo"] as? String == "1:4.13+dfsg1-1+b1")
        #expect(login["sourceInfo"] as? String == "built from source package shadow 1:4.13+dfsg1-1")
        #expect(login["supplier"] as? String == "Person: GNU Libc Maintainers (debian-glibc@lists.debian.org)")
        let refs = TestHelpers.objects(login, "externalRefs")
        #expect(refs.count == 1)
        #expect(refs.first?["referenceCategory"] as? String == "PACKAGE-MANAGER")
        #expect(refs.first?["referenceType"] as? String == "purl")
        #expect(refs.first?["referenceLocator"] as? String == Samples.debian.packages[1].purl.description)

        let rhel = try TestHelpers.renderObject(Samples.rhel, .spdxJSON)
        let bash = try #require(TestHelpers.objects(rhel, "packages").first { $0["name"] as? String == "bash" })
        #expect(bash["supplier"] as? String == "Organization: Red Hat, Inc.")
    }

    @Test("relationships: DESCRIBES image, image CONTAINS OS and packages, OS CONTAINS packages")
    func relationships() throws {
        let document = try TestHelpers.renderObject(Samples.alpine, .spdxJSON)
        let packages = TestHelpers.objects(document, "packages")
        let imageID = try #require(packages.first?["SPDXID"] as? String)
        let osID = try #require(
            packages.first { $0["primaryPackagePurpose"] as? String == "OPERATING-SYSTEM" }?["SPDXID"] as? String)
        let libraries = packages.filter { $0["primaryPackagePurpose"] as? String == "LIBRARY" }.compactMap {
            $0["SPDXID"] as? String
        }
        let triples = TestHelpers.objects(document, "relationships").map {
            "\($0["spdxElementId"] as? String ?? "") \($0["relationshipType"] as? String ?? "") \($0["relatedSpdxElement"] as? String ?? "")"
        }
        #expect(triples.first == "SPDXRef-DOCUMENT DESCRIBES \(imageID)")
        #expect(triples.contains("\(imageID) CONTAINS \(osID)"))
        for library in libraries {
            #expect(triples.contains("\(imageID) CONTAINS \(library)"))
            #expect(triples.contains("\(osID) CONTAINS \(library)"))
        }
        #expect(triples.count == 2 + 2 * libraries.count)
    }

    @Test(
        "licenseDeclared is a valid expression, with LicenseRefs for what does not map cleanly",
        arguments: [
            (["MIT"], "MIT", [String]()),
            (["GPL-2+", "LGPL-2.1+"], "GPL-2.0-or-later AND LGPL-2.1-or-later", []),
            (["GPLv2+ and LGPLv2+"], "GPL-2.0-or-later AND LGPL-2.0-or-later", []),
            (["BSD-3-Clause OR MIT"], "BSD-3-Clause OR MIT", []),
            (["MIT", "BSD-3-Clause OR MIT"], "MIT AND (BSD-3-Clause OR MIT)", []),
            (["GPL-2"], "GPL-2.0-only", []),
            (["Expat"], "MIT", []),
            (["ASL 2.0"], "Apache-2.0", []),
            (["public-domain"], "LicenseRef-Public-Domain", ["LicenseRef-Public-Domain"]),
            (["Artistic", "GPL-1+"], "LicenseRef-Artistic AND GPL-1.0-or-later", ["LicenseRef-Artistic"]),
            (["MIT and Public Domain"], "MIT AND LicenseRef-Public-Domain", ["LicenseRef-Public-Domain"]),
            (["GPLv2+ with exceptions"], "LicenseRef-GPLv2-with-exceptions", ["LicenseRef-GPLv2-with-exceptions"]),
            (["MPL-1.1+"], "LicenseRef-MPL-1.1", ["LicenseRef-MPL-1.1"]),
            (["GPL-2.0-or-later WITH Classpath-exception-2.0"], "GPL-2.0-or-later WITH Classpath-exception-2.0", []),
            ([], "NOASSERTION", []),
            (["  "], "NOASSERTION", []),
        ])
    func licenseDeclared(declared: [String], expected: String, refs: [String]) throws {
        var package = Samples.debian.packages[0]
        package.licenses = declared
        let inventory = Inventory(target: ScanTarget(kind: .rootfs, name: "/x"), packages: [package])
        let document = try TestHelpers.renderObject(inventory, .spdxJSON)
        let library = try #require(TestHelpers.objects(document, "packages").last)
        #expect(library["licenseDeclared"] as? String == expected)
        let extracted = TestHelpers.objects(document, "hasExtractedLicensingInfos")
        #expect(extracted.compactMap { $0["licenseId"] as? String } == refs)
        for info in extracted { #expect((info["extractedText"] as? String)?.isEmpty == false) }
    }

    @Test("every LicenseRef used is declared once, and every declared one is used", arguments: Samples.all)
    func licenseRefsDeclared(sample: Sample) throws {
        let document = try TestHelpers.renderObject(sample.inventory, .spdxJSON)
        let declared = TestHelpers.objects(document, "hasExtractedLicensingInfos").compactMap {
            $0["licenseId"] as? String
        }
        #expect(Set(declared).count == declared.count)
        var used: Set<String> = []
        for package in TestHelpers.objects(document, "packages") {
            let expression = package["licenseDeclared"] as? String ?? ""
            for match in expression.matches(of: /LicenseRef-[A-Za-z0-9.\-]+/) { used.insert(String(match.output)) }
        }
        #expect(used == Set(declared))
    }

    @Test("the document namespace depends on content and timestamp")
    func namespace() throws {
        let first = try TestHelpers.renderObject(Samples.rhel, .spdxJSON)["documentNamespace"] as? String
        let again = try TestHelpers.renderObject(Samples.rhel, .spdxJSON)["documentNamespace"] as? String
        let later =
            try TestHelpers.renderObject(Samples.rhel, .spdxJSON, date: Samples.fixedDate + 60)["documentNamespace"]
            as? String
        var changed = Samples.rhel
        changed.packages.removeLast()
        let other = try TestHelpers.renderObject(changed, .spdxJSON)["documentNamespace"] as? String
        #expect(first == again)
        #expect(first != later)
        #expect(first != other)
    }

    @Test("a root filesystem is a FILE package and the OS is absent")
    func rootfs() throws {
        let document = try TestHelpers.renderObject(Samples.bareRootfs, .spdxJSON)
        let packages = TestHelpers.objects(document, "packages")
        #expect(packages.first?["primaryPackagePurpose"] as? String == "FILE")
        #expect(packages.first?["versionInfo"] == nil)
        #expect(!packages.contains { $0["primaryPackagePurpose"] as? String == "OPERATING-SYSTEM" })
        #expect(document["name"] as? String == "/tmp/distroless-rootfs")
    }
}
