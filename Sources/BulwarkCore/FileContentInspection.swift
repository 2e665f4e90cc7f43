/// Something found in one file's contents while its layer streamed by (a credential), with where it is.
public struct FileContentFinding: Sendable, Hashable, Codable {
    /// The rule that matched, e.g. `aws-access-key-id`.
    public var ruleID: String
    /// The rule's category (`AWS`, `GitHub`, `PrivateKey`…).
    public var category: String
    public var title: String
    public var severity: Severity
    /// The file (absolute path in the image), or the config field (`config.Env`, `history[3]`).
    public var path: String
    /// 1-based line.
    public var line: Int
    /// The match, masked: never the whole secret.
    public var match: String
    /// The line around the match, masked and capped.
    public var snippet: String
    /// The layer that holds the file (nil for image-config findings).
    public var layerIndex: Int?
    /// Whether the file is still in the final filesystem; false when a later layer deleted or replaced it
    /// (still extractable from the layer by anyone who pulls the image).
    public var presentInFinalFilesystem: Bool

    /// Creates a finding.
    public init(
        ruleID: String, category: String, title: String, severity: Severity, path: String, line: Int, match: String, snippet: String,
        layerIndex: Int? = nil, presentInFinalFilesystem: Bool = true
    ) {
        self.ruleID = ruleID
        self.category = category
        self.title = title
        self.severity = severity
        self.path = path
        self.line = line
        self.match = match
        self.snippet = snippet
        self.layerIndex = layerIndex
        self.presentInFinalFilesystem = presentInFinalFilesystem
    }
}

/// Why a file was not inspected.
public enum FileSkipReason: String, Sendable, Hashable, Codable {
    case binary, tooLarge
}

/// Looks at file contents as layers stream by (secret scanning), in the same pass that catalogs packages.
public protocol FileContentInspector: Sendable {
    /// Whether to read the file (cheap: runs for every regular file of every layer).
    func wants(path: String, mode: UInt32, size: Int64) -> Bool
    /// The findings in the file, or why it was skipped.
    func inspect(path: String, bytes: [UInt8]) -> (findings: [FileContentFinding], skipped: FileSkipReason?)
    /// Whether the first bytes of a file (up to ``binaryProbeLength``) already show it is not worth reading
    /// (binary content), so the rest is never copied.
    func isBinary(prefix: [UInt8]) -> Bool
}

extension FileContentInspector {
    /// How many leading bytes ``isBinary(prefix:)`` looks at.
    public var binaryProbeLength: Int { 8192 }

    /// By default every file is read whole.
    public func isBinary(prefix: [UInt8]) -> Bool { false }
}

/// The content inspector's results over a whole scan: findings (each marked present in the final
/// filesystem or not), how many files were read and skipped.
public struct ContentInspectionResult: Sendable {
    public var findings: [FileContentFinding] = []
    public var inspectedFiles = 0
    public var skipped: [FileSkipReason: Int] = [:]

    /// Creates an empty result.
    public init() {}
}
