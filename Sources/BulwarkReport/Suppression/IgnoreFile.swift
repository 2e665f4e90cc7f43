import BulwarkCore
import Foundation

/// A parsed `.bulwarkignore.yaml`: triage decisions that suppress findings, each with a reason.
///
/// ```yaml
/// version: 1                         # optional; only 1 exists
/// ignore:
///   - id: CVE-2023-5678              # the finding's id or any of its aliases (required)
///     reason: not reachable, no DH   # why (required)
///     expires: 2026-06-30            # optional: YYYY-MM-DD (through that day, UTC) or RFC 3339
///     purl: pkg:deb/debian/openssl   # optional narrowing, string or list (see PurlMatch)
///     path: /usr/lib/**              # optional: the package's location, glob
///     image: registry.example/app:*  # optional: target name, repo tag or digest, glob
///     justification: vulnerable_code_not_in_execute_path  # optional, an OpenVEX justification
/// ```
/// The narrowing fields combine with AND; the values inside one list combine with OR.
public struct IgnoreFile: Sendable, Hashable {
    /// The file the entries came from, as given.
    public var path: String
    /// The entries in file order.
    public var entries: [IgnoreEntry]

    /// Creates an ignore file.
    public init(path: String, entries: [IgnoreEntry]) {
        self.path = path
        self.entries = entries
    }

    /// The file looked for in the current directory when `--ignorefile` is not given.
    public static let defaultFileName = ".bulwarkignore.yaml"

    /// Reads and parses the ignore file at `path`.
    public static func load(path: String) throws -> IgnoreFile {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw BulwarkError(.notFound, "\(path): ignore file not found")
        }
        if let size = attributes[.size] as? Int, size > maximumSize {
            throw BulwarkError(.limitExceeded, "\(path): ignore file is \(size) bytes, more than the \(maximumSize) allowed")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BulwarkError(.io, "\(path): cannot read the ignore file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BulwarkError.invalid(path, "the ignore file is not UTF-8 text")
        }
        return try IgnoreFileParser.parse(text, path: path)
    }

    /// Ignore files larger than this are refused (hostile input).
    public static let maximumSize = 8 << 20
}

/// One ignore entry: which findings it suppresses, why, and until when.
public struct IgnoreEntry: Sendable, Hashable {
    /// The advisory id, matched against a finding's id and aliases (case-insensitively).
    public var id: String
    /// Why it is suppressed.
    public var reason: String
    /// When it stops suppressing, as written, and parsed.
    public var expires: String?
    public var expiresAt: Date?
    /// Narrowing: package purls (see ``PurlMatch``), package locations (globs), images (globs).
    public var purls: [PackageURL]
    public var paths: [String]
    public var images: [String]
    /// An OpenVEX justification for `vex create --from-ignorefile`.
    public var justification: String?
    /// The 1-based line of the entry in its file.
    public var line: Int

    /// Creates an entry.
    public init(
        id: String, reason: String, expires: String? = nil, expiresAt: Date? = nil, purls: [PackageURL] = [], paths: [String] = [],
        images: [String] = [], justification: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.reason = reason
        self.expires = expires
        self.expiresAt = expiresAt
        self.purls = purls
        self.paths = paths
        self.images = images
        self.justification = justification
        self.line = line
    }

    /// Whether the entry has expired at `now`.
    public func isExpired(at now: Date) -> Bool {
        guard let expiresAt else { return false }
        return now >= expiresAt
    }

    /// Where the entry is, for messages: `file:line`.
    public func location(in file: String) -> String { "\(file):\(line)" }
}
