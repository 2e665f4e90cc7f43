import BulwarkCatalog
import BulwarkCore
import Foundation
import Testing

/// Builds packages with `rpmbuild`, installs them into a fresh SQLite database with
/// `rpm --justdb`, imports a signing key (a `gpg-pubkey` pseudo package), and reads the result.
@Suite("Databases made by rpm itself")
struct RPMGeneratedDatabaseTests {
    /// A database made by rpm and what `rpm -qa` says about it.
    struct Generated: Sendable {
        var bytes: [UInt8]
        var truth: [RPMTool.QueriedPackage]
    }

    static let enabled = RPMTool.available && RPMTool.canWriteSQLite

    /// Made once for all tests of the suite.
    static let generated: Result<Generated, RPMTool.Failure> = {
        do {
            return .success(try makeDatabase())
        } catch let failure as RPMTool.Failure {
            return .failure(failure)
        } catch {
            return .failure(RPMTool.Failure(description: "\(error)"))
        }
    }()

    /// An ed25519 public key (no secret part exists anywhere) for `rpm --import`.
    static let publicKey = """
        -----BEGIN PGP PUBLIC KEY BLOCK-----

        mDMEaw1HNBYJKwYBBAHaRw8BAQdAGupeapD63qORvT/BFxpw14K8ClPQQ4RTv64e
        5b4GyfO0HEJ1bHdhcmsgVGVzdCA8dEBleGFtcGxlLmNvbT6IkAQTFggAOBYhBBCX
        ktcV6hNA/qoA0IEAKqJsTeEEBQJrDUc0AhsDBQsJCAcCBhUKCQgLAgQWAgMBAh4B
        AheAAAoJEIEAKqJsTeEE7uABAJWR2h5Bywat7r3lQiOsxxdysMsrVYp1Gr7ieUIt
        SYveAP9TNF/JxvctD1VbhgEH45XdAh/gR9IDENJ94ykAPSnhBw==
        =VpCM
        -----END PGP PUBLIC KEY BLOCK-----

        """

    static func spec(
        name: String, version: String, release: String, epoch: Int?, noarch: Bool, license: String, vendor: String?,
        packager: String?, files: [String]
    ) -> String {
        var lines = [
            "%global debug_package %{nil}",
            "%global __os_install_post %{nil}",
            "Name: \(name)", "Version: \(version)", "Release: \(release)",
            "Summary: Bulwark test package \(name)", "License: \(license)",
        ]
        if let epoch { lines.append("Epoch: \(epoch)") }
        if noarch { lines.append("BuildArch: noarch") }
        if let vendor { lines.append("Vendor: \(vendor)") }
        if let packager { lines.append("Packager: \(packager)") }
        lines += ["", "%description", "Made by Bulwark's tests.", "", "%install"]
        for file in files {
            let directory = (file as NSString).deletingLastPathComponent
            lines.append("mkdir -p %{buildroot}\(directory)")
            lines.append("echo '\(file)' > %{buildroot}\(file)")
        }
        lines += ["", "%files"] + files
        return lines.joined(separator: "\n") + "\n"
    }

