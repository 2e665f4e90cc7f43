import Foundation

/// Runs the system's `rpm` and `rpmbuild` (Debian's rpm package) to make real databases in tests.
enum RPMTool {
    static let rpm: String? = executable("rpm")
    static let rpmbuild: String? = executable("rpmbuild")

    /// Whether both `rpm` and `rpmbuild` are installed.
    static var available: Bool { rpm != nil && rpmbuild != nil }

    /// Whether `rpm` can write an SQLite database (rpm ≥ 4.16 built with SQLite).
    static let canWriteSQLite: Bool = {
        guard let rpm, let directory = try? temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try? run(rpm, ["--dbpath", directory.path, "--define", "_db_backend sqlite", "--initdb"])
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent("rpmdb.sqlite").path)
    }()

    /// Whether `rpm` can read Berkeley DB databases (the `bdb_ro` backend of rpm ≥ 4.16).
    static let canReadBerkeleyDB: Bool = {
        guard let rpm, let output = try? run(rpm, ["--showrc"]) else { return false }
        return output.contains("bdb_ro")
    }()

    static func executable(_ name: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-rpm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a program and returns its standard output; throws with its standard error when it fails.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-rpm-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorLog) }
        let errorHandle = try FileHandle(forWritingTo: errorLog)
        defer { try? errorHandle.close() }
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) failed: \(errors)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// One package as `rpm -qa` prints it.
    struct QueriedPackage: Equatable, CustomStringConvertible {
        var name: String
        var epoch: String?
        var version: String
        var release: String?
        var arch: String?
        var sourceRPM: String?
        var license: String?
        var vendor: String?
        var packager: String?
        var modularityLabel: String?
        var size: String?
        var files: [String]

        var description: String { "\(name)-\(version)-\(release ?? "")" }
    }

    /// Lists the database in `dbPath` with `rpm -qa`, using `backend` (`sqlite`, `bdb_ro`).
    static func query(dbPath: String, backend: String) throws -> [QueriedPackage] {
        guard let rpm else { throw Failure(description: "rpm is not installed") }
        let format =
            "@@@\\t%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\t%{LICENSE}\\t%{VENDOR}"
            + "\\t%{PACKAGER}\\t%{MODULARITYLABEL}\\t%{SIZE}\\n[%{FILENAMES}\\n]"
        let output = try run(rpm, ["--dbpath", dbPath, "--define", "_db_backend \(backend)", "-qa", "--qf", format])
        var packages: [QueriedPackage] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("@@@\t") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().map {
                    $0 == "(none)" ? nil : String($0)
                }
                guard fields.count == 11 else { throw Failure(description: "unexpected rpm output: \(line)") }
                packages.append(
                    QueriedPackage(
                        name: fields[0] ?? "", epoch: fields[1], version: fields[2] ?? "", release: fields[3],
                        arch: fields[4], sourceRPM: fields[5], license: fields[6], vendor: fields[7], packager: fields[8],
                        modularityLabel: fields[9], size: fields[10], files: []))
            } else if !line.isEmpty, !packages.isEmpty {
                packages[packages.count - 1].files.append(String(line))
            }
        }
        return packages
    }
}
