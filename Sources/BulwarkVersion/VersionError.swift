import BulwarkCore

/// A version string that cannot be parsed under a scheme.
public struct VersionError: Error, Sendable, CustomStringConvertible {
    /// The offending version string, as given.
    public var version: String
    /// The scheme it was parsed under.
    public var scheme: VersionScheme
    /// Why it is not a valid version, in a few words.
    public var reason: String

    /// Creates an error for `version` under `scheme`.
    public init(version: String, scheme: VersionScheme, reason: String) {
        self.version = version
        self.scheme = scheme
        self.reason = reason
    }

    /// One line naming the version, the scheme and the problem.
    public var description: String {
        "\(scheme.rawValue) version \"\(version.count > 200 ? String(version.prefix(200)) + "…" : version)\": \(reason)"
    }

    /// The same failure as Bulwark's general error type (code `invalid-input`).
    public var bulwarkError: BulwarkError {
        BulwarkError(.invalidInput, description)
    }
}
