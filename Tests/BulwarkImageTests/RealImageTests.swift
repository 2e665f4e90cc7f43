import BulwarkCore
import BulwarkImage
import BulwarkTestSupport
import Foundation
import Testing

/// Real images and deliberately broken layouts from ../shared/fixtures (skipped when absent).
@Suite struct RealImageTests {
    static let fixtures: String? = SharedFixtureLocation.path("fixtures/images")

    static func paths(_ folder: String) -> [String] {
        guard let fixtures else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: fixtures + "/" + folder)) ?? []).sorted().map { fixtures + "/" + folder + "/" + $0 }
    }

    @Test(.enabled(if: fixtures != nil, "needs ../shared/fixtures"), arguments: paths("docker-save"))
    func realDockerSaveTarballsResolve(path: String) throws {
        let scratch = NSTemporaryDirectory() + "bulwark-real-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let image = try ImageOpener.open(path: path, scratchDirectory: scratch).resolve(ImageSelection())
        #expect(image.metadata.os == "linux")
        #expect(!image.layers.isEmpty)
        let reader = LayerReader(interest: { $0 == "/lib/apk/db/installed" || $0 == "/etc/os-release" })
        let contents = try reader.read(image.layers[0], imageLabel: path)
        try contents.verify()
        #expect(contents.fileCount > 50)
        #expect(contents.touchesCollectedFiles)
    }

    /// Every broken case ends in a BulwarkError or a result — never a crash or hang.
    @Test(.enabled(if: fixtures != nil, "needs ../shared/fixtures"), arguments: paths("oci-cases") + paths("layer-cases"))
    func brokenAndOddCasesNeverCrash(path: String) {
        let scratch = NSTemporaryDirectory() + "bulwark-real-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            let image = try ImageOpener.open(path: path, scratchDirectory: scratch).resolve(ImageSelection())
            let reader = LayerReader(interest: { _ in true })
            var tree = MemoryFileTree()
            for layer in image.layers {
                let contents = try reader.read(layer, imageLabel: path)
                try contents.verify()
                LayerApplier.apply(contents, to: &tree)
            }
            for path in tree.nodes.keys { _ = tree.resolve(path) }
        } catch {
            #expect(!error.message.isEmpty)
            #expect(!error.message.contains("\n"))
        }
    }
}
