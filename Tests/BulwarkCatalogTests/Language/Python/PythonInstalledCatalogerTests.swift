import BulwarkCatalog
import BulwarkCore
import Testing

@Suite("Python installed distributions")
struct PythonInstalledCatalogerTests {
    let cataloger = PythonInstalledCataloger()
    let site = "/usr/local/lib/python3.11/site-packages"

    @Test func interestIsLimitedToMetadataInsideSitePackages() {
        #expect(cataloger.isInterested(in: "/usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA"))
        #expect(cataloger.isInterested(in: "/app/.venv/lib/python3.12/site-packages/Flask-2.0.0.dist-info/METADATA"))
        #expect(cataloger.isInterested(in: "/usr/lib/python3/dist-packages/distlib-0.3.1.egg-info"))
        #expect(cataloger.isInterested(in: "/usr/lib/python3/dist-packages/x.egg-info/PKG-INFO"))
        #expect(cataloger.isInterested(in: "/usr/lib/python2.7/site-packages/x-1.0-py2.7.egg/EGG-INFO/PKG-INFO"))
        #expect(!cataloger.isInterested(in: "/src/x.dist-info/METADATA"))
        #expect(!cataloger.isInterested(in: "/usr/lib/python3/dist-packages/x.dist-info/RECORD"))
        #expect(cataloger.scope == .installed)
    }

    @Test func readsNameVersionLicenseAndResolvesDependencies() throws {
        let tree = LangTextFixtures.tree(texts: [
            site + "/Flask-2.0.0.dist-info/METADATA": """
            Metadata-Version: 2.1
            Name: Flask
            Version: 2.0.0
            License: BSD-3-Clause
            Requires-Dist: Werkzeug (>=2.0)
            Requires-Dist: click>=7.1.2
            Requires-Dist: asgiref (>=3.2) ; extra == 'async'

            Body: not a header
            """,
            site + "/click-8.0.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: click\nVersion: 8.0.0\nLicense-Expression: BSD-3-Clause\n",
            site + "/typing_extensions-4.4.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: typing_extensions\nVersion: 4.4.0\n",
        ])
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map(\.name) == ["Flask", "click", "typing_extensions"])
        let flask = try #require(result.packages.first)
        #expect(flask.version == "2.0.0")
        #expect(flask.purl.description == "pkg:pypi/flask@2.0.0")
        #expect(flask.licenses == ["BSD-3-Clause"])
        #expect(flask.location == site + "/Flask-2.0.0.dist-info/METADATA")
        #expect(flask.dependencies == ["Werkzeug", "pkg:pypi/click@8.0.0"])
        #expect(result.packages.last?.purl.description == "pkg:pypi/typing-extensions@4.4.0")
        #expect(result.packages.allSatisfy { $0.type == .pypi && !$0.isDevelopment })
    }

    @Test func licenseFallsBackFromWallOfTextToClassifiers() throws {
        let wall = String(repeating: "Permission is hereby granted, free of charge ", count: 5)
        let tree = LangTextFixtures.tree(texts: [
            site + "/a-1.dist-info/METADATA": "Name: a\nVersion: 1\nLicense: \(wall)\nClassifier: License :: OSI Approved :: MIT License\n",
            site + "/b-1.dist-info/METADATA":
                "Name: b\nVersion: 1\nLicense: Copyright (c) X\n        All rights reserved.\nClassifier: License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)\nClassifier: License :: OSI Approved :: BSD License\n",
            site + "/c-1.dist-info/METADATA": "Name: c\nVersion: 1\nLicense: UNKNOWN\n",
        ])
        let packages = try cataloger.catalog(tree, context: CatalogContext()).packages
        #expect(packages.map(\.licenses) == [["MIT"], ["GPL-3.0-or-later", "BSD License"], []])
    }

    @Test func oldStyleDescriptionWithBlankLinesKeepsLaterHeaders() throws {
        let text = "Metadata-Version: 1.1\nName: old\nVersion: 1.0\nDescription: first\n        line\n\n        more\nClassifier: License :: OSI Approved :: ISC License (ISCL)\n\nbody"
        let packages = try cataloger.catalog(LangTextFixtures.tree(texts: [site + "/old-1.0.egg-info": text]), context: CatalogContext()).packages
        #expect(packages.first?.licenses == ["ISC"])
    }

    @Test func missingVersionIsAWarningNotAPackage() throws {
        let tree = LangTextFixtures.tree(texts: [site + "/x.egg-info": "Metadata-Version: 1.0\nName: x\n"])
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.packages.isEmpty)
        #expect(result.warnings == [site + "/x.egg-info:1: Python metadata without Name or Version"])
    }

    @Test(.enabled(if: LangTextFixtures.available))
    func realMetadataSamples() throws {
        let base = "trivy-parser-cases/parser/python/packaging/testdata/"
        let cases: [(file: String, name: String, version: String, licenses: [String])] = [
            ("asyncssh-2.14.2.METADATA", "asyncssh", "2.14.2", ["Eclipse Public License v2.0"]),
            ("distlib-0.3.1-py3.9.egg-info", "distlib", "0.3.1", ["Python license"]),
            ("iniconfig-2.0.0.METADATA", "iniconfig", "2.0.0", ["MIT"]),
            ("setuptools-51.3.3-py3.8.egg-info.PKG-INFO", "setuptools", "51.3.3", ["MIT"]),
            ("unidecode-egg-info.PKG-INFO", "Unidecode", "0.4.1", []),
            ("simple-0.1.0.METADATA", "simple", "0.1.0", []),
            ("zipp-3.12.1.METADATA", "zipp", "3.12.1", ["MIT"]),
        ]
        var files: [(imagePath: String, fixture: String)] = []
        for (index, item) in cases.enumerated() {
            files.append(("/opt/venv\(index)/lib/python3.9/site-packages/\(item.name).dist-info/METADATA", base + item.file))
        }
        let result = try cataloger.catalog(LangTextFixtures.tree(files), context: CatalogContext())
        #expect(result.warnings.isEmpty)
        let found = Dictionary(result.packages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for item in cases {
            let package = try #require(found[item.name], "\(item.file)")
            #expect(package.version == item.version, "\(item.file)")
            #expect(package.licenses == item.licenses, "\(item.file)")
        }
    }

    @Test(arguments: LangTextHostileInputs.cases.map(\.name))
    func hostileMetadataIsSurvived(name: String) throws {
        let bytes = LangTextHostileInputs.cases.first { $0.name == name }?.bytes ?? []
        let tree = LangTextFixtures.tree(path: site + "/h-1.dist-info/METADATA", bytes: bytes)
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.packages.count + result.warnings.count == 1)
    }
}
