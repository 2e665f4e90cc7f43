import Foundation
import Testing

@testable import BulwarkVersion

private let mavenArtifactJar: String? = {
    guard Reference.executable("java") != nil,
        let names = try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/maven/lib")
    else { return nil }
    return names.filter { $0.hasPrefix("maven-artifact") && $0.hasSuffix(".jar") }.sorted().first.map { "/usr/share/maven/lib/" + $0 }
}()

@Suite struct MavenTests {
    let comparator = VersionScheme.maven.comparator

    @Test(arguments: [
        ("1", "1.0.0", 0), ("1-ga", "1", 0), ("1.final", "1", 0), ("1.0-RELEASE", "1", 0), ("1-alpha", "1-beta", -1),
        ("1-beta", "1-milestone", -1), ("1-m1", "1-rc1", -1), ("1-rc", "1-cr", 0), ("1-rc", "1-SNAPSHOT", -1),
        ("1-SNAPSHOT", "1", -1), ("1", "1-sp", -1), ("1-sp", "1-foo", -1), ("1-a1", "1-alpha-1", 0), ("1.0.1", "1.0-1", 1),
        ("1-1", "1.1", -1), ("1.0a", "1.0", 1), ("2.0.0.Final", "2.0.0", 0), ("1.2.3-20240101.123456-7", "1.2.3", 1),
        ("1.10", "1.9", 1), ("1-xyz", "1-XYZ", 0),
    ])
    func ordersKnownPairs(lhs: String, rhs: String, expected: Int) throws {
        #expect(try comparator.compare(lhs, rhs).signum() == expected)
        #expect(try comparator.compare(rhs, lhs).signum() == -expected)
    }

    @Test(arguments: ["", "1 0", "1\n", "1\t"])
    func rejectsMalformed(version: String) {
        #expect(!comparator.isValid(version))
        #expect(throws: VersionError.self) { try comparator.compare(version, "1.0") }
    }

    @Test func rejectsHostileNesting() {
        let deep = String(repeating: "1-", count: 5000)
        #expect(!comparator.isValid(deep))
        let alternating = String(repeating: "a1", count: 5000)
        #expect(throws: VersionError.self) { try comparator.compare(alternating, "1") }
    }

    /// Fixture lines that follow newer Maven (3.9) rules; Maven 3.8.7's ComparableVersion — the
    /// reference installed here — orders them the other way (agreesWithComparableVersion checks these
    /// exact pairs against it).
    static let newerMavenFixtureLines: Set<String> = [
        "1-1 = 1-ga-1", "1.0.0-RC16 < 1.0.0.RC8-beta", "1.0.0-gradle-rework-beta3 < 1.0.0.RC7-3", "2.9.0-1 < 2.9.0.RC1",
        "6.1.12.rc5 < 6.1.12rc1", "1.1.31.sec10 < 1.1.31_noneautotype", "1.1.34.sec10 < 1.1.34_noneautotype",
        "1.1.46.sec10 < 1.1.46_noneautotype", "1.2.8.sec10_noneautotype < 1.2.8_noneautotype", "1.2.31.sec10 < 1.2.31_noneautotype",
        "1.2.48.sec10 < 1.2.48_noneautotype", "1.2.50.sec10 < 1.2.50_noneautotype", "1.2.54.sec10 < 1.2.54_noneautotype",
        "1.2.57.sec10 < 1.2.57_noneautotype", "1.2.60.sec10 < 1.2.60_noneautotype", "1.2.67.sec10 < 1.2.67_noneautotype",
        "1.0.0rc0 < 1.0.beta8", "1.5.9.RC1 < 1.5.9-RC0", "1.1.0-01-glassfish < 1.1.0.Beta1",
    ]

    @Test(.enabled(if: SharedData.present))
    func agreesWithFixtures() throws {
        for file in ["maven-versions.txt", "maven-versions-generated.txt"] {
            let pairs = try readOrderedPairs(SharedData.orderedList(file)).filter { pair in
                !Self.newerMavenFixtureLines.contains { line in
                    let fields = line.split(separator: " ")
                    return fields[0] == pair.lhs && fields[2] == pair.rhs
                }
            }
            let outcome = checkFixture(pairs, with: comparator)
            #expect(outcome.disagreements.isEmpty, "\(file): \(outcome.disagreements.prefix(20))")
            #expect(outcome.rejected.isEmpty, "\(file): \(outcome.rejected.prefix(20))")
            #expect(outcome.checked > 100)
        }
    }

    @Test(.enabled(if: SharedData.present && (mavenArtifactJar != nil || Reference.inCI)))
    func agreesWithComparableVersion() throws {
        let jar = try #require(mavenArtifactJar)
        var generator = PairGenerator(seed: 0x3A7)
        let base = fixtureVersions(["maven-versions.txt", "maven-versions-generated.txt"])
            + ["1.0", "2.3.4.Final", "5.3.31", "1.0-SNAPSHOT", "3.0.0-M5", "1.2.3-RC1", "9.4.53.v20231009", "2.0b1", "1.0.0-alpha-1"]
        generator.add(base, mutationsPerVersion: 3, mutate: Mutation.oneOf([
            Mutation.bumpNumber, Mutation.bumpNumber,
            Mutation.append(["-SNAPSHOT", "-alpha-1", ".RELEASE", "-sp1", "a1", "-m2", "-cr1", ".Final", "-1", ".0", "-0", "b2", "-rc.1",
                             "-GA", "-foo", "x", "-", ".", "..", "--1", "-final-1", "1", "-ea", "_1", "+build", "-20240101.123456-3", "ü"]),
            { version, _ in version.uppercased() },
            { version, _ in version.replacingOccurrences(of: ".", with: "-") },
        ]))
        generator.versions = generator.versions.filter { comparator.isValid($0) }
        var pairs = generator.pairs(randomCount: 6000)
        for file in ["maven-versions.txt", "maven-versions-generated.txt"] {
            pairs += try readOrderedPairs(SharedData.orderedList(file)).map { ($0.lhs, $0.rhs) }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-maven-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("CompareVersions.java")
        try """
        import java.io.*;
        import java.nio.charset.StandardCharsets;
        import org.apache.maven.artifact.versioning.ComparableVersion;
        public class CompareVersions {
            public static void main(String[] args) throws IOException {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                StringBuilder out = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    String[] parts = line.split("\\t", -1);
                    out.append(Integer.signum(new ComparableVersion(parts[0]).compareTo(new ComparableVersion(parts[1])))).append('\\n');
                }
                System.out.print(out);
            }
        }
        """.write(to: source, atomically: true, encoding: .utf8)
        let output = try Reference.run(["java", "-cp", jar, source.path], stdin: pairLines(pairs))
        let problems = disagreements(pairs, reference: parseSigns(output), comparator: comparator)
        report(.maven, pairs.count, against: "Maven ComparableVersion (\(URL(fileURLWithPath: jar).lastPathComponent))", disagreements: problems.count)
        #expect(problems.isEmpty, "\(problems)")
    }
}
