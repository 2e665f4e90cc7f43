import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("CycloneDX 1.6 writer")
struct CycloneDXWriterTests {
    @Test(
        "validates against the official CycloneDX 1.6 schema (strict)",
        .enabled(if: PythonValidator.cycloneDX.shouldRun, PythonValidator.cycloneDX.skipReason),
        arguments: Samples.all)
    func validatesAgainstSchema(sample: Sample) throws {
        let document = try TestHelpers.render(sample.inventory, .cyclonedx)
        let problems = try PythonValidator.cycloneDX.validate(document)
        #expect(problems == nil, "\(sample.name): \(problems ?? "")")
    }

    @Test("bom-refs are unique and every dependency names a known bom-ref", arguments: Samples.all)
    func referencesResolve(sample: Sample) throws {
        let bom = try TestHelpers.renderObject(sample.inventory, .cyclonedx)
        let metadata = try #require(bom["metadata"] as? [String: Any])
        let subject = try #require(metadata["component"] as? [String: Any])
        let components = TestHelpers.objects(bom, "components")
        let refs = ([subject] + components).compactMap { $0["bom-ref"] as? String }
        #expect(refs.count == components.count + 1)
        #expect(Set(refs).count == refs.count)
        for dependency in TestHelpers.objects(bom, "dependencies") {
            let ref = try #require(dependency["ref"] as? String)
            #expect(refs.contains(ref))
            for target in dependency["dependsOn"] as? [String] ?? [] { #expect(refs.contains(target)) }
        }
        #expect(components.filter { $0["type"] as? String == "library" }.count == sample.inventory.packages.count)
    }

    @Test("document header: format, version, serial number, tool and timestamp")
    func header() throws {
        let bom = try TestHelpers.renderObject(Samples.debian, .cyclonedx)
        #expect(bom["bomFormat"] as? String == "CycloneDX")
        #expect(bom["specVersion"] as? String == "1.6")
        #expect(bom["version"] as? Int == 1)
        let serial = try #require(bom["serialNumber"] as? String)
        #expect(
            serial.wholeMatch(of: /urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil
        )
        let metadata = try #require(bom["metadata"] as? [String: Any])
        #expect(metadata["timestamp"] as? String == "2024-05-01T12:30:00Z")
        let tools = try #require((metadata["tools"] as? [String: Any]).map { TestHelpers.objects($0, "components") })
        #expect(tools.count == 1)
        #expect(tools.first?["type"] as? String == "application")
        #expect(tools.first?["name"] as? String == "bulwark")
        #expect(tools.first?["version"] as? String == "0.1.0-test")
    }

    @Test("the image is the metadata component, with digest, platform and tags")
    func imageComponent() throws {
        let bom = try TestHelpers.renderObject(Samples.debian, .cyclonedx)
        let subject = try #require((bom["metadata"] as? [String: Any])?["component"] as? [String: Any])
        #expect(subject["type"] as? String == "container")
        #expect(subject["name"] as? String == "debian:12")
        #expect(subject["version"] as? String == Samples.digest("c").description)
        #expect(
            subject["purl"] as? String
                == "pkg:oci/debian@sha256:\(String(repeating: "e", count: 64))?arch=amd64&repository_url=docker.io%2Flibrary%2Fdebian&tag=12"
        )
        let properties = properties(subject)
        #expect(properties["bulwark:image:digest"] == [Samples.digest("c").description])
        #expect(properties["bulwark:image:config-digest"] == [Samples.digest("d").description])
        #expect(properties["bulwark:image:platform"] == ["linux/amd64"])
        #expect(properties["bulwark:image:tag"] == ["debian:12", "debian:bookworm"])
    }

