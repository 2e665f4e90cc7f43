import BulwarkCore
import BulwarkSecrets
import Foundation

/// Checks a built image — its config (user, health check, env, labels, history) and its final
/// filesystem (modes, keys, `.git`, package caches) — against the `BW-IMG-nnn` rules.
///
/// Findings about the config name the image (`file` = the image label) and say which entry; findings
/// about files name the path inside the image. Credentials are never printed whole (BulwarkSecrets' `SecretMask`).
public struct ImageConfigAuditor: Sendable {
    /// How to label config findings (the image reference or archive path).
    public var imageLabel: String
    /// Which rules run and which severities are reported.
    public var options: ConfigScanOptions
    /// At most this many findings per filesystem rule; the rest are summed up in one last finding.
    public var maxFindingsPerRule: Int

    /// Creates an auditor.
    public init(imageLabel: String, options: ConfigScanOptions = ConfigScanOptions(), maxFindingsPerRule: Int = 200) {
        self.imageLabel = imageLabel
        self.options = options
        self.maxFindingsPerRule = maxFindingsPerRule
    }

    /// Audits `metadata` and the merged filesystem `tree` (every entry's metadata, contents optional).
    public func audit(metadata: ImageMetadata, tree: MemoryFileTree) -> ConfigReport {
        var findings = auditConfig(metadata)
        findings += auditFilesystem(tree)
        findings = findings.filter { options.runs($0.rule) && options.reports($0.severity) }
        findings.sort { ($0.file, $0.line, $0.rule.id, $0.message) < ($1.file, $1.line, $1.rule.id, $1.message) }
        return ConfigReport(findings: findings, warnings: [], files: [.init(path: imageLabel, kind: .image)], suppressedCount: 0)
    }

    // MARK: Config

    /// The config and history checks.
    public func auditConfig(_ metadata: ImageMetadata) -> [ConfigFinding] {
        var findings: [ConfigFinding] = []
        let config = metadata.config
        if Self.isRoot(config.user) {
            let shown = (config.user ?? "").isEmpty ? "no User (defaults to root)" : "User \(config.user ?? "")"
            findings.append(finding(ImageConfigRules.runsAsRoot, "The image config has \(shown).", snippet: "User: \(config.user ?? "")"))
        }
        if config.healthcheck == nil || config.healthcheck?.first?.uppercased() == "NONE" || config.healthcheck?.isEmpty == true {
            findings.append(finding(ImageConfigRules.noHealthcheck, "The image config defines no health check.", snippet: "Healthcheck: \(config.healthcheck?.joined(separator: " ") ?? "none")"))
        }
        var reportedValues = Set<String>()
        for (index, entry) in config.env.enumerated() {
            let (name, value) = Self.split(entry)
            guard SecretHeuristics.looksLikeSecret(name: name, value: value) else { continue }
            reportedValues.insert(entry)
            findings.append(finding(
                ImageConfigRules.secretInEnv, "Env entry \(index + 1) (\(name)) holds what looks like a credential: \(SecretMask.mask(value.utf8)).",
                snippet: "\(name)=\(SecretMask.mask(value.utf8))"))
        }
        for (name, value) in config.labels.sorted(by: { $0.key < $1.key }) where SecretHeuristics.looksLikeSecret(name: name, value: value) {
            findings.append(finding(
                ImageConfigRules.secretInLabel, "Label \(name) holds what looks like a credential: \(SecretMask.mask(value.utf8)).",
                snippet: "\(name)=\(SecretMask.mask(value.utf8))"))
        }
        for (index, step) in metadata.history.enumerated() {
            guard let createdBy = step.createdBy, !createdBy.isEmpty else { continue }
            let step = index + 1
            for assignment in Self.assignments(in: createdBy) where !reportedValues.contains("\(assignment.name)=\(assignment.value)") {
                guard SecretHeuristics.looksLikeSecret(name: assignment.name, value: assignment.value) else { continue }
                reportedValues.insert("\(assignment.name)=\(assignment.value)")
                findings.append(finding(
                    ImageConfigRules.secretInHistory,
                    "History step \(step) sets \(assignment.name) to what looks like a credential: \(SecretMask.mask(assignment.value.utf8)).",
                    snippet: Self.maskLine(createdBy, secret: assignment.value)))
            }
            if let token = Self.tokenLookingWord(in: createdBy), !reportedValues.contains(where: { $0.hasSuffix("=" + token) }) {
                reportedValues.insert("=" + token)
                findings.append(finding(
                    ImageConfigRules.secretInHistory, "History step \(step) contains a token: \(SecretMask.mask(token.utf8)).",
                    snippet: Self.maskLine(createdBy, secret: token)))
            }
            if let url = Self.remoteADD(in: createdBy) {
                findings.append(finding(
                    ImageConfigRules.addURL, "History step \(step) adds \(url.prefix(200)).", snippet: String(createdBy.prefix(300))))
            }
        }
        return findings
    }

