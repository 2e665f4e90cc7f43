import BulwarkCatalog
import BulwarkCore
import Testing

@Suite("Python lockfiles")
struct PythonLockfileCatalogerTests {
    let cataloger = PythonLockfileCataloger()

    private func catalog(_ path: String, _ text: String) throws -> CatalogResult {
        try cataloger.catalog(LangTextFixtures.tree(texts: [path: text]), context: CatalogContext())
    }

    private func catalogFixture(_ imagePath: String, _ fixture: String) throws -> CatalogResult {
        try cataloger.catalog(LangTextFixtures.tree([(imagePath, fixture)]), context: CatalogContext())
    }

    @Test func interestAndScope() {
        #expect(cataloger.scope == .lockfile)
        for path in ["/a/requirements.txt", "/a/requirements-dev.txt", "/poetry.lock", "/x/Pipfile.lock", "/uv.lock", "/pdm.lock"] {
            #expect(cataloger.isInterested(in: path), "\(path)")
        }
        for path in ["/a/requirements.in", "/a/dev-requirements.cfg", "/Pipfile", "/pyproject.toml"] {
            #expect(!cataloger.isInterested(in: path), "\(path)")
        }
    }

    @Test func requirementsPinsHashesMarkersExtrasAndContinuations() throws {
        let result = try catalog(
            "/src/requirements.txt",
            """
            # a comment
            -r base.txt
            --index-url https://pypi.example/simple
            Django == 2.3.4 ; python_version < '3.8'
            celery[redis, pytest]==4.4.7  # trailing
            Jinja2==3.0.0#comment
            FooProject == 1.2 --hash=sha256:2cf2 \\
                --hash=sha256:486e
            requests>=2.31.0,<3
            numpy
            pinned-wild==2.0.*
            -e git+https://example.com/x.git#egg=x
            %ifcookiecutter|lower=='click'-%}
            """)
        #expect(result.packages.map(\.name) == ["Django", "celery", "Jinja2", "FooProject"])
        #expect(result.packages.map(\.version) == ["2.3.4", "4.4.7", "3.0.0", "1.2"])
        #expect(result.packages.first?.purl.description == "pkg:pypi/django@2.3.4")
        #expect(result.packages.allSatisfy { $0.location == "/src/requirements.txt" })
        #expect(result.warnings.count == 4)
        #expect(result.warnings[0] == "/src/requirements.txt:9: 'requests>=2.31.0,<3' is not pinned with '==' and was left out")
        #expect(result.warnings[1].hasPrefix("/src/requirements.txt:10: 'numpy'"))
        #expect(result.warnings[2].hasPrefix("/src/requirements.txt:11: 'pinned-wild==2.0.*' is not pinned to one version"))
        #expect(result.warnings[3].hasPrefix("/src/requirements.txt:13: not a requirement"))
    }

    @Test(
        .enabled(if: LangTextFixtures.available),
        arguments: [
            ("requirements_flask.txt", ["click@8.0.0", "Flask@2.0.0", "itsdangerous@2.0.0", "Jinja2@3.0.0", "MarkupSafe@2.0.0", "Werkzeug@2.0.0"], 0),
            ("requirements_comments.txt", ["click@8.0.0", "Flask@2.0.0", "Jinja2@3.0.0", "MarkupSafe@2.0.0"], 0),
            ("requirements_spaces.txt", ["click@8.0.0", "Flask@2.0.0", "itsdangerous@2.0.0", "Jinja2@3.0.0"], 0),
            ("requirements_hyphens.txt", ["oauth2-client@4.0.0", "python-gitlab@2.0.0"], 0),
            ("requirement_exstras.txt", ["pyjwt@2.1.0", "celery@4.4.7"], 0),
            ("requirements_hash.txt", ["FooProject@1.2", "Jinja2@3.0.0"], 0),
            ("requirements_utf16le.txt", ["attrs@20.3.0"], 0),
            ("requirements_no_version.txt", ["Flask@2.0.0"], 2),
            ("requirements_operator.txt", ["Django@2.3.4", "SomeProject@5.4"], 6),
            ("requirements_compatible.txt", [], 7),
            ("requirements_with_templating_engine.txt", [], 5),
        ])
    func realRequirementsFiles(file: String, expected: [String], warningCount: Int) throws {
        let result = try catalogFixture("/src/requirements.txt", "trivy-parser-cases/parser/python/pip/testdata/" + file)
        #expect(result.packages.map { "\($0.name)@\($0.version)" } == expected)
        #expect(result.warnings.count == warningCount, "\(result.warnings)")
    }

