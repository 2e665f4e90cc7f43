import BulwarkCore

/// What some formats need besides the report: the Dockerfile to locate SARIF results on, the
/// JUnit gate, and the user's template. Callers read the files; renderers never touch the disk.
public struct ReportRenderSettings: Sendable {
    /// The image's Dockerfile (for SARIF locations).
    public var dockerfile: NamedText?
    /// Findings at or above this severity fail JUnit test cases; nil fails on every finding.
    public var failOn: Severity?
    /// The Mustache template of `--format template`.
    public var template: NamedText?

    /// Creates settings.
    public init(dockerfile: NamedText? = nil, failOn: Severity? = nil, template: NamedText? = nil) {
        self.dockerfile = dockerfile
        self.failOn = failOn
        self.template = template
    }
}

/// A text file's contents with the path it was read from (for locations and error messages).
public struct NamedText: Sendable, Hashable {
    /// The path as the user gave it.
    public var path: String
    /// The file's text.
    public var text: String

    /// Creates a named text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