    static func makeDatabase() throws -> Generated {
        guard let rpm = RPMTool.rpm, let rpmbuild = RPMTool.rpmbuild else {
            throw RPMTool.Failure(description: "rpm is not installed")
        }
        let directory = try RPMTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let specs = [
            spec(
                name: "bulwark-sample", version: "1.2.3", release: "4.bw1", epoch: 7, noarch: true,
                license: "MIT AND Apache-2.0", vendor: "Bulwark Test Vendor",
                packager: "Test Packager <test@example.com>",
                files: ["/usr/share/bulwark-sample/a.txt", "/usr/share/bulwark-sample/b.txt", "/etc/bulwark-sample.conf"]),
            spec(
                name: "bulwark-native", version: "0.9", release: "1", epoch: nil, noarch: false, license: "GPL-2.0-only",
                vendor: nil, packager: nil, files: ["/usr/lib/bulwark-native/data.bin"]),
            spec(
                name: "bulwark-many", version: "2024.1", release: "0.1.beta", epoch: 0, noarch: true, license: "BSD",
                vendor: nil, packager: nil,
                files: (0..<400).map { "/usr/share/bulwark-many/d\($0 % 25)/sub\($0 % 3)/file-\($0).txt" }),
        ]
        let topDirectory = directory.appendingPathComponent("top")
        for (number, text) in specs.enumerated() {
            let specFile = directory.appendingPathComponent("p\(number).spec")
            try text.write(to: specFile, atomically: true, encoding: .utf8)
            var arguments = [
                "-bb", "--quiet", "--define", "_topdir \(topDirectory.path)",
                "--define", "_binary_payload w0.gzdio", specFile.path,
            ]
            if number == 0 { arguments.insert(contentsOf: ["--define", "modularitylabel bulwark:1:20240101:abcdef"], at: 0) }
            try RPMTool.run(rpmbuild, arguments, in: directory)
        }
        let packages = try FileManager.default.subpathsOfDirectory(atPath: topDirectory.appendingPathComponent("RPMS").path)
            .filter { $0.hasSuffix(".rpm") }
            .map { topDirectory.appendingPathComponent("RPMS").appendingPathComponent($0).path }
        guard packages.count == 3 else { throw RPMTool.Failure(description: "rpmbuild made \(packages)") }
        let database = directory.appendingPathComponent("db")
        let common = ["--dbpath", database.path, "--define", "_db_backend sqlite"]
        try RPMTool.run(rpm, common + ["--initdb"])
        try RPMTool.run(
            rpm, common + ["-i", "--justdb", "--nodeps", "--noscripts", "--notriggers", "--nosignature"] + packages)
        let keyFile = directory.appendingPathComponent("key.asc")
        try publicKey.write(to: keyFile, atomically: true, encoding: .utf8)
        try RPMTool.run(rpm, common + ["--import", keyFile.path])
        let truth = try RPMTool.query(dbPath: database.path, backend: "sqlite")
        guard let data = FileManager.default.contents(atPath: database.appendingPathComponent("rpmdb.sqlite").path) else {
            throw RPMTool.Failure(description: "rpm made no rpmdb.sqlite")
        }
        return Generated(bytes: [UInt8](data), truth: truth)
    }

    static func database() throws -> Generated {
        switch generated {
        case .success(let value): return value
        case .failure(let failure): throw failure
        }
    }

    @Test("every field and file matches rpm -qa", .enabled(if: enabled))
    func matchesRPM() throws {
        let generated = try Self.database()
        #expect(RPMDatabaseFormat(detecting: generated.bytes) == .sqlite)
        let packages = try RPMDatabase.packages(from: generated.bytes, path: "/var/lib/rpm/rpmdb.sqlite")
        #expect(packages.count == 4)
        #expect(Set(packages.map(\.name)) == ["bulwark-sample", "bulwark-native", "bulwark-many", "gpg-pubkey"])
        RPMCrossCheck.compare(packages, with: generated.truth)
        let many = try #require(packages.first { $0.name == "bulwark-many" })
        #expect(many.files.count == 400)
    }

