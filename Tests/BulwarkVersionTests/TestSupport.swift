import BulwarkTestSupport
import Foundation
import Testing

@testable import BulwarkVersion

/// Deterministic SplitMix64 generator so generated version pairs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Where the shared read-only sample data lives, if present.
enum SharedData {
    static let root: URL? = SharedFixtureLocation.path("fixtures/versions").flatMap { _ in SharedFixtureLocation.shared.map { URL(fileURLWithPath: $0) } }

    static var present: Bool { root != nil }

    /// The ordered-list fixture `name` (e.g. `debian-versions.txt`).
    static func orderedList(_ name: String) -> URL? {
        root?.appendingPathComponent("fixtures/versions/ordered-lists/testdata").appendingPathComponent(name)
    }

    /// The rpm fixture `name`.
    static func rpmData(_ name: String) -> URL? {
        root?.appendingPathComponent("fixtures/versions/rpm/testdata").appendingPathComponent(name)
    }
}

/// One `a op b` assertion from a fixture file.
struct OrderedPair: CustomStringConvertible {
    var lhs: String
    var rhs: String
    /// -1, 0 or 1.
    var expected: Int
    var line: Int
    var description: String { "\(lhs) \(expected < 0 ? "<" : expected > 0 ? ">" : "=") \(rhs) (line \(line))" }
}

/// Reads `a op b` lines (ops `<`, `>`, `=`, `==`), skipping blank lines and `#` / `//` comments.
func readOrderedPairs(_ url: URL?) throws -> [OrderedPair] {
    guard let url, let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    var pairs: [OrderedPair] = []
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 3 else { continue }
        let expected: Int
        switch fields[1] {
        case "<": expected = -1
        case ">": expected = 1
        case "=", "==": expected = 0
        default: continue
        }
        pairs.append(OrderedPair(lhs: String(fields[0]), rhs: String(fields[2]), expected: expected, line: number + 1))
    }
    return pairs
}

/// The outcome of checking a fixture file against a comparator.
struct FixtureOutcome {
    var checked = 0
    var rejected: [OrderedPair] = []
    var disagreements: [String] = []
}

/// Checks every assertion in `pairs`; pairs with a side the comparator rejects are collected apart.
func checkFixture(_ pairs: [OrderedPair], with comparator: any VersionComparator) -> FixtureOutcome {
    var outcome = FixtureOutcome()
    for pair in pairs {
        guard comparator.isValid(pair.lhs), comparator.isValid(pair.rhs) else {
            outcome.rejected.append(pair)
            continue
        }
        outcome.checked += 1
        do {
            let forward = try comparator.compare(pair.lhs, pair.rhs).signum()
            let backward = try comparator.compare(pair.rhs, pair.lhs).signum()
            if forward != pair.expected || backward != -pair.expected {
                outcome.disagreements.append("\(pair): got \(forward) / reverse \(backward)")
            }
        } catch {
            outcome.disagreements.append("\(pair): threw \(error)")
        }
    }
    return outcome
}

/// Runs external reference implementations.
enum Reference {
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The full path of `name` on PATH, if any.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `arguments` (first is the program, looked up on PATH) with `stdin` as standard input;
    /// returns standard output, throwing when it exits non-zero.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-version-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("stdin")
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try stdin.write(to: inputURL, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        let output = try String(contentsOf: outputURL, encoding: .utf8)
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            throw ReferenceFailure(message: "\(arguments.prefix(2)) exited \(process.terminationStatus): \(errors.prefix(2000))")
        }
        return output
    }

    /// Whether `arguments` runs successfully (used to probe for modules and tools).
    static func succeeds(_ arguments: [String]) -> Bool {
        (try? run(arguments)) != nil
    }
}

struct ReferenceFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Builds version pairs: real versions, mutations of them, then pairs of neighbours and random picks.
struct PairGenerator {
    var generator: SeededGenerator
    var versions: [String] = []

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// Adds `base` and `mutationsPerVersion` mutations of each, produced by `mutate`.
    mutating func add(_ base: [String], mutationsPerVersion: Int, mutate: (String, inout SeededGenerator) -> String) {
        var seen = Set(versions)
        for version in base where seen.insert(version).inserted { versions.append(version) }
        for version in base {
            var current = version
            for _ in 0..<mutationsPerVersion {
                current = mutate(current, &generator)
                if seen.insert(current).inserted { versions.append(current) }
                if Int.random(in: 0..<3, using: &generator) == 0 { current = version }
            }
        }
    }

