import Foundation

/// The one error type Bulwark's libraries throw: a stable code, a message for people that
/// names the input and the problem, and an optional underlying cause.
public struct BulwarkError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; decides the process exit code.
    public var code: Code
    /// One line for people: names the input and what is wrong with it.
    public var message: String
    /// What to do about it, when there is something useful to say.
    public var hint: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String { message }

    /// The category of a failure. New codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let value: String
        private init(_ value: String) { self.value = value }
        public var description: String { value }

        /// The input is malformed, truncated, hostile or otherwise unreadable.
        public static let invalidInput = Code("invalid-input")
        /// The input is well formed but uses a feature Bulwark does not support.
        public static let unsupported = Code("unsupported")
        /// A named input (file, blob, image, platform, tag) does not exist.
        public static let notFound = Code("not-found")
        /// Content does not match the digest that describes it.
        public static let integrity = Code("integrity")
        /// A size, depth or count limit protecting against hostile input was exceeded.
        public static let limitExceeded = Code("limit-exceeded")
        /// The local environment failed: cannot write output, cache or temp files.
        public static let io = Code("io")
        /// A required program or service of the environment is missing or failed (a credential
        /// helper, a container engine's socket).
        public static let environment = Code("environment")
        /// A server (registry, token endpoint, engine) could not be reached, timed out or failed.
        public static let network = Code("network")
        /// A registry refused the credentials, or needs some.
        public static let unauthorized = Code("unauthorized")
    }
}

extension BulwarkError {
    /// Shorthand for an invalid-input error about `input`.
    public static func invalid(_ input: String, _ problem: String) -> BulwarkError {
        BulwarkError(.invalidInput, "\(input): \(problem)")
    }
}
