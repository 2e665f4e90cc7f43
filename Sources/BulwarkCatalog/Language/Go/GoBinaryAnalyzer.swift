import BulwarkCore

/// Finds the Go modules compiled into an ELF executable from its embedded build info.
///
/// Reports every `dep` module (a replaced module under its replacement's path and version), the
/// main module, and the toolchain as the `stdlib` pseudo-module (`go1.19.8` → `v1.19.8`) so Go
/// standard-library advisories match. Decisions, compared with Trivy and Syft:
/// - the main module's `(devel)` version (every `go build` of a checkout) is reported as an empty
///   version, as Trivy does (Syft keeps `(devel)`), since no advisory range can match it; its
///   `dependencies` list every linked module, as the build info does not tell direct from indirect;
/// - a module replaced by a local directory keeps its own path and required version;
/// - development toolchains (`devel go1.22-…`) yield no `stdlib` package.
///
/// Non-ELF files are rejected from their first four bytes, ELF files without a `.go.buildinfo`
/// section from their section headers; only files stripped of section headers are scanned.
public struct GoBinaryAnalyzer: FileAnalyzer {
    /// Files larger than this are skipped (default 512 MiB).
    public var maximumFileSize: Int64

    /// Creates the analyzer.
    public init(maximumFileSize: Int64 = 512 << 20) { self.maximumFileSize = maximumFileSize }

    public var id: String { "go-binary" }

    /// Any file with an executable bit, at least an ELF header long and within the size cap.
    public func wants(path: String, mode: UInt32, size: Int64) -> Bool {
        mode & 0o111 != 0 && size >= 52 && size <= maximumFileSize
    }

    public func analyze(path: String, bytes: [UInt8]) -> CatalogResult {
        guard ELFFile.hasMagic(bytes) else { return CatalogResult() }
        let elf: ELFFile
        let info: GoBuildInfo?
        do {
            elf = try ELFFile(bytes: bytes, label: path)
            info = try GoBuildInfo.read(from: elf, label: path)
        } catch {
            // A damaged ELF that is not visibly a Go binary is not worth a warning.
            if error.message.contains("Go build info") || error.message.contains(".go.buildinfo") {
                return CatalogResult(warnings: [error.message])
            }
            return CatalogResult()
        }
        guard let info else { return CatalogResult() }
        return CatalogResult(packages: Self.packages(from: info, location: path))
    }

    /// The packages described by `info`, located at `location`.
    public static func packages(from info: GoBuildInfo, location: String) -> [Package] {
        let modules = GoModuleInfo(parsing: info.moduleInfo)
        var packages: [Package] = []
        var seen = Set<String>()
        for dependency in modules.dependencies {
            let (path, version) = dependency.effective
            guard !path.isEmpty, seen.insert(path + "@" + version).inserted else { continue }
            packages.append(GoPackageFactory.package(path: path, version: version, location: location))
        }
        let dependencyPurls = packages.map(\.purl.description)
        if let standardVersion = GoPackageFactory.standardLibraryVersion(fromToolchain: info.goVersion) {
            packages.append(GoPackageFactory.package(path: "stdlib", version: standardVersion, location: location))
        }
        if let main = modules.mainModule {
            var (path, version) = main.effective
            if version == "(devel)" { version = "" }
            packages.append(GoPackageFactory.package(path: path, version: version, location: location, dependencies: dependencyPurls))
        }
        return packages
    }
}