    /// `line` (capped at 300 characters) with every occurrence of `secret` masked.
    static func maskLine(_ line: String, secret: String) -> String {
        let masked = secret.isEmpty ? line : line.replacingOccurrences(of: secret, with: SecretMask.mask(secret.utf8))
        return masked.count > 300 ? String(masked.prefix(300)) + "…" : masked
    }

    /// Whether a config `User` means root.
    static func isRoot(_ user: String?) -> Bool {
        guard let user = user?.trimmingCharacters(in: .whitespaces), !user.isEmpty else { return true }
        let name = user.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? user
        return name == "root" || name == "0"
    }

    static func split(_ entry: String) -> (name: String, value: String) {
        guard let equals = entry.firstIndex(of: "=") else { return (entry, "") }
        return (String(entry[..<equals]), String(entry[entry.index(after: equals)...]))
    }

    /// `NAME=value` words of a history line (`ENV`, `ARG`, `LABEL` steps and the `|N A=1 B=2` build-argument
    /// prefix BuildKit writes before RUN commands), quotes removed.
    static func assignments(in line: String) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        for word in ShellWords.split(String(line.prefix(64 << 10))) {
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { continue }
            let name = word[..<equals]
            guard let first = name.first, first.isLetter || first == "_",
                name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" })
            else { continue }
            var value = String(word[word.index(after: equals)...])
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
            result.append((String(name), value))
        }
        return result
    }

    /// A word with the shape of a well-known token (`ghp_…`, `AKIA…`, `glpat-…`) anywhere in the line.
    static func tokenLookingWord(in line: String) -> String? {
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" || $0 == "=" || $0 == ":" || $0 == "@" || $0 == "/" }) {
            let text = String(word)
            if text.count >= 16, !text.hasPrefix("-----"), SecretHeuristics.valueLooksLikeSecret(text) { return text }
        }
        return nil
    }

    /// The URL of an `ADD <url> <dest>` step, if the line is one.
    static func remoteADD(in line: String) -> String? {
        var text = Substring(line)
        if let nop = text.range(of: "#(nop)") { text = text[nop.upperBound...] }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let add = words.firstIndex(where: { $0.uppercased() == "ADD" }) else { return nil }
        for word in words[words.index(after: add)...] {
            if word.hasPrefix("--") { continue }
            let lower = word.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("git@") { return String(word) }
            return nil
        }
        return nil
    }

    // MARK: Filesystem

    /// The filesystem checks over every entry of `tree`.
    public func auditFilesystem(_ tree: MemoryFileTree) -> [ConfigFinding] {
        var setuid: [(String, FileNode)] = []
        var writable: [(String, FileNode)] = []
        var keys: [String] = []
        var gitDirectories: [String] = []
        var caches: [String: (files: Int, bytes: Int64)] = [:]
        for (path, node) in tree.nodes {
            switch node.kind {
            case .regular:
                if node.mode & 0o6000 != 0 { setuid.append((path, node)) }
                if node.mode & 0o002 != 0 { writable.append((path, node)) }
                if Self.isPrivateKeyPath(path) { keys.append(path) }
                if let cache = PackageCacheLocations.cache(containing: path) {
                    caches[cache, default: (0, 0)].files += 1
                    caches[cache, default: (0, 0)].bytes += node.size
                }
            case .directory:
                if node.mode & 0o002 != 0 && node.mode & 0o1000 == 0 { writable.append((path, node)) }
                if PathNormalizer.baseName(path) == ".git" && !path.contains("/.git/") { gitDirectories.append(path) }
            default:
                continue
            }
        }
        var findings: [ConfigFinding] = []
        findings += capped(ImageConfigRules.setuidFile, setuid.sorted { $0.0 < $1.0 }.map { path, node in
            let bits = [node.mode & 0o4000 != 0 ? "setuid" : nil, node.mode & 0o2000 != 0 ? "setgid" : nil].compactMap { $0 }.joined(separator: "+")
            return (path, "\(path) is \(bits) (mode \(Self.octal(node.mode))), added in layer \(node.layerIndex).")
        })
        findings += capped(ImageConfigRules.worldWritable, writable.sorted { $0.0 < $1.0 }.map { path, node in
            (path, "\(node.kind == .directory ? "Directory" : "File") \(path) is world-writable (mode \(Self.octal(node.mode))), added in layer \(node.layerIndex).")
        })
        findings += capped(ImageConfigRules.privateKey, keys.sorted().map { ($0, "\($0) looks like a private key by its name.") })
        findings += capped(ImageConfigRules.gitDirectory, gitDirectories.sorted().map { ($0, "\($0) is a Git repository's metadata.") })
        findings += caches.sorted { $0.key < $1.key }.filter { $0.value.bytes > 0 }.map { cache, total in
            findingAt(cache, ImageConfigRules.packageCache, "\(cache) holds \(total.files) cached file\(total.files == 1 ? "" : "s") (\(Self.size(total.bytes))).")
        }
        return findings
    }

    /// One finding per path up to ``maxFindingsPerRule``, then one finding counting the rest.
    private func capped(_ rule: ConfigRule, _ items: [(path: String, message: String)]) -> [ConfigFinding] {
        var result = items.prefix(maxFindingsPerRule).map { findingAt($0.path, rule, $0.message) }
        if items.count > maxFindingsPerRule {
            result.append(finding(rule, "\(items.count - maxFindingsPerRule) more files match \(rule.id); only the first \(maxFindingsPerRule) are listed."))
        }
        return result
    }

    /// Whether the file name marks a private key (test fixtures and documentation excluded).
    static func isPrivateKeyPath(_ path: String) -> Bool {
        let name = PathNormalizer.baseName(path)
        let lower = name.lowercased()
        let keyName =
            ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"].contains(lower)
            || (lower.hasPrefix("ssh_host_") && lower.hasSuffix("_key"))
            || lower.hasSuffix(".key") || lower.hasSuffix(".p12") || lower.hasSuffix(".pfx") || lower.hasSuffix(".jks")
            || lower.hasSuffix(".keystore") || (path.contains("/.gnupg/private-keys-v1.d/") && lower.hasSuffix(".key"))
        guard keyName else { return false }
        let excludedParts = ["/test/", "/tests/", "/testdata/", "/testing/", "/fixtures/", "/usr/share/doc/", "/examples/", "/example/", "/site-packages/", "/dist-packages/", "/node_modules/", "/gems/"]
        return !excludedParts.contains { path.contains($0) }
    }

    private func finding(_ rule: ConfigRule, _ message: String, snippet: String = "") -> ConfigFinding {
        ConfigFinding(rule: rule, file: imageLabel, line: 1, message: message, snippet: snippet)
    }

    private func findingAt(_ path: String, _ rule: ConfigRule, _ message: String) -> ConfigFinding {
        ConfigFinding(rule: rule, file: path, line: 1, message: message, snippet: path)
    }

    static func octal(_ mode: UInt32) -> String {
        "0" + String(mode & 0o7777, radix: 8)
    }

    static func size(_ bytes: Int64) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return "\(bytes) bytes"
    }
}
