/// A user name and secret for one registry. The secret never appears in descriptions, logs or errors.
public struct RegistryCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The user name (for an identity token, `<token>`).
    public var username: String
    /// The password, access token or identity token.
    public var secret: String

    /// Creates credentials.
    public init(username: String, secret: String) {
        self.username = username
        self.secret = secret
    }

    /// Whether `secret` is an OAuth2 refresh token (Docker's `identitytoken`), to be sent as one.
    public var isIdentityToken: Bool { username == "<token>" }

    /// `user ***`: safe to print.
    public var description: String { "\(username) ***" }
}
