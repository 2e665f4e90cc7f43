import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("Bulwark JSON writer and reader")
struct JSONInventoryWriterTests {
    @Test("rendering then reading gives the same inventory", arguments: Samples.all)
    func roundTrip(sample: Sample) throws {
        let bytes = try TestHelpers.render(sample.inventory, .json)
        let read = try JSONInventoryReader.read(bytes)
        var expected = sample.inventory
        expected.packages = sample.inventory.packages.enumerated().sorted {
            ($0.element.type.rawValue, $0.element.name, $0.offset) < (
                $1.element.type.rawValue, $1.element.name, $1.offset
            )
        }.map(\.element)
        #expect(read == expected)
        // And the re-rendered document is byte-identical.
        #expect(try TestHelpers.render(read, .json) == bytes)
    }

    @Test("packages come out grouped by type and name; same-name packages keep the engine's order")
    func keepsVersionOrder() throws {
        var first = Samples.debian.packages[0]
        first.version = "1.9"
        var second = first
        second.version = "1.10"
        let inventory = Inventory(target: ScanTarget(kind: .rootfs, name: "/x"), packages: [first, second])
        #expect(
            try JSONInventoryReader.read(TestHelpers.render(inventory, .json)).packages.map(\.version) == [
                "1.9", "1.10",
            ])
    }

    @Test("packages come out sorted whatever the input order")
    func sortsPackages() throws {
        var shuffled = Samples.rhel
        shuffled.packages.reverse()
        #expect(try TestHelpers.render(shuffled, .json) == TestHelpers.render(Samples.rhel, .json))
        let names = try JSONInventoryReader.read(TestHelpers.render(shuffled, .json)).packages.map(\.name)
        #expect(names == names.sorted())
    }

    @Test("every documented key is present, unknown values as null")
    func keys() throws {
        let document = try TestHelpers.renderObject(Samples.debian, .json)
        #expect(
            Set(document.keys)
                == ["schemaVersion", "tool", "createdAt", "target", "image", "operatingSystem", "packages", "warnings"])
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["createdAt"] as? String == "2024-05-01T12:30:00Z")
        #expect((document["tool"] as? [String: Any])?["name"] as? String == "bulwark")
        let image = try #require(document["image"] as? [String: Any])
        #expect(
            Set(image.keys)
                == [
                    "manifestDigest", "configDigest", "repoTags", "repoDigests", "os", "architecture", "variant",
                    "platform",
                    "created", "layers", "config",
                ])
        #expect(image["variant"] is NSNull)
        #expect(image["platform"] as? String == "linux/amd64")
        let config = try #require(image["config"] as? [String: Any])
        #expect(
            Set(config.keys) == [
                "user", "env", "entrypoint", "cmd", "workingDir", "exposedPorts", "labels", "stopSignal",
            ])
        let packages = TestHelpers.objects(document, "packages")
        let login = try #require(packages.first { $0["name"] as? String == "login" })
        #expect(
            Set(login.keys)
                == [
                    "type", "name", "version", "epoch", "upstreamVersion", "release", "architecture", "sourceName",
                    "sourceVersion", "licenses", "maintainer", "vendor", "modularityLabel", "purl", "location", "layer",
                    "installedFiles", "isDevelopment", "dependencies",
                ])
        #expect(login["epoch"] as? Int == 1)
        #expect(login["vendor"] is NSNull)
        let layer = try #require(login["layer"] as? [String: Any])
        #expect(Set(layer.keys) == ["index", "digest", "diffID", "createdBy"])
        #expect(layer["diffID"] as? String == Samples.digest("a").description)
        let tzdata = try #require(packages.first { $0["name"] as? String == "tzdata" })
        #expect(tzdata["layer"] is NSNull)
    }

    @Test("an inventory with no image and no OS writes nulls")
    func bare() throws {
        let document = try TestHelpers.renderObject(Samples.emptyRootfs, .json)
        #expect(document["image"] is NSNull)
        #expect(document["operatingSystem"] is NSNull)
        #expect((document["packages"] as? [Any])?.isEmpty == true)
        #expect((document["target"] as? [String: Any])?["kind"] as? String == "rootfs")
    }

    @Test("keys are sorted in the output bytes")
    func sortedKeys() throws {
        let text = String(decoding: try TestHelpers.render(Samples.alpine, .json), as: UTF8.self)
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevel == topLevel.sorted())
        #expect(text.hasSuffix("}\n"))
    }

    @Test("other schema versions are refused as unsupported; garbage as invalid input")
    func readerErrors() throws {
        let future = Array(#"{"schemaVersion": 2, "packages": []}"#.utf8)
        #expect(throws: BulwarkError.self) { try JSONInventoryReader.read(future) }
        do {
            _ = try JSONInventoryReader.read(future)
        } catch {
            #expect(error.code == .unsupported)
        }
        do {
            _ = try JSONInventoryReader.read(Array("not json".utf8))
            Issue.record("garbage was accepted")
        } catch {
            #expect(error.code == .invalidInput)
        }
        var bytes = try TestHelpers.render(Samples.alpine, .json)
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"oci-layout\"", with: "\"floppy\"")
        bytes = Array(text.utf8)
        do {
            _ = try JSONInventoryReader.read(bytes)
            Issue.record("unknown target kind was accepted")
        } catch {
            #expect(error.code == .invalidInput)
        }
    }
}