    @Test("the cataloger maps rpm fields to Bulwark packages and skips gpg-pubkey", .enabled(if: enabled))
    func catalogerFields() throws {
        let generated = try Self.database()
        var tree = MemoryFileTree()
        tree.set(
            "/usr/lib/sysimage/rpm/rpmdb.sqlite",
            FileNode(kind: .regular, size: Int64(generated.bytes.count), contents: generated.bytes))
        tree.set("/var/lib/rpm", FileNode(kind: .symlink, linkTarget: "../../usr/lib/sysimage/rpm"))
        let os = OperatingSystem(family: "fedora", version: "40", versionID: "40")
        let result = try RPMCataloger().catalog(tree, context: CatalogContext(operatingSystem: os))
        #expect(result.warnings.isEmpty)
        #expect(result.packages.count == 3)
        #expect(!result.packages.contains { $0.name == "gpg-pubkey" })

        let sample = try #require(result.packages.first { $0.name == "bulwark-sample" })
        #expect(sample.type == .rpm)
        #expect(sample.version == "7:1.2.3-4.bw1")
        #expect(sample.epoch == 7)
        #expect(sample.upstreamVersion == "1.2.3")
        #expect(sample.release == "4.bw1")
        #expect(sample.architecture == "noarch")
        #expect(sample.sourceName == "bulwark-sample")
        #expect(sample.sourceVersion == "7:1.2.3-4.bw1")
        #expect(sample.licenses == ["MIT AND Apache-2.0"])
        #expect(sample.vendor == "Bulwark Test Vendor")
        #expect(sample.maintainer == "Test Packager <test@example.com>")
        #expect(sample.modularityLabel == "bulwark:1:20240101:abcdef")
        #expect(sample.location == "/usr/lib/sysimage/rpm/rpmdb.sqlite")
        #expect(sample.layer == nil)
        #expect(
            sample.installedFiles.sorted() == [
                "/etc/bulwark-sample.conf", "/usr/share/bulwark-sample/a.txt", "/usr/share/bulwark-sample/b.txt",
            ])
        #expect(
            sample.purl.description
                == "pkg:rpm/fedora/bulwark-sample@1.2.3-4.bw1?arch=noarch&distro=fedora-40&epoch=7"
                + "&upstream=bulwark-sample-1.2.3-4.bw1.src.rpm")

        let native = try #require(result.packages.first { $0.name == "bulwark-native" })
        #expect(native.version == "0.9-1")
        #expect(native.epoch == nil)
        #expect(native.sourceVersion == "0.9-1")
        #expect(native.vendor == nil)
        #expect(native.maintainer == nil)
        #expect(native.modularityLabel == nil)
        #expect(native.purl.qualifiers["epoch"] == nil)
        #expect(native.installedFiles == ["/usr/lib/bulwark-native/data.bin"])

        let many = try #require(result.packages.first { $0.name == "bulwark-many" })
        #expect(many.version == "2024.1-0.1.beta")  // epoch 0 equals no epoch in rpm's ordering: not shown
        #expect(many.epoch == 0)
        #expect(!many.purl.description.contains("epoch="))
        #expect(many.vendor == nil)
        #expect(many.installedFiles.count == 400)
    }

    @Test("rpm writes WAL-mode files; they are read from memory all the same", .enabled(if: enabled))
    func walHeader() throws {
        let generated = try Self.database()
        #expect(generated.bytes[18] == 2 && generated.bytes[19] == 2)
        var legacy = generated.bytes
        legacy[18] = 1
        legacy[19] = 1
        #expect(
            try SQLiteRPMReader.blobs(in: legacy, path: "x") == SQLiteRPMReader.blobs(in: generated.bytes, path: "x"))
    }

    @Test("damaged SQLite files throw BulwarkError naming the file", .enabled(if: enabled))
    func damagedSQLite() throws {
        let generated = try Self.database()
        let path = "/var/lib/rpm/rpmdb.sqlite"
        // A renamed table: a valid database that is not an rpm database.
        var renamed = generated.bytes
        let needle = Array("Packages".utf8)
        var index = 0
        while index + needle.count <= renamed.count {
            if Array(renamed[index..<(index + needle.count)]) == needle {
                renamed[index + needle.count - 1] = UInt8(ascii: "z")
            }
            index += 1
        }
        let noTable = #expect(throws: BulwarkError.self) { try SQLiteRPMReader.blobs(in: renamed, path: path) }
        #expect(noTable?.code == .invalidInput)
        #expect(noTable?.message.hasPrefix(path + ": ") == true)
        #expect(noTable?.message.contains("Packages") == true)
        // Truncated copies.
        for size in [100, 4096, generated.bytes.count / 2, generated.bytes.count - 4096] {
            let error = #expect(throws: BulwarkError.self) {
                _ = try RPMDatabase.packages(from: Array(generated.bytes.prefix(size)), path: path)
            }
            #expect(error?.code == .invalidInput)
            #expect(error?.message.hasPrefix(path + ": ") == true)
        }
        // Random corruption: parses or throws, never crashes.
        var random = RPMTestRandom(seed: 0x5_0175)
        for _ in 0..<150 {
            var bytes = generated.bytes
            for _ in 0..<Int.random(in: 1...16, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            do {
                _ = try RPMDatabase.packages(from: bytes, path: path)
            } catch {
                #expect(error.code == .invalidInput)
            }
        }
    }
}
