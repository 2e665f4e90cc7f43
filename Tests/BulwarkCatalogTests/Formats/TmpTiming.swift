import BulwarkCatalog
import BulwarkCore
import Testing

@Test func tmpTiming() throws {
    let g = HostileInputs.garbage
    let clock = ContinuousClock()
    var t = clock.now
    func lap(_ s: String) { print("TIMING", s, clock.now - t); t = clock.now }
    _ = HostileInputs.garbage.count; lap("gen")
    _ = TextDecoding.text(g); lap("decode")
    _ = TextDecoding.numberedLines(TextDecoding.text(g)); lap("lines")
    _ = try InstalledGemCataloger().catalog(LockfileFixtures.tree(path: "/usr/specifications/h.gemspec", bytes: g), context: CatalogContext()); lap("gemspec")
    _ = try GemfileLockCataloger().catalog(LockfileFixtures.tree(path: "/h/Gemfile.lock", bytes: g), context: CatalogContext()); lap("gemfile")
    _ = try PythonInstalledCataloger().catalog(LockfileFixtures.tree(path: "/site-packages/a.dist-info/METADATA", bytes: g), context: CatalogContext()); lap("metadata")
    _ = try PythonLockfileCataloger().catalog(LockfileFixtures.tree(path: "/requirements.txt", bytes: g), context: CatalogContext()); lap("req")
    _ = TOMLParser.parse(g, path: "x"); lap("toml")
    _ = NestingCheck.bracketDepth(g); lap("nesting")
}
