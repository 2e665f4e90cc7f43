import Foundation
import Testing

@testable import BulwarkVersion

/// golang.org/x/mod/semver as vendored inside the Go toolchain's own sources.
private let goSemverSource: String? = {
    guard Reference.executable("go") != nil, let root = try? Reference.run(["go", "env", "GOROOT"]) else { return nil }
    let path = root.trimmingCharacters(in: .whitespacesAndNewlines) + "/src/cmd/vendor/golang.org/x/mod/semver/semver.go"
    return FileManager.default.fileExists(atPath: path) ? path : nil
}()

@Suite struct GoTests {
    let comparator = VersionScheme.go.comparator

    @Test(arguments: [
        ("v1.2.3", "1.2.3", 0), ("v1", "v1.0.0", 0), ("v1.2", "v1.2.0", 0), ("v2.0.0+incompatible", "v2.0.0", 0),
        ("v0.0.0-20191109021931-daa7c04131f5", "v0.0.1", -1), ("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.3", 1),
        ("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.4", -1), ("v1.2.3-pre.0.20191109021931-daa7c04131f5", "v1.2.3-pre", 1),
        ("v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-000000000000", -1), ("v1.10.0", "v1.9.0", 1),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    @Test(arguments: ["", "(devel)", "v", "v1.", "v01.2.3", "v1.2.3-01", "v1-pre", "v1.2-pre", "v1.2.3.4", "vv1.2.3", "latest", "v1.2.3+"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "v1.0.0") }
    }

    static func candidates() -> [String] {
        var generator = PairGenerator(seed: 0x60)
        let base = fixtureVersions(["semver-versions.txt"]).map { $0.hasPrefix("v") ? $0 : "v" + $0 }
            + ["v0.0.0-20191109021931-daa7c04131f5", "v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.3-pre.0.20191109021931-daa7c04131f5",
               "v2.0.0+incompatible", "v1", "v1.2", "v0.1.0", "v1.18.0", "1.21.5", "v0.0.0-00010101000000-000000000000"]
        generator.add(base, mutationsPerVersion: 10, mutate: Mutation.oneOf([
            Mutation.bumpNumber, Mutation.bumpNumber,
            Mutation.append(["-0.20240102030405-abcdef123456", "-20240102030405-abcdef123456", ".0.20231231235959-0123456789ab",
                             "+incompatible", "-pre", "-rc.1", ".0", "-01", "+meta.01", "-", ".", "-0"]),
            { version, _ in version.hasPrefix("v") ? String(version.dropFirst()) : "v" + version },
            { version, _ in version.split(separator: ".").prefix(2).joined(separator: ".") },
        ]))
        return generator.versions + ["(devel)", "v1-pre", "v1.2+meta", "go1.21"]
    }

    @Test(.enabled(if: goSemverSource != nil || Reference.inCI))
    func agreesWithXModSemver() throws {
        let source = try #require(goSemverSource)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-go-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("semver"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: source, toPath: directory.appendingPathComponent("semver/semver.go").path)
        try "module bulwarkref\n\ngo 1.18\n".write(to: directory.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try """
        package main

        import (
        \t"bufio"
        \t"fmt"
        \t"os"
        \t"strings"

        \t"bulwarkref/semver"
        )

        func main() {
        \tin := bufio.NewScanner(os.Stdin)
        \tin.Buffer(make([]byte, 1<<20), 1<<20)
        \tout := bufio.NewWriter(os.Stdout)
        \tdefer out.Flush()
        \tfor in.Scan() {
        \t\tparts := strings.Split(in.Text(), "\\t")
        \t\tif len(parts) == 2 {
        \t\t\tfmt.Fprintln(out, semver.Compare(parts[0], parts[1]))
        \t\t} else if semver.IsValid(parts[0]) {
        \t\t\tfmt.Fprintln(out, "V")
        \t\t} else {
        \t\t\tfmt.Fprintln(out, "I")
        \t\t}
        \t}
        }
        """.write(to: directory.appendingPathComponent("main.go"), atomically: true, encoding: .utf8)
        let binary = directory.appendingPathComponent("ref").path
        let environment = ["GOFLAGS": "-mod=mod", "GOPROXY": "off", "GO111MODULE": "on", "GOWORK": "off"]
        _ = try Reference.run(["sh", "-c", "cd \(directory.path) && go build -o \(binary) ."], environment: environment)

        func withV(_ version: String) -> String { version.hasPrefix("v") ? version : "v" + version }
        let candidates = Self.candidates()
        let validity = try Reference.run([binary], stdin: candidates.map { withV($0) + "\n" }.joined()).split(separator: "\n")
        #expect(validity.count == candidates.count)
        var validityProblems: [String] = []
        for (candidate, answer) in zip(candidates, validity) where comparator.isValid(candidate) != (answer == "V") {
            validityProblems.append("\(candidate.debugDescription): x/mod/semver says \(answer)")
        }
        #expect(validityProblems.isEmpty, "\(validityProblems.prefix(30))")

        var generator = PairGenerator(seed: 0x61)
        generator.versions = candidates.filter { comparator.isValid($0) }
        let pairs = generator.pairs(randomCount: 6000)
        let output = try Reference.run([binary], stdin: pairs.map { "\(withV($0.0))\t\(withV($0.1))\n" }.joined())
        let problems = disagreements(pairs, reference: parseSigns(output), comparator: comparator)
        print("[BulwarkVersion reference] go: \(candidates.count) strings checked for validity against golang.org/x/mod/semver; \(validityProblems.count) disagreed")
        report(.go, pairs.count, against: "golang.org/x/mod/semver (from GOROOT)", disagreements: problems.count)
        #expect(problems.isEmpty, "\(problems)")
    }
}
