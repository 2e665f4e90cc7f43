import BulwarkCore
import BulwarkDocker
import Testing

@Suite("Package drift")
struct PackageDriftTests {
    static func apk(_ name: String, _ version: String) -> Package {
        Package.library(.pypi, name: name, version: version, purl: PackageURL(type: "pypi", name: name, version: version), location: "/lib/apk/db/installed")
    }

    @Test("added and changed packages are reported; unchanged ones are not")
    func drift() {
        let image = [Self.apk("musl", "1.2.4"), Self.apk("busybox", "1.36.1")]
        let container = [Self.apk("musl", "1.2.4"), Self.apk("busybox", "1.36.2"), Self.apk("curl", "8.5.0"), Self.apk("curl", "8.5.0")]
        let drift = PackageDrift.compute(container: container, image: image)
        #expect(drift.map(\.package.name) == ["busybox", "curl"])
        #expect(drift.first?.imageVersion == "1.36.1")
        #expect(drift.first?.kind == "changed")
        #expect(drift.last?.imageVersion == nil)
        #expect(drift.last?.kind == "added")
    }

    @Test("no drift when the container matches its image")
    func none() {
        let packages = [Self.apk("musl", "1.2.4")]
        #expect(PackageDrift.compute(container: packages, image: packages).isEmpty)
    }
}
