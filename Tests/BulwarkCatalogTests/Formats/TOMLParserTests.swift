import BulwarkCatalog
import Foundation
import Testing

@Suite("TOML subset parser")
struct TOMLParserTests {
    private func parse(_ text: String) -> TOMLDocument { TOMLParser.parse(Array(text.utf8), path: "/x.toml") }

    @Test func tablesArraysOfTablesAndDottedKeys() {
        let document = parse(
            """
            # comment
            version = 4
            [metadata]
            lock.version = "2.1"   # trailing comment
            "quoted key" = 'literal \\n kept'

            [[package]]
            name = "a"
            [package.dependencies]
            b = ">=1"

            [[package]]
            name = "b"
            optional = false
            """)
        #expect(document.warnings.isEmpty)
        #expect(document["version"] == .integer(4))
        #expect(document["metadata"]?.table?["lock"]?.table?["version"] == .string("2.1"))
        #expect(document["metadata"]?.table?["quoted key"] == .string("literal \\n kept"))
        let packages = document["package"]?.tables ?? []
        #expect(packages.count == 2)
        #expect(packages.first?["dependencies"]?.table?["b"] == .string(">=1"))
        #expect(packages.last?["optional"] == .boolean(false))
    }

    @Test func stringsWithEscapesAndMultiLine() {
        let document = parse(
            #"""
            basic = "tab\tquote\" unicode\u00e9 \U0001F600"
            multi = """
            first \
               second"""
            literal = '''
            raw \n text'''
            quotes = """a""b"""""
            """#)
        #expect(document.warnings.isEmpty)
        #expect(document["basic"]?.string == "tab\tquote\" unicodeé 😀")
        #expect(document["multi"]?.string == "first second")
        #expect(document["literal"]?.string == "raw \\n text")
        #expect(document["quotes"]?.string == "a\"\"b\"\"")
    }

    @Test func numbersBooleansDatesArraysAndInlineTables() {
        let document = parse(
            """
            hex = 0xff
            big = 1_000
            negative = -3
            pi = 3.14
            yes = true
            when = 1979-05-27T07:32:00Z
            day = 1979-05-27
            files = [
                {file = "a.whl", hash = "sha256:1"},  # comment inside
                { file = "b.tar.gz", nested = { deep = [1, [2, 3]] } },
            ]
            empty = []
            """)
        #expect(document.warnings.isEmpty)
        #expect(document["hex"] == .integer(255))
        #expect(document["big"] == .integer(1000))
        #expect(document["negative"] == .integer(-3))
        #expect(document["pi"] == .float(3.14))
        #expect(document["yes"] == .boolean(true))
        #expect(document["when"] == .dateTime("1979-05-27T07:32:00Z"))
        #expect(document["day"] == .dateTime("1979-05-27"))
        let files = document["files"]?.tables ?? []
        #expect(files.count == 2)
        #expect(files.first?["hash"]?.string == "sha256:1")
        #expect(files.last?["nested"]?.table?["deep"] == .array([.integer(1), .array([.integer(2), .integer(3)])]))
        #expect(document["empty"] == .array([]))
    }

    @Test func badLinesBecomeWarningsWithLineNumbersAndParsingGoesOn() {
        let document = parse(
            """
            good = 1
            bad = @what
            = 3
            [unterminated
            dup = 1
            dup = 2
            after = "still read"
            """)
        #expect(document["good"] == .integer(1))
        #expect(document["unterminated"] == nil)
        #expect(document["after"]?.string == "still read")
        #expect(document.warnings.count == 4)
        #expect(document.warnings.first?.hasPrefix("/x.toml:2: ") == true)
        #expect(document.warnings.contains { $0.hasPrefix("/x.toml:6: ") && $0.contains("duplicate") })
    }

    @Test func redefiningAValueAsATableIsAWarning() {
        let document = parse("a = 1\n[a.b]\nc = 2\n[[a]]\n")
        #expect(document["a"] == .integer(1))
        #expect(document.warnings.count >= 2)
    }

    @Test(arguments: LangTextHostileInputs.cases.map(\.name))
    func hostileInputNeverCrashes(name: String) {
        let bytes = LangTextHostileInputs.cases.first { $0.name == name }?.bytes ?? []
        let clock = ContinuousClock()
        let start = clock.now
        let document = TOMLParser.parse(bytes, path: "/hostile.toml")
        #expect(clock.now - start < .seconds(20))
        #expect(document.warnings.count <= TOMLParser.maxWarnings + 1)
        if !bytes.isEmpty && name != "nul bytes" { #expect(!document.warnings.isEmpty) }
    }

    @Test func truncatedLockfileKeepsWhatWasComplete() throws {
        let text = "[[package]]\nname = \"a\"\nversion = \"1\"\n\n[[package]]\nname = \"b\"\nversion = \"2\"\ndependencies = [\n \"a\","
        let document = parse(text)
        let packages = document["package"]?.tables ?? []
        #expect(packages.count == 2)
        #expect(packages.first?["version"]?.string == "1")
        #expect(!document.warnings.isEmpty)
    }

    static let pythonPresent = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// Every TOML lockfile of the shared samples parses to exactly what Python's `tomllib` reads.
    @Test(.enabled(if: (pythonPresent && LangTextFixtures.available) || ProcessInfo.processInfo.environment["CI"] == "true"))
    func matchesPythonTomllibOnRealLockfiles() throws {
        let names: Set<String> = ["poetry.lock", "uv.lock", "pdm.lock", "Cargo.lock", "pylock.toml", "pyproject.toml", "Cargo.toml"]
        let files = LangTextFixtures.files { names.contains(URL(fileURLWithPath: $0).lastPathComponent) || $0.hasSuffix("cargo_normal.lock") || $0.hasSuffix("cargo_v3.lock") || $0.hasSuffix("cargo_mixed.lock") || $0.hasSuffix("poetry_flask.lock") || $0.hasSuffix("poetry_v2_flask.lock") || $0.hasSuffix("uv_normal.lock") }
        #expect(files.count >= 20)
        let root = try #require(LangTextFixtures.root)
        var compared = 0
        for file in files {
            guard let oracle = try tomllibJSON(root + "/" + file) else {
                // tomllib refuses the file: Bulwark must warn, not crash.
                let document = TOMLParser.parse(LangTextFixtures.bytes(file) ?? [], path: file)
                #expect(!document.warnings.isEmpty, "\(file): tomllib rejects it but Bulwark gave no warning")
                continue
            }
            let document = TOMLParser.parse(LangTextFixtures.bytes(file) ?? [], path: file)
            #expect(document.warnings.isEmpty, "\(file): \(document.warnings)")
            let mine = try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: Self.foundationValue(.table(document.root))))
            #expect((mine as? NSDictionary) == (oracle as? NSDictionary), "\(file) differs from tomllib")
            compared += 1
        }
        #expect(compared >= 15)
    }

    private func tomllibJSON(_ path: String) throws -> Any? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            "import tomllib,json,sys\ntry: d=tomllib.load(open(sys.argv[1],'rb'))\nexcept Exception: sys.exit(3)\nprint(json.dumps(d, default=str))",
            path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: data)
    }

    static func foundationValue(_ value: TOMLValue) -> Any {
        switch value {
        case .string(let text), .dateTime(let text): return text
        case .integer(let number): return NSNumber(value: number)
        case .float(let number): return NSNumber(value: number)
        case .boolean(let flag): return NSNumber(value: flag)
        case .array(let items): return items.map(foundationValue)
        case .table(let table): return table.mapValues(foundationValue)
        }
    }
}
