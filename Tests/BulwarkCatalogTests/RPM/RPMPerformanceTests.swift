import BulwarkCatalog
import BulwarkCore
import Foundation
import Testing

/// A database of realistic size must parse in milliseconds, not seconds.
@Suite("RPM database performance")
struct RPMPerformanceTests {
    /// 400 packages of 60 files each, the size of a typical RHEL image.
    static let packages: [[UInt8]] = (0..<400).map { number in
        RPMHeaderBlobBuilder.package(
            name: "package-\(number)", version: "1.\(number)", epoch: number % 3 == 0 ? 1 : nil,
            files: (0..<60).map { "/usr/share/package-\(number)/dir\($0 % 6)/file-\($0).txt" }
        ).build()
    }

    static func measure(_ body: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return clock.now - start
    }

    @Test("400 packages (NDB and Berkeley DB) parse quickly")
    func fourHundredPackages() throws {
        var ndb = NDBBuilder()
        ndb.blobs = Self.packages
        let ndbBytes = ndb.build().bytes
        var bdb = BerkeleyDBHashBuilder()
        for (number, blob) in Self.packages.enumerated() { bdb.add(instance: UInt32(number + 1), value: blob) }
        let bdbBytes = bdb.build().bytes

        var tree = MemoryFileTree()
        tree.set("/var/lib/rpm/Packages.db", FileNode(kind: .regular, size: Int64(ndbBytes.count), contents: ndbBytes))
        tree.set("/usr/lib/sysimage/rpm/Packages", FileNode(kind: .regular, size: Int64(bdbBytes.count), contents: bdbBytes))
        var result = CatalogResult()
        // Warm up once, then take the best of three runs.
        _ = try RPMCataloger().catalog(tree, context: CatalogContext())
        var best = Duration.seconds(3600)
        for _ in 0..<3 {
            best = min(best, try Self.measure { result = try RPMCataloger().catalog(tree, context: CatalogContext()) })
        }
        #expect(result.packages.count == 800)
        #expect(result.packages.reduce(0) { $0 + $1.installedFiles.count } == 800 * 60)
        // Debug builds on a shared 2-core machine are far slower than release; this bound only
        // catches accidental quadratic behaviour. Release builds take a few milliseconds.
        #expect(best < .seconds(10), "800 packages took \(best)")
        print("RPM performance: 2 × 400 packages with 60 files each catalogued in \(best)")
    }
}
