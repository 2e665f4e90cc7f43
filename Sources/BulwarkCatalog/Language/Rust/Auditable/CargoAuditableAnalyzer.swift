import BulwarkCore

/// Finds the crates compiled into a Rust binary built with `cargo auditable` (the `.dep-v0` ELF section).
///
/// Reports every crate as a `cargo` package (`pkg:cargo/name@version`) with its direct runtime
/// dependencies as purls. The root crate is reported too, as the binary's main package. Crates
/// of kind `build` (build scripts, proc macros: not linked into the binary) are skipped, as Trivy does.
public struct CargoAuditableAnalyzer: FileAnalyzer {
    /// Files larger than this are skipped (default 512 MiB).
    public var maximumFileSize: Int64

    /// Creates the analyzer.
    public init(maximumFileSize: Int64 = 512 << 20) { self.maximumFileSize = maximumFileSize }

    public var id: String { "cargo-auditable-binary" }

    /// Any file with an executable bit, at least an ELF header long and within the size cap.
    public func wants(path: String, mode: UInt32, size: Int64) -> Bool {
        mode & 0o111 != 0 && size >= 52 && size <= maximumFileSize
    }

    public func analyze(path: String, bytes: [UInt8]) -> CatalogResult {
        guard ELFFile.hasMagic(bytes), let elf = try? ELFFile(bytes: bytes, label: path),
            let section = elf.section(named: CargoAuditableDependencyList.sectionName)
        else { return CatalogResult() }
        guard let contents = elf.contents(of: section) else {
            return CatalogResult(warnings: ["\(path): \(CargoAuditableDependencyList.sectionName) section lies past the end of the file"])
        }
        do {
            let list = try CargoAuditableDependencyList.decode(compressed: Array(contents), label: path)
            return CatalogResult(packages: Self.packages(from: list, location: path))
        } catch {
            return CatalogResult(warnings: [error.message])
        }
    }

    /// The `cargo` packages of `list`, located at `location`.
    public static func packages(from list: CargoAuditableDependencyList, location: String) -> [Package] {
        let crates = list.packages
        func isRuntime(_ crate: CargoAuditableDependencyList.Crate) -> Bool { (crate.kind ?? "runtime") != "build" }
        func purl(_ crate: CargoAuditableDependencyList.Crate) -> PackageURL {
            PackageURL(type: "cargo", name: crate.name, version: crate.version.isEmpty ? nil : crate.version)
        }
        var packages: [Package] = []
        var seen = Set<String>()
        for crate in crates where isRuntime(crate) && !crate.name.isEmpty {
            guard seen.insert(crate.name + "@" + crate.version).inserted else { continue }
            var dependencies: [String] = []
            for index in crate.dependencies ?? [] where index >= 0 && index < crates.count && isRuntime(crates[index]) {
                dependencies.append(purl(crates[index]).description)
            }
            packages.append(
                Package.library(.cargo, name: crate.name, version: crate.version, purl: purl(crate), location: location,
                                dependencies: dependencies))
        }
        return packages
    }
}
