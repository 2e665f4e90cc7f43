import BulwarkCatalog
import BulwarkCore
import Testing

@Suite("Ruby gems")
struct RubyCatalogerTests {
    let installed = InstalledGemCataloger()
    let lockfile = GemfileLockCataloger()
    let gems = "/usr/local/bundle/specifications"

    @Test func interestAndScopes() {
        #expect(installed.isInterested(in: gems + "/rack-2.2.4.gemspec"))
        #expect(installed.isInterested(in: "/usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec"))
        #expect(!installed.isInterested(in: "/src/rack/rack.gemspec"))
        #expect(installed.scope == .installed)
        #expect(lockfile.isInterested(in: "/app/Gemfile.lock"))
        #expect(!lockfile.isInterested(in: "/app/Gemfile"))
        #expect(lockfile.scope == .lockfile)
    }

    @Test func readsRubygemsWrittenSpecifications() throws {
        let tree = LangTextFixtures.tree(texts: [
            gems + "/rack-2.2.4.gemspec": """
            # -*- encoding: utf-8 -*-
            # stub: rack 2.2.4 ruby lib

            Gem::Specification.new do |s|
              s.name = "rack".freeze
              s.version = "2.2.4"

              s.required_rubygems_version = Gem::Requirement.new(">= 0".freeze) if s.respond_to? :required_rubygems_version=
              s.authors = ["Leah Neukirchen".freeze]
              s.licenses = ["MIT".freeze]
              s.add_runtime_dependency(%q<minitest>.freeze, ["~> 5.0"])
              s.add_development_dependency(%q<rake>.freeze, [">= 0"])
            end
            """,
            gems + "/minitest-5.16.3.gemspec": """
            Gem::Specification.new do |spec|
              spec.name = %q{minitest}
              spec.version = Gem::Version.new("5.16.3")
              spec.license = 'MIT'
            end
            """,
            "/usr/local/bundle/specifications/default/json-2.6.1.gemspec": "Gem::Specification.new do |s|\n  s.name = \"json\"\n  s.version = \"2.6.1\"\nend\n",
            gems + "/broken.gemspec": "Gem::Specification.new do |s|\n  s.summary = \"no name\"\nend\n",
        ])
        let result = try installed.catalog(tree, context: CatalogContext())
        #expect(result.warnings == [gems + "/broken.gemspec:1: gemspec without a name or version"])
        let byName = Dictionary(result.packages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let rack = try #require(byName["rack"])
        #expect(rack.version == "2.2.4")
        #expect(rack.licenses == ["MIT"])
        #expect(rack.purl.description == "pkg:gem/rack@2.2.4")
        #expect(rack.dependencies == ["pkg:gem/minitest@5.16.3"])
        #expect(byName["minitest"]?.version == "5.16.3")
        #expect(byName["minitest"]?.licenses == ["MIT"])
        #expect(byName["json"]?.version == "2.6.1")
    }

    @Test func gemfileLockSpecsPlatformsAndDependencies() throws {
        let text = """
            GIT
              remote: https://github.com/x/y.git
              revision: abc
              specs:
                y (0.1.0)

            GEM
              remote: https://rubygems.org/
              specs:
                nokogiri (1.13.6-x86_64-linux)
                  racc (~> 1.4)
                racc (1.6.0)
                broken

            PLATFORMS
              x86_64-linux

            DEPENDENCIES
              nokogiri

            BUNDLED WITH
               2.3.7
            """
        let result = try lockfile.catalog(LangTextFixtures.tree(texts: ["/app/Gemfile.lock": text]), context: CatalogContext())
        #expect(result.packages.map { "\($0.name)@\($0.version)" } == ["y@0.1.0", "nokogiri@1.13.6", "racc@1.6.0"])
        #expect(result.packages[1].purl.description == "pkg:gem/nokogiri@1.13.6?platform=x86_64-linux")
        #expect(result.packages[1].dependencies == ["pkg:gem/racc@1.6.0"])
        #expect(result.warnings == ["/app/Gemfile.lock:13: gem 'broken' has no version"])
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realGemfileLocks() throws {
        let normal = try lockfile.catalog(
            LangTextFixtures.tree([("/app/Gemfile.lock", "trivy-parser-cases/parser/ruby/bundler/testdata/Gemfile_normal.lock")]), context: CatalogContext())
        #expect(normal.warnings.isEmpty)
        #expect(
            normal.packages.map { "\($0.name)@\($0.version)" } == [
                "coderay@1.1.2", "concurrent-ruby@1.1.5", "dotenv@2.7.2", "faker@1.9.3", "i18n@1.6.0", "method_source@0.9.2", "pry@0.12.2",
            ])
        #expect(normal.packages.first { $0.name == "pry" }?.dependencies == ["pkg:gem/coderay@1.1.2", "pkg:gem/method_source@0.9.2"])
        let bundler2 = try lockfile.catalog(
            LangTextFixtures.tree([("/app/Gemfile.lock", "trivy-parser-cases/parser/ruby/bundler/testdata/Gemfile_bundler2.lock")]), context: CatalogContext())
        #expect(bundler2.packages.count == 8)
        #expect(bundler2.packages.first { $0.name == "faker" }?.version == "2.21.0")
        #expect(bundler2.packages.first { $0.name == "faker" }?.dependencies == ["pkg:gem/i18n@1.10.0"])
    }

    @Test func hostileInputsGiveWarningsNotCrashes() throws {
        for hostile in LangTextHostileInputs.cases {
            let gemspec = try installed.catalog(LangTextFixtures.tree(path: gems + "/h.gemspec", bytes: hostile.bytes), context: CatalogContext())
            #expect(gemspec.packages.count + gemspec.warnings.count == 1, "\(hostile.name)")
            let lock = try lockfile.catalog(LangTextFixtures.tree(path: "/h/Gemfile.lock", bytes: hostile.bytes), context: CatalogContext())
            #expect(lock.warnings.count <= WarningLimit.perFile + 1, "\(hostile.name)")
        }
    }
}
