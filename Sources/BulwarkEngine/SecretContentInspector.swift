import BulwarkCore
import BulwarkSecrets

/// Runs the secret scanner over files as their layers stream by (`--scanners secret`).
public struct SecretContentInspector: FileContentInspector {
    /// The rules and limits.
    public let scanner: SecretScanner

    /// Creates an inspector.
    public init(scanner: SecretScanner = SecretScanner()) { self.scanner = scanner }

    public func wants(path: String, mode: UInt32, size: Int64) -> Bool {
        scanner.wants(path: path, size: size)
    }

    public func inspect(path: String, bytes: [UInt8]) -> (findings: [FileContentFinding], skipped: FileSkipReason?) {
        let result = scanner.scan(path: path, bytes: bytes)
        let skipped: FileSkipReason? = result.skippedBinary ? .binary : result.skippedTooLarge ? .tooLarge : nil
        return (result.findings.map(Self.finding), skipped)
    }

    public func isBinary(prefix: [UInt8]) -> Bool {
        SecretScanner.looksBinary(prefix)
    }

    /// Secrets in the image config: every Env entry, label and history step.
    public func inspect(config: ImageMetadata) -> [FileContentFinding] {
        var findings: [FileContentFinding] = []
        for (index, entry) in config.config.env.enumerated() {
            findings += scanner.scan(text: entry, origin: "config.Env[\(index)]").map(Self.finding)
        }
        for (name, value) in config.config.labels.sorted(by: { $0.key < $1.key }) {
            findings += scanner.scan(text: "\(name)=\(value)", origin: "config.Labels[\(name)]").map(Self.finding)
        }
        for (index, step) in config.history.enumerated() {
            guard let createdBy = step.createdBy else { continue }
            findings += scanner.scan(text: createdBy, origin: "history[\(index)].created_by").map(Self.finding)
        }
        return findings
    }

    static func finding(_ secret: SecretFinding) -> FileContentFinding {
        FileContentFinding(
            ruleID: secret.ruleID, category: secret.category, title: secret.title, severity: secret.severity, path: secret.path,
            line: secret.line, match: secret.match, snippet: secret.snippet)
    }
}