    @Test("a root filesystem without image is a file component with no version")
    func rootfsComponent() throws {
        let bom = try TestHelpers.renderObject(Samples.bareRootfs, .cyclonedx)
        let subject = try #require((bom["metadata"] as? [String: Any])?["component"] as? [String: Any])
        #expect(subject["type"] as? String == "file")
        #expect(subject["name"] as? String == "/tmp/distroless-rootfs")
        #expect(subject["version"] == nil)
        #expect(TestHelpers.objects(bom, "components").allSatisfy { $0["type"] as? String == "library" })
        let dependencies = TestHelpers.objects(bom, "dependencies")
        #expect(dependencies.count == 1)
        #expect((dependencies.first?["dependsOn"] as? [String])?.count == 2)
    }

    @Test("the OS is an operating-system component that the image depends on, and that depends on its packages")
    func operatingSystem() throws {
        let bom = try TestHelpers.renderObject(Samples.debian, .cyclonedx)
        let components = TestHelpers.objects(bom, "components")
        let os = try #require(components.first { $0["type"] as? String == "operating-system" })
        #expect(os["name"] as? String == "debian")
        #expect(os["version"] as? String == "12.5")
        #expect(os["description"] as? String == "Debian GNU/Linux 12 (bookworm)")
        let osRef = try #require(os["bom-ref"] as? String)
        let imageRef = try #require(
            ((bom["metadata"] as? [String: Any])?["component"] as? [String: Any])?["bom-ref"] as? String)
        let dependencies = Dictionary(
            uniqueKeysWithValues: TestHelpers.objects(bom, "dependencies").compactMap { entry in
                (entry["ref"] as? String).map { ($0, entry["dependsOn"] as? [String] ?? []) }
            })
        let libraries = components.filter { $0["type"] as? String == "library" }.compactMap { $0["bom-ref"] as? String }
        #expect(dependencies[imageRef] == [osRef] + libraries)
        #expect(dependencies[osRef] == libraries)
    }

    @Test("package components carry purl, supplier, publisher and bulwark properties")
    func packageComponents() throws {
        let bom = try TestHelpers.renderObject(Samples.rhel, .cyclonedx)
        let components = TestHelpers.objects(bom, "components")
        let openssl = try #require(components.first { $0["name"] as? String == "openssl-libs" })
        #expect(openssl["version"] as? String == "1:3.0.7-24.el9")
        #expect(
            openssl["purl"] as? String == "pkg:rpm/redhat/openssl-libs@3.0.7-24.el9?arch=x86_64&distro=rhel-9.2&epoch=1"
        )
        #expect((openssl["supplier"] as? [String: Any])?["name"] as? String == "Red Hat, Inc.")
        #expect(openssl["publisher"] as? String == "Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>")
        let properties = properties(openssl)
        #expect(properties["bulwark:package:type"] == ["rpm"])
        #expect(properties["bulwark:package:source-name"] == ["openssl-libs"])
        #expect(properties["bulwark:package:source-version"] == ["1:3.0.7-24.el9"])
        #expect(properties["bulwark:package:arch"] == ["x86_64"])
        #expect(properties["bulwark:package:epoch"] == ["1"])
        #expect(properties["bulwark:package:location"] == ["/var/lib/rpm/rpmdb.sqlite"])
        #expect(properties["bulwark:layer:index"] == ["0"])
        #expect(properties["bulwark:layer:diff-id"] == [Samples.digest("7").description])
        #expect(properties["bulwark:layer:digest"] == nil)

        let nodejs = try #require(components.first { $0["name"] as? String == "nodejs" })
        #expect(self.properties(nodejs)["bulwark:package:modularity-label"] == ["nodejs:16:9010020230217174125:rhel9"])

        let debian = try TestHelpers.renderObject(Samples.debian, .cyclonedx)
        let libssl = try #require(
            TestHelpers.objects(debian, "components").first { $0["name"] as? String == "libssl3" })
        #expect(self.properties(libssl)["bulwark:layer:digest"] == [Samples.digest("2").description])
        let tzdata = try #require(TestHelpers.objects(debian, "components").first { $0["name"] as? String == "tzdata" })
        #expect(self.properties(tzdata)["bulwark:layer:index"] == nil)
    }

    @Test(
        "licenses: listed ids by id, clean expressions as one expression, the rest by name",
        arguments: [
            (["MIT"], #"[{"license":{"id":"MIT"}}]"#),
            (["GPL-2+"], #"[{"license":{"id":"GPL-2.0-or-later"}}]"#),
            (
                ["GPL-2+", "LGPL-2.1+"],
                #"[{"license":{"id":"GPL-2.0-or-later"}},{"license":{"id":"LGPL-2.1-or-later"}}]"#
            ),
            (["GPLv2+ and LGPLv2+"], #"[{"expression":"GPL-2.0-or-later AND LGPL-2.0-or-later"}]"#),
            (["BSD-3-Clause OR MIT"], #"[{"expression":"BSD-3-Clause OR MIT"}]"#),
            (["MIT", "Apache-2.0 OR MIT"], #"[{"expression":"MIT AND (Apache-2.0 OR MIT)"}]"#),
            (["Python"], #"[{"license":{"id":"Python-2.0"}}]"#),  // the normalizer's reading, as the license scanner's
            (["Python License, version 3"], #"[{"license":{"name":"Python License, version 3"}}]"#),
            (["Artistic", "GPL-1+"], #"[{"license":{"name":"Artistic"}},{"license":{"id":"GPL-1.0-or-later"}}]"#),
            (["MIT and Public Domain"], #"[{"license":{"name":"MIT and Public Domain"}}]"#),
            (["MPL-1.1+"], #"[{"license":{"name":"MPL-1.1+"}}]"#),
        ])
    func licenses(declared: [String], expected: String) throws {
        var package = Samples.debian.packages[0]
        package.licenses = declared
        let inventory = Inventory(target: ScanTarget(kind: .rootfs, name: "/x"), packages: [package])
        let bom = try TestHelpers.renderObject(inventory, .cyclonedx)
        let component = try #require(TestHelpers.objects(bom, "components").first)
        let licenses = try #require(component["licenses"])
        let actual = String(
            decoding: try JSONSerialization.data(withJSONObject: licenses, options: [.sortedKeys]), as: UTF8.self)
        #expect(actual == expected)
    }

    @Test("duplicate purls still get distinct bom-refs")
    func duplicateRefs() throws {
        var second = Samples.debian.packages[0]
        second.location = "/var/lib/dpkg/status.d/libc6"
        let inventory = Inventory(
            target: ScanTarget(kind: .rootfs, name: "/x"), packages: [Samples.debian.packages[0], second])
        let bom = try TestHelpers.renderObject(inventory, .cyclonedx)
        let refs = TestHelpers.objects(bom, "components").compactMap { $0["bom-ref"] as? String }
        #expect(refs.count == 2)
        #expect(Set(refs).count == 2)
        #expect(refs.first == Samples.debian.packages[0].purl.description)
        #expect(refs.last?.hasPrefix("bulwark:package:") == true)
    }

    @Test("the serial number depends on content and timestamp, and nothing else")
    func serialNumber() throws {
        let first = try TestHelpers.renderObject(Samples.debian, .cyclonedx)["serialNumber"] as? String
        let again = try TestHelpers.renderObject(Samples.debian, .cyclonedx)["serialNumber"] as? String
        let later =
            try TestHelpers.renderObject(Samples.debian, .cyclonedx, date: Samples.fixedDate + 1)["serialNumber"]
            as? String
        let other = try TestHelpers.renderObject(Samples.alpine, .cyclonedx)["serialNumber"] as? String
        #expect(first == again)
        #expect(first != later)
        #expect(first != other)
    }

    private func properties(_ component: [String: Any]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for property in TestHelpers.objects(component, "properties") {
            if let name = property["name"] as? String, let value = property["value"] as? String {
                out[name, default: []].append(value)
            }
        }
        return out
    }
}
