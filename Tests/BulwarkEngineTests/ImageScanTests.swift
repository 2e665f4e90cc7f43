import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Testing

@Suite struct ImageScanTests {
    let scanner = InventoryScanner()

    func scan(_ files: [(String, [UInt8])], asTar: Bool, tag: String? = nil, platform: String? = nil) async throws -> Inventory {
        try await TemporaryDirectory.with { dir in
            let path: String
            if asTar {
                path = try TemporaryDirectory.write(ImageWriter.tar(files), named: "image.tar", in: dir)
            } else {
                path = dir + "/layout"
                try ImageWriter.writeDirectory(files, to: path)
            }
            let selection = ImageSelection(tag: tag, platform: try platform.map { try Platform(parsing: $0) })
            return try await scanner.scanImage(at: path, options: InventoryScanOptions(selection: selection, scratchDirectory: dir + "/scratch"))
        }
    }

    @Test(arguments: [LayerCompression.none, .gzip, .zstd])
    func dockerArchiveListsPackagesWithIntroducingLayer(compression: LayerCompression) async throws {
        let image = Fixtures.debianImage(compression: compression)
        let inventory = try await scan(ImageWriter.dockerArchiveFiles(image), asTar: true)
        #expect(inventory.target.kind == .dockerArchive)
        #expect(inventory.operatingSystem?.family == "debian")
        #expect(inventory.operatingSystem?.version == "12.5")
        #expect(inventory.packages.map(\.name) == ["libc6", "openssl", "zlib1g"])
        let openssl = try #require(inventory.packages.first { $0.name == "openssl" })
        #expect(openssl.layer?.index == 1)
        #expect(openssl.layer?.createdBy == "RUN apt-get install -y openssl")
        #expect(openssl.layer?.diffID?.description == TestDigest.sha256(image.layers[1].tar))
        #expect(openssl.purl.description == "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12")
        let zlib = try #require(inventory.packages.first { $0.name == "zlib1g" })
        #expect(zlib.layer?.index == 0)
        #expect(zlib.epoch == 1)
        #expect(zlib.upstreamVersion == "1.2.13.dfsg")
        #expect(zlib.release == "1")
        #expect(zlib.sourceName == "zlib")
        #expect(zlib.installedFiles == ["/usr/lib/x86_64-linux-gnu/libz.so.1"])
        #expect(inventory.image?.repoTags == ["test/image:latest"])
        #expect(inventory.image?.layers.count == 2)
    }

    @Test func ociStyleDockerArchiveAndOCILayouts() async throws {
        let image = Fixtures.debianImage()
        let fromDocker = try await scan(ImageWriter.dockerArchiveFiles(image, ociStyle: true), asTar: true)
        #expect(fromDocker.packages.count == 3)
        #expect(fromDocker.image?.manifestDigest != nil)
        #expect(fromDocker.image?.layers.first?.digest?.description == TestDigest.sha256(image.layers[0].blob))
        for asTar in [true, false] {
            let inventory = try await scan(ImageWriter.ociLayoutFiles([("app", image)]), asTar: asTar)
            #expect(inventory.target.kind == .ociLayout)
            #expect(inventory.packages.count == 3)
            #expect(inventory.packages.first { $0.name == "openssl" }?.layer?.index == 1)
        }
    }

