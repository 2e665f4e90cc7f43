import BulwarkCore
import Foundation
import Testing

@testable import BulwarkMatch

/// Compares Bulwark's scores with the `cvss` PyPI package (Red Hat's implementation of the FIRST
/// specifications) over tens of thousands of generated vectors, in ONE python3 process.
/// Skips when python3 or the package is missing locally; runs (and fails) when CI == "true".
struct CVSSPythonReferenceTests {
    static let referenceAvailable: Bool = PythonCVSSReference.isAvailable
    static let mustRun = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The vectors compared: exhaustive base-metric spaces of v2 and v3.x, plus random vectors over
    /// every metric value (v3 with temporal/environmental metrics, v4 with and without the threat,
    /// environmental and supplemental groups).
    static func generatedVectors() -> [String] {
        var generator = CVSSSplitMix64(seed: 0xB01_5CA1E)
        var vectors: [String] = []
        let half: (CVSSMetricSchema.Metric, inout CVSSSplitMix64) -> Bool = { _, generator in
            generator.chance(1, in: 2)
        }

        vectors += CVSSVectorGenerator.allBaseVectors(CVSSv2Calculator.schema)
        vectors += CVSSVectorGenerator.randomVectors(
            CVSSv2Calculator.schema, count: 3_000, generator: &generator, includeOptional: half)

        for version in [CVSSVersion.v3_0, .v3_1] {
            let schema = CVSSv3Calculator.schema(version)
            vectors += CVSSVectorGenerator.allBaseVectors(schema)
            vectors += CVSSVectorGenerator.randomVectors(schema, count: 4_000, generator: &generator, includeOptional: half)
        }

        let schema4 = CVSSv4Calculator.schema
        let groupSets: [Set<String>] = [
            [], ["threat"], ["environmental"], ["supplemental"],
            ["threat", "environmental"], ["threat", "environmental", "supplemental"],
        ]
        for groups in groupSets {
            vectors += CVSSVectorGenerator.randomVectors(schema4, count: 2_500, generator: &generator) { metric, generator in
                groups.contains(CVSSVectorGenerator.v4Group(metric.name)) && generator.chance(2, in: 3)
            }
        }
        return vectors
    }

    @Test(.enabled(if: referenceAvailable || mustRun, "needs python3 with the cvss PyPI package"))
    func scoresAgreeWithPythonCVSSPackage() throws {
        let vectors = Self.generatedVectors()
        #expect(vectors.count > 30_000)
        let reference = try PythonCVSSReference.evaluate(vectors)
        try #require(reference.count == vectors.count, "python returned \(reference.count) results")

        var mismatches: [String] = []
        for (vector, expected) in zip(vectors, reference) {
            let ours: CVSSScore
            do {
                ours = try CVSS.score(vector)
            } catch {
                mismatches.append("\(vector): Bulwark threw \(error.message), python \(expected.map(\.description) ?? "rejected it")")
                continue
            }
            guard let expected else {
                mismatches.append("\(vector): python rejected it, Bulwark scored \(ours.baseScore)")
                continue
            }
            if ours.baseScore != expected.score || ours.severity != expected.severity
                || ours.vector != expected.cleanVector
            {
                mismatches.append(
                    "\(vector): Bulwark \(ours.baseScore) \(ours.severity) \(ours.vector), "
                        + "python \(expected.score) \(expected.severity) \(expected.cleanVector)")
            }
        }
        #expect(mismatches.count == 0, "first mismatches:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    /// Opt-in (BULWARK_CVSS_EXHAUSTIVE=1, ~20 s): every one of the 104,976 v4.0 base vectors.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BULWARK_CVSS_EXHAUSTIVE"] == "1"))
    func everyV4BaseVectorAgreesWithPythonCVSSPackage() throws {
        let vectors = CVSSVectorGenerator.allBaseVectors(CVSSv4Calculator.schema)
        #expect(vectors.count == 104_976)
        let reference = try PythonCVSSReference.evaluate(vectors)
        try #require(reference.count == vectors.count)
        var mismatches: [String] = []
        for (vector, expected) in zip(vectors, reference) {
            let ours = try? CVSS.score(vector)
            if ours?.baseScore != expected?.score || ours?.severity != expected?.severity {
                mismatches.append("\(vector): Bulwark \(ours?.baseScore ?? -1), python \(expected?.score ?? -1)")
            }
        }
        #expect(mismatches.count == 0, "first mismatches:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    @Test(.enabled(if: referenceAvailable || mustRun, "needs python3 with the cvss PyPI package"))
    func pythonAlsoRejectsWhatBulwarkRejects() throws {
        let malformed = CVSSMalformedVectorTests.malformed.filter { !$0.contains("\0") && !$0.hasPrefix("(") && !$0.hasSuffix(")") }
        let reference = try PythonCVSSReference.evaluate(malformed)
        for (vector, result) in zip(malformed, reference) {
            #expect(result == nil, "python accepted \(vector)")
        }
    }
}

/// Runs the `cvss` PyPI package on a batch of vectors through one python3 process.
enum PythonCVSSReference {
    /// What the package computed for one vector.
    struct Result: Sendable, Equatable, CustomStringConvertible {
        var score: Double
        var severity: Severity
        var cleanVector: String
        var description: String { "\(score) \(severity) \(cleanVector)" }
    }

    private static let script = """
        import sys, cvss
        out = []
        for line in open(sys.argv[1], encoding="utf-8"):
            v = line.rstrip("\\n")
            try:
                if v.startswith("CVSS:4"):
                    c = cvss.CVSS4(v); sev = c.severity
                elif v.startswith("CVSS:3"):
                    c = cvss.CVSS3(v); sev = c.severities()[0]
                else:
                    c = cvss.CVSS2(v); sev = c.severities()[0]
                out.append("%s\\t%s\\t%s" % (float(c.base_score), sev, c.clean_vector()))
            except Exception as e:
                out.append("ERROR\\t" + type(e).__name__)
        sys.stdout.write("\\n".join(out) + "\\n")
        """

    /// True when `python3 -c 'import cvss'` succeeds.
    static let isAvailable: Bool = {
        (try? run(["-c", "import cvss"]).status) == 0
    }()

    /// One result per vector (nil where the package rejected it), in order.
    static func evaluate(_ vectors: [String]) throws -> [Result?] {
        let directory = FileManager.default.temporaryDirectory
        let input = directory.appendingPathComponent("bulwark-cvss-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: input) }
        try (vectors.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)

        let (status, output) = try run(["-c", script, input.path])
        guard status == 0 else { throw BulwarkError(.io, "python3 cvss reference exited with \(status)") }
        return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let score = Double(fields[0]) else { return nil }
            let severity: Severity =
                switch fields[1] {
                case "Low": .low
                case "Medium": .medium
                case "High": .high
                case "Critical": .critical
                default: .unknown
                }
            return Result(score: score, severity: severity, cleanVector: String(fields[2]))
        }
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
