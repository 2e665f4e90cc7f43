import BulwarkCatalog
import BulwarkCore
import Foundation
import Testing

/// Packages installed by the real tools, compared with the real tools' own view of them:
/// wheels installed by pip (read back through Python's `importlib.metadata`) and the gems Debian's
/// ruby packages install (read back through RubyGems' `Gem::Specification.load`).
@Suite struct RealInstallTests {
    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (127, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Loads every regular file under `root` into a tree rooted at `/`, for the files `cataloger` wants.
    static func tree(of root: String, for cataloger: any Cataloger) -> MemoryFileTree {
        var tree = MemoryFileTree()
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let path = "/" + relative
            guard cataloger.isInterested(in: path), let data = FileManager.default.contents(atPath: root + path) else { continue }
            tree.set(path, FileNode(kind: .regular, size: Int64(data.count), contents: [UInt8](data)))
        }
        return tree
    }

    @Test func pipInstalledWheelsMatchImportlibMetadata() throws {
        let target = NSTemporaryDirectory() + "bulwark-wheels-" + UUID().uuidString + "/usr/local/lib/python3.11/site-packages"
        defer { try? FileManager.default.removeItem(atPath: target) }
        let install = Self.run("python3", [
            "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check", "--only-binary", ":all:", "--target", target,
            "requests==2.19.1", "urllib3==1.24.1", "Jinja2==2.10", "Django==2.2", "six==1.16.0",
        ])
        if install.status != 0 {
            // PyPI is reachable in CI (its setup installs from it), so there a failed install is a failure;
            // locally without network there is nothing to compare.
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "pip could not install the test wheels")
            return
        }
        let reference = Self.run("python3", [
            "-c", "import importlib.metadata as m, sys\nfor d in m.distributions(path=[sys.argv[1]]): print(d.metadata['Name'] + ' ' + d.version)", target,
        ])
        let expected = Set(reference.output.split(separator: "\n").map(String.init))
        #expect(expected.count == 5)
        let root = String(target.dropLast("/usr/local/lib/python3.11/site-packages".count))
        let cataloger = PythonInstalledCataloger()
        let packages = try cataloger.catalog(Self.tree(of: root, for: cataloger), context: CatalogContext()).packages
        #expect(Set(packages.map { "\($0.name) \($0.version)" }) == expected)
        #expect(packages.allSatisfy { $0.purl.type == "pypi" && $0.location.hasSuffix("/METADATA") })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/ruby") || ProcessInfo.processInfo.environment["CI"] == "true"))
    func debianInstalledGemsMatchRubyGems() throws {
        let directories = ["/usr/share/rubygems-integration/all/specifications", "/usr/lib/ruby/gems/3.1.0/specifications"]
        var files: [String] = []
        for directory in directories {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".gemspec") {
                files.append(directory + "/" + name)
            }
        }
        try #require(!files.isEmpty, "Debian's ruby package installs gem specifications")
        let script = "ARGV.each { |f| s = Gem::Specification.load(f); puts \"#{s.name} #{s.version}\" if s }"
        let reference = Self.run("ruby", ["-e", script] + files)
        try #require(reference.status == 0)
        let expected = Set(reference.output.split(separator: "\n").map(String.init))
        let cataloger = InstalledGemCataloger()
        var tree = MemoryFileTree()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            tree.set(file, FileNode(kind: .regular, size: Int64(data.count), contents: [UInt8](data)))
        }
        let packages = try cataloger.catalog(tree, context: CatalogContext()).packages
        #expect(Set(packages.map { "\($0.name) \($0.version)" }) == expected)
        #expect(packages.count >= 4)
    }
}
