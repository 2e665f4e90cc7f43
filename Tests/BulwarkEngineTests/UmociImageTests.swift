import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Testing

/// End to end on an image built by the real tools: umoci packs a root filesystem into an OCI
/// layout, skopeo exports it as a `docker save` tarball, Bulwark reads both.
@Suite struct UmociImageTests {
    static func tool(_ name: String) -> String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/usr/sbin"] where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
            return directory + "/" + name
        }
        return nil
    }

    static var toolsPresent: Bool { tool("umoci") != nil && tool("skopeo") != nil }
    /// CI installs umoci and skopeo, so there a missing tool is a failure, not a skip.
    static var shouldRun: Bool { toolsPresent || ProcessInfo.processInfo.environment["CI"] == "true" }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(tool(executable), "\(executable) is not installed"))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(executable) \(arguments.joined(separator: " ")): \(output)")
        return output
    }

    @Test(.enabled(if: shouldRun, "umoci and skopeo are not installed"))
    func imageBuiltByUmociAndSkopeo() async throws {
        try await TemporaryDirectory.with { dir in
            let layout = dir + "/layout"
            try Self.run("umoci", ["init", "--layout", layout])
            try Self.run("umoci", ["new", "--image", layout + ":base"])
            try Self.run("umoci", ["unpack", "--rootless", "--image", layout + ":base", dir + "/bundle"])
            let rootfs = dir + "/bundle/rootfs"
            try ImageWriter.writeDirectory([
                ("etc/os-release", Array(Fixtures.debianOSRelease.utf8)),
                ("etc/debian_version", Array("12.5\n".utf8)),
                ("var/lib/dpkg/status", Array(Fixtures.dpkgStatus([("libc6", "2.36-9+deb12u4", "glibc"), ("zlib1g", "1:1.2.13.dfsg-1", "zlib")]).utf8)),
                ("usr/lib/x86_64-linux-gnu/libz.so.1", Array("not really a library".utf8)),
            ], to: rootfs)
            try Self.run("umoci", ["repack", "--image", layout + ":base", dir + "/bundle"])
            try Self.run("umoci", ["unpack", "--rootless", "--image", layout + ":base", dir + "/bundle2"])
            try ImageWriter.writeDirectory([
                ("var/lib/dpkg/status", Array(Fixtures.dpkgStatus([("libc6", "2.36-9+deb12u4", "glibc"), ("zlib1g", "1:1.2.13.dfsg-1", "zlib"), ("curl", "7.88.1-10+deb12u5", nil)]).utf8))
            ], to: dir + "/bundle2/rootfs")
            try FileManager.default.removeItem(atPath: dir + "/bundle2/rootfs/usr/lib/x86_64-linux-gnu/libz.so.1")
            try Self.run("umoci", ["repack", "--image", layout + ":base", dir + "/bundle2"])
            try Self.run("umoci", ["config", "--image", layout + ":base", "--config.user", "1000:1000", "--os", "linux", "--architecture", "amd64"])
            try Self.run("skopeo", ["copy", "-q", "oci:" + layout + ":base", "docker-archive:" + dir + "/image.tar:bulwark/umoci-test:1"])

            let scanner = InventoryScanner()
            let options = InventoryScanOptions(scratchDirectory: dir + "/scratch")
            for path in [layout, dir + "/image.tar"] {
                let inventory = try await scanner.scanImage(at: path, options: options)
                #expect(inventory.operatingSystem?.version == "12.5")
                #expect(inventory.packages.map(\.name) == ["curl", "libc6", "zlib1g"], "\(path)")
                #expect(inventory.packages.first { $0.name == "curl" }?.layer?.index == 1)
                #expect(inventory.packages.first { $0.name == "libc6" }?.layer?.index == 0)
                #expect(inventory.image?.config.user == "1000:1000")
                #expect(inventory.image?.layers.count == 2)
            }
            let archived = try await scanner.scanImage(at: dir + "/image.tar", options: options)
            #expect(archived.image?.repoTags == ["docker.io/bulwark/umoci-test:1"])
        }
    }
}