    /// Neighbouring pairs, every version against itself, and `randomCount` random pairs.
    mutating func pairs(randomCount: Int) -> [(String, String)] {
        var result: [(String, String)] = []
        for index in versions.indices.dropFirst() { result.append((versions[index - 1], versions[index])) }
        for version in versions.prefix(200) { result.append((version, version)) }
        guard !versions.isEmpty else { return result }
        for _ in 0..<randomCount {
            result.append((versions[Int.random(in: 0..<versions.count, using: &generator)],
                           versions[Int.random(in: 0..<versions.count, using: &generator)]))
        }
        return result
    }
}

/// Common mutations on version text.
enum Mutation {
    /// Replaces one run of digits with a nearby number (±1, 0, or a larger one).
    static func bumpNumber(_ version: String, _ generator: inout SeededGenerator) -> String {
        let bytes = Array(version.utf8)
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            if bytes[index].isASCIIDigit {
                let start = index
                while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
                runs.append(start..<index)
            } else {
                index += 1
            }
        }
        guard let run = runs.randomElement(using: &generator) else { return version + "1" }
        let value = Int(String(decoding: bytes[run], as: UTF8.self).prefix(9)) ?? 0
        let replacement: Int
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: replacement = value + 1
        case 1: replacement = max(0, value - 1)
        case 2: replacement = 0
        default: replacement = value + Int.random(in: 2..<20, using: &generator)
        }
        return String(decoding: bytes[..<run.lowerBound], as: UTF8.self) + String(replacement)
            + String(decoding: bytes[run.upperBound...], as: UTF8.self)
    }

    /// Appends one of `suffixes`.
    static func append(_ suffixes: [String]) -> (String, inout SeededGenerator) -> String {
        { version, generator in version + (suffixes.randomElement(using: &generator) ?? "") }
    }

    /// Applies one of `mutations`, chosen at random.
    static func oneOf(_ mutations: [(String, inout SeededGenerator) -> String]) -> (String, inout SeededGenerator) -> String {
        { version, generator in
            let index = Int.random(in: 0..<mutations.count, using: &generator)
            return mutations[index](version, &generator)
        }
    }
}

/// Compares `pairs` with our comparator against reference answers (one per pair: -1, 0, 1), and
/// returns descriptions of disagreements (at most 30).
func disagreements(_ pairs: [(String, String)], reference: [Int], comparator: any VersionComparator) -> [String] {
    var result: [String] = []
    for (index, pair) in pairs.enumerated() {
        let ours: Int
        do { ours = try comparator.compare(pair.0, pair.1).signum() } catch {
            result.append("\(pair.0) vs \(pair.1): threw \(error)")
            if result.count >= 30 { break }
            continue
        }
        if index >= reference.count || ours != reference[index] {
            result.append("\(pair.0) vs \(pair.1): ours \(ours), reference \(index < reference.count ? String(reference[index]) : "missing")")
            if result.count >= 30 { break }
        }
    }
    return result
}

/// Parses one integer per line, mapping each to its sign (2 for a line that is not a number).
func parseSigns(_ output: String) -> [Int] {
    output.split(separator: "\n").map { Int($0.trimmingCharacters(in: .whitespaces)).map { $0.signum() } ?? 2 }
}

/// Tab-separated pair lines.
func pairLines(_ pairs: [(String, String)]) -> String {
    pairs.map { "\($0.0)\t\($0.1)\n" }.joined()
}

/// Versions on either side of every fixture assertion in `files`.
func fixtureVersions(_ files: [String]) -> [String] {
    var result: [String] = []
    for file in files {
        for pair in (try? readOrderedPairs(SharedData.orderedList(file))) ?? [] {
            result.append(pair.lhs)
            result.append(pair.rhs)
        }
    }
    return result
}

/// Reports a reference check's size in the test output.
func report(_ scheme: VersionScheme, _ pairs: Int, against reference: String, disagreements: Int) {
    print("[BulwarkVersion reference] \(scheme.rawValue): \(pairs) pairs checked against \(reference); "
        + (disagreements == 0 ? "all agreed" : "\(disagreements) disagreed"))
}
