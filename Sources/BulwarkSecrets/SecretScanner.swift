import BulwarkCore

/// Finds credentials in files and image-configuration strings.
///
/// A value type that shares its compiled rules and keyword index: copy it freely and call it from
/// any number of threads at once; a scan keeps all of its state on its own stack.
///
/// A scan is bounded: a keyword prefilter over the raw bytes decides which rules run at all, each
/// rule's regular expression runs only on small windows around its keyword hits, and the number of
/// windows, regex bytes and findings per file are capped (`SecretFileResult.truncated` tells).
public struct SecretScanner: Sendable {
    /// The configuration the scanner was built from.
    public let configuration: SecretConfiguration
    let engine: SecretScanEngine

    /// Compiles the keyword index for `configuration`.
    public init(configuration: SecretConfiguration = .builtIn) {
        self.configuration = configuration
        self.engine = SecretScanEngine(configuration: configuration)
    }

    /// Whether a file is worth reading: not empty, not over the size cap, not a binary format by
    /// its extension, and not in a path an allow rule excludes. Allocation-free for built-in rules.
    public func wants(path: String, size: Int64) -> Bool {
        guard size > 0, size <= configuration.maxFileSize else { return false }
        if BinaryFileFilter.hasBinaryExtension(path) { return false }
        return !engine.isAllowedPath(path)
    }

    /// Whether `bytes` (a file's first 8 KiB suffice) look binary: a NUL byte or more than 10% control bytes.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { BinaryFileFilter.looksBinary($0) }
    }

    /// Scans one file's content. Binary content, oversized files and allowed paths are reported
    /// as skipped, with no findings.
    public func scan(path: String, bytes: [UInt8]) -> SecretFileResult {
        if Int64(bytes.count) > configuration.maxFileSize { return SecretFileResult(skippedTooLarge: true) }
        if engine.isAllowedPath(path) { return SecretFileResult(skippedAllowedPath: true) }
        return bytes.withUnsafeBufferPointer { buffer in
            if BinaryFileFilter.looksBinary(buffer) { return SecretFileResult(skippedBinary: true) }
            let (findings, truncated) = engine.scan(path: path, bytes: buffer)
            return SecretFileResult(findings: findings, truncated: truncated)
        }
    }

    /// Scans a string from an image configuration (an `ENV` entry, a label, a history
    /// `created_by`); `origin` becomes the findings' path (`config:Env[2]`).
    public func scan(text: String, origin: String) -> [SecretFinding] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { engine.scan(path: origin, bytes: $0).0 }
    }
}