    @Test func poetryLockDevFlagsFromCategoryAndGroups() throws {
        let result = try catalog(
            "/app/poetry.lock",
            """
            [[package]]
            name = "Flask"
            version = "2.0.0"
            category = "main"

            [package.dependencies]
            click = ">=7.1.2"
            Werkzeug = ">=2.0"

            [[package]]
            name = "click"
            version = "8.0.0"
            groups = ["main", "dev"]

            [[package]]
            name = "pytest"
            version = "7.0.0"
            groups = ["dev"]

            [[package]]
            name = "coverage"
            version = "6.0"
            category = "dev"
            """)
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map(\.name) == ["Flask", "click", "pytest", "coverage"])
        #expect(result.packages.map(\.isDevelopment) == [false, false, true, true])
        #expect(result.packages.first?.dependencies == ["Werkzeug", "pkg:pypi/click@8.0.0"])
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realPoetryLocks() throws {
        let flask = try catalogFixture("/app/poetry.lock", "trivy-parser-cases/parser/python/poetry/testdata/poetry_flask.lock")
        #expect(flask.warnings.isEmpty)
        #expect(flask.packages.count == 15)
        #expect(flask.packages.filter(\.isDevelopment).count == 7)
        let v2 = try catalogFixture("/app/poetry.lock", "trivy-parser-cases/parser/python/poetry/testdata/poetry_v2_flask.lock")
        #expect(v2.packages.map(\.name) == flask.packages.map(\.name))
        #expect(v2.packages.map(\.isDevelopment) == flask.packages.map(\.isDevelopment))
        let atomicwrites = try #require(v2.packages.first)
        #expect(atomicwrites.name == "atomicwrites" && atomicwrites.version == "1.4.1" && atomicwrites.isDevelopment)
        let sad = try catalogFixture("/app/poetry.lock", "trivy-analyzer-cases/language/python/poetry/testdata/sad/poetry.lock")
        #expect(!sad.warnings.isEmpty)
    }

    @Test func pipfileLockDefaultAndDevelop() throws {
        let result = try catalog(
            "/app/Pipfile.lock",
            #"""
            {"_meta": {}, "default": {"requests": {"version": "==2.31.0"}, "gitdep": {"git": "https://x"}},
             "develop": {"pytest": {"version": "==7.0.0"}, "requests": {"version": "==2.31.0"}}}
            """#)
        #expect(result.packages.map { "\($0.name)@\($0.version)/\($0.isDevelopment)" } == ["requests@2.31.0/false", "pytest@7.0.0/true"])
        #expect(result.warnings == ["/app/Pipfile.lock: 'gitdep' in 'default' has no pinned version and was left out"])
    }

    @Test(.enabled(if: LangTextFixtures.available), arguments: [("Pipfile_normal.lock", 6), ("Pipfile_django.lock", 10), ("Pipfile_many.lock", 24)])
    func realPipfileLocks(file: String, count: Int) throws {
        let result = try catalogFixture("/app/Pipfile.lock", "trivy-parser-cases/parser/python/pipenv/testdata/" + file)
        #expect(result.warnings.isEmpty)
        #expect(result.packages.count == count)
        #expect(result.packages.allSatisfy { !$0.version.hasPrefix("=") && !$0.isDevelopment })
    }

    @Test func uvLockSkipsTheProjectAndFlagsDevOnlyPackages() throws {
        let result = try catalog(
            "/app/uv.lock",
            """
            version = 1

            [[package]]
            name = "app"
            version = "0.1.0"
            source = { editable = "." }
            dependencies = [{ name = "requests" }]

            [package.dev-dependencies]
            dev = [{ name = "pytest" }]

            [[package]]
            name = "requests"
            version = "2.31.0"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [{ name = "idna" }]

            [[package]]
            name = "idna"
            version = "3.6"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "pytest"
            version = "8.0.0"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [{ name = "idna" }]
            """)
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map(\.name) == ["requests", "idna", "pytest"])
        #expect(result.packages.map(\.isDevelopment) == [false, false, true])
        #expect(result.packages.first?.dependencies == ["pkg:pypi/idna@3.6"])
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realUVLocks() throws {
        let normal = try catalogFixture("/app/uv.lock", "trivy-parser-cases/parser/python/uv/testdata/uv_normal.lock")
        #expect(normal.warnings.isEmpty)
        #expect(normal.packages.count == 20)
        #expect(normal.packages.first?.name == "anyio" && normal.packages.first?.version == "4.7.0")
        let broken = try catalogFixture("/app/uv.lock", "trivy-analyzer-cases/language/python/uv/testdata/broken-lock/uv.lock")
        #expect(!broken.warnings.isEmpty)
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realPDMLocks() throws {
        let extras = try catalogFixture("/app/pdm.lock", "syft-cataloger-cases/cataloger/python/testdata/pdm-lock-extras/pdm.lock")
        #expect(extras.warnings.isEmpty)
        #expect(extras.packages.filter { $0.name == "coverage" }.count == 1)
        #expect(extras.packages.allSatisfy { $0.isDevelopment })
        let plain = try catalogFixture("/app/pdm.lock", "syft-cataloger-cases/cataloger/python/testdata/pdm-lock/pdm.lock")
        #expect(plain.packages.count == 10)
        #expect(plain.packages.filter(\.isDevelopment).count == 8)
    }

    @Test(arguments: ["requirements.txt", "poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock"])
    func hostileInputsGiveWarningsNotCrashes(file: String) throws {
        for hostile in LangTextHostileInputs.cases {
            let tree = LangTextFixtures.tree(path: "/h/" + file, bytes: hostile.bytes)
            let result = try cataloger.catalog(tree, context: CatalogContext())
            #expect(result.warnings.count <= WarningLimit.perFile + 2, "\(file) \(hostile.name)")
            if hostile.name == "garbage" || hostile.name.hasPrefix("deep") {
                #expect(!result.warnings.isEmpty, "\(file) \(hostile.name)")
            }
        }
    }
}