    @Test func selectsImageByTagAndPlatform() async throws {
        var arm = Fixtures.debianImage()
        arm.architecture = "arm64"
        arm.variant = "v8"
        arm.layers[0] = TestLayer(files: [("etc/os-release", Fixtures.alpineOSRelease), ("lib/apk/db/installed", Fixtures.apkInstalled)])
        arm.layers.removeLast()
        let amd = Fixtures.debianImage()
        let multi = ImageWriter.ociLayoutFiles([("multi", amd), ("multi", arm)], asIndex: true)
        let defaultPick = try await scan(multi, asTar: false)
        #expect(defaultPick.image?.architecture == "amd64")
        let armPick = try await scan(multi, asTar: false, platform: "linux/arm64")
        #expect(armPick.operatingSystem?.family == "alpine")
        #expect(armPick.packages.map(\.type) == [.apk, .apk])
        await #expect {
            _ = try await scan(multi, asTar: false, platform: "linux/s390x")
        } throws: { error in
            let message = (error as? BulwarkError)?.message ?? ""
            return message.contains("linux/amd64") && message.contains("linux/arm64/v8") && message.contains("s390x")
        }
        let tagged = ImageWriter.ociLayoutFiles([("one", amd), ("two", arm)])
        let two = try await scan(tagged, asTar: true, tag: "two")
        #expect(two.operatingSystem?.family == "alpine")
        // Without --tag, two images of different platforms resolve by platform…
        #expect(try await scan(tagged, asTar: true).image?.architecture == "amd64")
        // …but two images of the same platform need --tag.
        let ambiguous = ImageWriter.ociLayoutFiles([("one", amd), ("other", Fixtures.debianImage(compression: .zstd))])
        await #expect {
            _ = try await scan(ambiguous, asTar: true)
        } throws: { error in (error as? BulwarkError)?.message.contains("--tag") == true }
        await #expect {
            _ = try await scan(tagged, asTar: true, tag: "three")
        } throws: { error in (error as? BulwarkError)?.message.contains("one, two") == true }
    }

    @Test func whiteoutsAndOpaqueDirectoriesHideLowerFiles() async throws {
        var lower = TarWriter()
        lower.file("etc/os-release", Fixtures.alpineOSRelease)
        lower.file("lib/apk/db/installed", Fixtures.apkInstalled)
        lower.file("var/lib/dpkg/status", Fixtures.dpkgStatus([("ghost", "1.0", nil)]))
        var upper = TarWriter()
        upper.file("var/lib/dpkg/.wh.status", "")
        upper.directory("lib/apk/db")
        upper.file("lib/apk/db/.wh..wh..opq", "")
        let image = TestImage(layers: [TestLayer(tar: lower.finished()), TestLayer(tar: upper.finished())])
        let inventory = try await scan(ImageWriter.dockerArchiveFiles(image), asTar: true)
        #expect(inventory.packages.isEmpty, "deleted dpkg status and opaque apk db must hide all packages")
        #expect(inventory.operatingSystem?.family == "alpine")
    }

    @Test func packageReinstalledInUpperLayerIsAttributedToIt() async throws {
        let first = TestLayer(files: [("etc/os-release", Fixtures.alpineOSRelease), ("lib/apk/db/installed", Fixtures.apkInstalled)])
        var removal = TarWriter()
        removal.file("lib/apk/db/installed", String(Fixtures.apkInstalled.split(separator: "\n\n")[0]) + "\n\n")
        let readd = TestLayer(files: [("lib/apk/db/installed", Fixtures.apkInstalled)])
        let image = TestImage(layers: [first, TestLayer(tar: removal.finished()), readd, TestLayer(files: [("app/x", "y")])])
        let inventory = try await scan(ImageWriter.dockerArchiveFiles(image), asTar: true)
        #expect(inventory.packages.first { $0.name == "musl" }?.layer?.index == 0)
        #expect(inventory.packages.first { $0.name == "libcrypto3" }?.layer?.index == 2)
        let crypto = try #require(inventory.packages.first { $0.name == "libcrypto3" })
        #expect(crypto.purl.description == "pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl")
        #expect(crypto.sourceName == "openssl")
        #expect(crypto.installedFiles == ["/usr/lib/libcrypto.so.3"])
    }

    @Test func scratchAndDistrolessImages() async throws {
        let scratch = TestImage(layers: [TestLayer(files: [("app/server", "binary")])])
        let empty = try await scan(ImageWriter.dockerArchiveFiles(scratch), asTar: true)
        #expect(empty.operatingSystem == nil)
        #expect(empty.packages.isEmpty)
        let distroless = TestImage(layers: [TestLayer(files: [
            ("etc/os-release", Fixtures.debianOSRelease),
            ("var/lib/dpkg/status.d/libc6", "Package: libc6\nVersion: 2.36-9+deb12u7\nArchitecture: amd64\nSource: glibc\n"),
            ("var/lib/dpkg/status.d/libc6.md5sums", "abc  lib/x\n"),
            ("var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n"),
        ])])
        let inventory = try await scan(ImageWriter.dockerArchiveFiles(distroless), asTar: true)
        #expect(inventory.packages.map(\.name) == ["libc6", "tzdata"])
        #expect(inventory.packages.first?.location == "/var/lib/dpkg/status.d/libc6")
    }

    @Test func symlinkedOSReleaseAndSymlinkLoops() async throws {
        var writer = TarWriter()
        writer.file("usr/lib/os-release", Fixtures.debianOSRelease)
        writer.symlink("etc/os-release", target: "../usr/lib/os-release")
        writer.symlink("etc/loop-a", target: "loop-b")
        writer.symlink("etc/loop-b", target: "loop-a")
        writer.symlink("etc/lsb-release", target: "/etc/loop-a")
        let inventory = try await scan(ImageWriter.dockerArchiveFiles(TestImage(layers: [TestLayer(tar: writer.finished())])), asTar: true)
        #expect(inventory.operatingSystem?.family == "debian")
    }
}
