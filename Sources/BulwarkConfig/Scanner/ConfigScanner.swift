import BulwarkCore
import Foundation
import Synchronization

/// Scans Dockerfiles, Compose files and Kubernetes manifests for misconfigurations.
///
/// Folders are walked (skipping `.git` and `node_modules`); files are recognised by name (Dockerfile,
/// Containerfile, `*.dockerfile`, `docker-compose*.yml`, `compose*.yaml`) and YAML files by content.
/// A file that cannot be read or parsed becomes a warning naming the file and line; the scan goes on.
public enum ConfigScanner {
    /// Scans `paths` (files or folders). Throws only when a path does not exist.
    public static func scan(paths: [String], options: ConfigScanOptions = ConfigScanOptions()) throws(BulwarkError) -> ConfigReport {
        var candidates: [(path: String, kind: ConfigFileKind?, explicit: Bool)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw BulwarkError(.notFound, "\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                for file in walk(path) {
                    let name = (file as NSString).lastPathComponent
                    if let kind = ConfigFileDetector.kind(forName: name) { candidates.append((file, kind, false)) }
                }
            } else {
                candidates.append((path, ConfigFileDetector.kind(forName: (path as NSString).lastPathComponent), true))
            }
        }
        let grouped = groupComposeProjects(candidates)
        candidates = grouped.candidates
        let results = Mutex<[Int: ConfigReport]>([:])
        let count = candidates.count
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let frozen = candidates
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [Int: ConfigReport] = [:]
            var index = worker
            while index < count {
                let candidate = frozen[index]
                if let project = grouped.projects[candidate.path] {
                    local[index] = scanComposeProject(existingPaths: project, options: options)
                } else {
                    local[index] = scanFile(candidate.path, nameKind: candidate.kind, explicit: candidate.explicit, options: options)
                }
                index += workers
            }
            results.withLock { all in all.merge(local) { first, _ in first } }
        }
        let ordered = results.withLock { all in (0..<count).compactMap { all[$0] } }
        return merge(ordered)
    }

    /// Scans one file's text as `kind`; `path` is used in findings and to find a `.dockerignore`
    /// unless `hasDockerignore` says whether one exists.
    public static func scan(
        text: String, kind: ConfigFileKind, path: String, options: ConfigScanOptions = ConfigScanOptions(),
        hasDockerignore: Bool? = nil
    ) -> ConfigReport {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.last == "\r" ? $0.dropLast() : $0 }
        var collector = FindingCollector(file: path, lines: lines, options: options)
        var warnings: [String] = []
        switch kind {
        case .dockerfile:
            let dockerfile = DockerfileParser.parse(text)
            warnings += dockerfile.warnings.map { "\(path):\($0.line): \($0.message)" }
            let ignore = hasDockerignore ?? dockerignoreExists(besides: path)
            DockerfileChecker(dockerfile: dockerfile, hasDockerignore: ignore).check(into: &collector)
        case .compose, .kubernetes:
            do {
                let documents = try YAMLDocuments.load(text)
                if kind == .compose {
                    let directory = (path as NSString).deletingLastPathComponent
                    ComposeChecker(root: YAMLMap(documents.first) ?? YAMLMap(emptyAt: 1), directory: directory.isEmpty ? "." : directory) { other in
                        loadComposeRoot(other, options: options)
                    }.check(into: &collector)
                } else {
                    KubernetesChecker(documents: documents).check(into: &collector)
                }
            } catch {
                warnings.append("\(path):\(error.line): \(error.message)")
            }
        case .image:
            warnings.append("\(path): images are checked by `bulwark image --scanners misconfig`, not as text")
        }
        let (findings, suppressed) = collector.reportable()
        return ConfigReport(findings: findings, warnings: warnings, files: [.init(path: path, kind: kind)], suppressedCount: suppressed)
    }

    // MARK: Files

    static func scanFile(_ path: String, nameKind: ConfigFileKind?, explicit: Bool, options: ConfigScanOptions) -> ConfigReport? {
        let empty = { (warning: String) in ConfigReport(findings: [], warnings: [warning], files: [], suppressedCount: 0) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > options.maxFileSize {
            return empty("\(path): skipped: \(size) bytes is larger than the \(options.maxFileSize)-byte limit")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return empty("\(path): cannot read the file") }
        if data.prefix(8192).contains(0) { return explicit ? empty("\(path): skipped: binary file") : nil }
        let text = String(decoding: data, as: UTF8.self)
        var kind = nameKind
        if kind == .kubernetes || kind == nil {
            kind = ConfigFileDetector.kind(ofYAMLText: text)
            if kind == nil, explicit, nameKind == nil, text.split(separator: "\n").contains(where: { $0.uppercased().hasPrefix("FROM ") }) {
                kind = .dockerfile
            }
        }
        guard let kind else {
            return explicit ? empty("\(path): not a Dockerfile, Compose file or Kubernetes manifest") : nil
        }
        return scan(text: text, kind: kind, path: path, options: options)
    }

    static func loadComposeRoot(_ path: String, options: ConfigScanOptions) -> YAMLMap? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= options.maxFileSize, let data = FileManager.default.contents(atPath: path) else { return nil }
        return (try? YAMLDocuments.load(String(decoding: data, as: UTF8.self)))?.first.flatMap { YAMLMap($0) }
    }

    static func dockerignoreExists(besides path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        return FileManager.default.fileExists(atPath: folder + "/.dockerignore")
            || FileManager.default.fileExists(atPath: path + ".dockerignore")
    }

    /// Regular files under `root`, sorted, skipping VCS and dependency folders.
    static func walk(_ root: String) -> [String] {
        var files: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if [".git", "node_modules", ".build", ".svn", ".hg"].contains(name) {
                enumerator.skipDescendants()
                continue
            }
            if let type = enumerator.fileAttributes?[.type] as? FileAttributeType, type == .typeRegular {
                files.append(root.hasSuffix("/") ? root + relative : root + "/" + relative)
            }
        }
        return files.sorted()
    }

    static func merge(_ reports: [ConfigReport]) -> ConfigReport {
        var findings = reports.flatMap(\.findings)
        findings.sort { ($0.file, $0.line, $0.rule.id) < ($1.file, $1.line, $1.rule.id) }
        return ConfigReport(
            findings: findings, warnings: reports.flatMap(\.warnings), files: reports.flatMap(\.files),
            suppressedCount: reports.reduce(0) { $0 + $1.suppressedCount })
    }
}
