import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Testing

/// Language packages in images and folders: installed metadata attributed to the layer of its file,
/// whiteouts honoured, lockfiles read only in folder mode, selection flags.
@Suite struct LanguagePackageTests {
    static func packageJSON(_ name: String, _ version: String) -> String {
        #"{"name": "\#(name)", "version": "\#(version)", "license": "MIT"}"#
    }

    static let metadata = "Metadata-Version: 2.1\nName: requests\nVersion: 2.19.1\nLicense: Apache 2.0\n\n"

    static let packageLock = """
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "packages": {
          "": {"name": "app", "version": "1.0.0", "dependencies": {"axios": "0.21.0"}, "devDependencies": {"jest-mock": "29.0.0"}},
          "node_modules/axios": {"version": "0.21.0"},
          "node_modules/jest-mock": {"version": "29.0.0", "dev": true}
        }}
        """

    @Test func imageModeReadsInstalledMetadataWithLayersAndWhiteouts() async throws {
        let base = TestLayer(files: [
            ("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"),
            ("app/node_modules/lodash/package.json", Self.packageJSON("lodash", "4.17.15")),
            ("app/node_modules/@babel/core/package.json", Self.packageJSON("@babel/core", "7.0.0")),
            ("usr/lib/python3/dist-packages/requests-2.19.1.dist-info/METADATA", Self.metadata),
            ("app/package.json", Self.packageJSON("app", "1.0.0")),
            ("app/package-lock.json", Self.packageLock),
        ])
        var upper = TarWriter()
        upper.file("app/node_modules/minimist/package.json", Self.packageJSON("minimist", "1.2.0"))
        upper.file("usr/lib/python3/dist-packages/.wh.requests-2.19.1.dist-info", "")
        let image = TestImage(layers: [base, TestLayer(tar: upper.finished(), createdBy: "RUN npm install minimist")])
        try await TemporaryDirectory.with { dir in
            let path = try TemporaryDirectory.write(ImageWriter.tar(ImageWriter.dockerArchiveFiles(image)), named: "app.tar", in: dir)
            let scanner = InventoryScanner()
            let inventory = try await scanner.scanImage(at: path, options: InventoryScanOptions(scratchDirectory: dir + "/s"))
            let npm = inventory.packages.filter { $0.type == .npm }
            #expect(npm.map(\.name).sorted() == ["@babel/core", "lodash", "minimist"], "lockfiles and the root package are not installed packages")
            #expect(npm.first { $0.name == "minimist" }?.layer?.index == 1)
            #expect(npm.first { $0.name == "lodash" }?.layer?.index == 0)
            #expect(npm.first { $0.name == "@babel/core" }?.purl.description == "pkg:npm/%40babel/core@7.0.0")
            #expect(!inventory.packages.contains { $0.type == .pypi }, "the whiteout removed the dist-info directory")

            let osOnly = try await scanner.scanImage(
                at: path, options: InventoryScanOptions(scratchDirectory: dir + "/s", packages: PackageSelection(types: ["os"])))
            #expect(osOnly.packages.allSatisfy { $0.type.isOSPackage })
        }
    }

    @Test func languagePackagesShippedByOSPackagesAreLeftToThem() async throws {
        let metadataPath = "/usr/lib/python3/dist-packages/pip-23.0.1.dist-info/METADATA"
        let layer = TestLayer(files: [
            ("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"),
            ("var/lib/dpkg/status", "Package: python3-pip\nStatus: install ok installed\nArchitecture: all\nVersion: 23.0.1+dfsg-1\nSource: python-pip\n"),
            ("var/lib/dpkg/info/python3-pip.list", "/usr\n\(metadataPath)\n"),
            (String(metadataPath.dropFirst()), "Metadata-Version: 2.1\nName: pip\nVersion: 23.0.1\n"),
            ("usr/local/lib/python3.11/site-packages/wheel-0.38.4.dist-info/METADATA", "Metadata-Version: 2.1\nName: wheel\nVersion: 0.38.4\n"),
        ])
        try await TemporaryDirectory.with { dir in
            let path = try TemporaryDirectory.write(ImageWriter.tar(ImageWriter.dockerArchiveFiles(TestImage(layers: [layer]))), named: "i.tar", in: dir)
            let inventory = try await InventoryScanner().scanImage(at: path, options: InventoryScanOptions(scratchDirectory: dir + "/s"))
            #expect(inventory.packages.map(\.name).sorted() == ["python3-pip", "wheel"])
        }
    }

    @Test func folderModeReadsLockfilesAndFiltersDevelopmentDependencies() async throws {
        try await TemporaryDirectory.with { dir in
            try ImageWriter.writeDirectory([
                ("package-lock.json", Array(Self.packageLock.utf8)),
                ("requirements.txt", Array("requests==2.19.1\nflask>=2.0\n".utf8)),
                (".git/HEAD", Array("ref: refs/heads/main\n".utf8)),
            ], to: dir)
            let scanner = InventoryScanner()
            let all = try scanner.scanFolder(at: dir)
            #expect(all.target.kind == .filesystem)
            #expect(Set(all.packages.map(\.name)) == ["axios", "jest-mock", "requests"])
            #expect(all.packages.first { $0.name == "jest-mock" }?.isDevelopment == true)
            #expect(all.warnings.contains { $0.contains("requirements.txt") && $0.contains("flask") }, "unpinned entries are noted: \(all.warnings)")
            let production = try scanner.scanFolder(at: dir, packages: PackageSelection(excludeDevelopment: true))
            #expect(Set(production.packages.map(\.name)) == ["axios", "requests"])
            let onlyPython = try scanner.scanFolder(at: dir, packages: PackageSelection(types: ["pypi"]))
            #expect(onlyPython.packages.map(\.name) == ["requests"])
            // rootfs mode never reads lockfiles
            #expect(try scanner.scanRootfs(at: dir).packages.isEmpty)
        }
    }
}
