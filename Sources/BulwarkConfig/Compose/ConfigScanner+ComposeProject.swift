import BulwarkCore
import Foundation

extension ConfigScanner {
    /// Scans Compose files as ONE project, merged in order like `docker compose -f a.yaml -f b.yaml`
    /// (the entry point for `bulwark config -f … -f …`). Each finding names the file and line that set
    /// the offending value; a missing setting is reported at the service's key in the first file that
    /// defines the service. A file that cannot be read, parsed or merged becomes a warning naming it
    /// (and the line), and the project is checked without it. Throws only when a path does not exist.
    public static func scanComposeProject(
        paths: [String], options: ConfigScanOptions = ConfigScanOptions(), mergeOptions: ComposeMergeOptions = ComposeMergeOptions()
    ) throws(BulwarkError) -> ConfigReport {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw BulwarkError(.notFound, "\(path): no such file or directory")
        }
        return scanComposeProject(existingPaths: paths, options: options, mergeOptions: mergeOptions)
    }

    /// Scans in-memory Compose files as one merged project (see ``scanComposeProject(paths:options:mergeOptions:)``).
    public static func scanComposeProject(
        files: [(path: String, text: String)], options: ConfigScanOptions = ConfigScanOptions(),
        mergeOptions: ComposeMergeOptions = ComposeMergeOptions()
    ) -> ConfigReport {
        scanComposeProject(files: files.map { ($0.path, $0.text as String?) }, warnings: [], options: options, mergeOptions: mergeOptions)
    }

    /// Reads `paths` (a file too large, unreadable or binary becomes a warning) and scans them as one project.
    static func scanComposeProject(existingPaths paths: [String], options: ConfigScanOptions, mergeOptions: ComposeMergeOptions = ComposeMergeOptions()) -> ConfigReport {
        var warnings: [String] = []
        let files = paths.map { path -> (String, String?) in
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            if size > options.maxFileSize {
                warnings.append("\(path): skipped: \(size) bytes is larger than the \(options.maxFileSize)-byte limit")
                return (path, nil)
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                warnings.append("\(path): cannot read the file")
                return (path, nil)
            }
            if data.prefix(8192).contains(0) {
                warnings.append("\(path): skipped: binary file")
                return (path, nil)
            }
            return (path, String(decoding: data, as: UTF8.self))
        }
        return scanComposeProject(files: files, warnings: warnings, options: options, mergeOptions: mergeOptions)
    }

    /// Splits folder-walk candidates into scan units: in a folder with a default Compose file and an
    /// override file (``ComposeProjectDiscovery``), the override is removed from the candidates and
    /// the base maps to the project `[base, override]`. Explicitly named files are never grouped.
    static func groupComposeProjects(
        _ candidates: [(path: String, kind: ConfigFileKind?, explicit: Bool)]
    ) -> (candidates: [(path: String, kind: ConfigFileKind?, explicit: Bool)], projects: [String: [String]]) {
        let walked = candidates.filter { !$0.explicit }.map(\.path)
        var projects: [String: [String]] = [:]
        var absorbed = Set<String>()
        for unit in ComposeProjectDiscovery.group(walked) where unit.count > 1 {
            projects[unit[0]] = unit
            absorbed.formUnion(unit.dropFirst())
        }
        guard !absorbed.isEmpty else { return (candidates, [:]) }
        return (candidates.filter { $0.explicit || !absorbed.contains($0.path) }, projects)
    }

    private static func scanComposeProject(
        files: [(path: String, text: String?)], warnings initialWarnings: [String], options: ConfigScanOptions, mergeOptions: ComposeMergeOptions
    ) -> ConfigReport {
        var warnings = initialWarnings
        var budget = mergeOptions.maximumValues
        var root: ComposeValue?
        for (index, file) in files.enumerated() {
            guard let text = file.text else { continue }
            do {
                let tree = try ComposeProject.load(text, path: file.path, fileIndex: index, options: mergeOptions, budget: &budget)
                root = try ComposeProject.mergeFile(tree, onto: root, path: file.path)
            } catch {
                warnings.append(error.message + (files.count > 1 ? " (the project is checked without this file)" : ""))
            }
        }
        let lines = files.map { file in
            (file.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { $0.last == "\r" ? $0.dropLast() : $0 }
        }
        var sink = ComposeFindingSink(collectors: files.indices.map { FindingCollector(file: files[$0].path, lines: lines[$0], options: options) })
        if let root, let first = files.first {
            let folder = (first.path as NSString).deletingLastPathComponent
            ComposeChecker(root: root, directory: folder.isEmpty ? "." : folder) { other in
                loadExtendedComposeFile(other, options: options, mergeOptions: mergeOptions)
            }.check(into: &sink)
        }
        var findings: [ConfigFinding] = []
        var suppressed = 0
        for collector in sink.collectors {
            let reportable = collector.reportable()
            findings += reportable.findings
            suppressed += reportable.suppressed
        }
        findings.sort { ($0.file, $0.line, $0.rule.id) < ($1.file, $1.line, $1.rule.id) }
        let scanned = files.filter { $0.text != nil }.map { ConfigReport.ScannedFile(path: $0.path, kind: .compose) }
        return ConfigReport(findings: findings, warnings: warnings, files: scanned, suppressedCount: suppressed)
    }

    /// The top-level mapping of a file named by `extends.file`; nil when missing, too large or invalid.
    private static func loadExtendedComposeFile(_ path: String, options: ConfigScanOptions, mergeOptions: ComposeMergeOptions) -> ComposeValue? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= options.maxFileSize, let data = FileManager.default.contents(atPath: path) else { return nil }
        var budget = mergeOptions.maximumValues
        let tree = try? ComposeProject.load(String(decoding: data, as: UTF8.self), path: path, fileIndex: 0, options: mergeOptions, budget: &budget)
        return tree.map(ComposeMerger.sanitized)
    }
}
