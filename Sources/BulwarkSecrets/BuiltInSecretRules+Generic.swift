import BulwarkCore

extension BuiltInSecretRules {
    /// Names that describe a setting about the secret rather than hold it (`password_encryption`,
    /// `token_url`, `private_key_id`, `password_min_length`).
    static let settingSuffix =
        #"(?<![_.-](?:id|ids|hash|file|path|url|uri|encryption|policy|length|type|method|algorithm|mode|format|expiry|field|prompt|name|header|regex|pattern|endpoint))"#

    /// Assignments to password-, secret-, token- and key-like names: last in priority, with an
    /// entropy floor and placeholder exclusions.
    static var genericDefinitions: [Definition] {
        [
            Definition(
                "generic-password", "Generic", "Password assignment", .high,
                #"(?i)(?:password|passwd|pwd|passphrase)[a-z0-9_.-]{0,20}+"# + settingSuffix + assign
                    + #"(?<secret>[^\s"'`;,\[\](){}<>$%\\]{8,128}+)(?=[\s"'`;,]|$)"#,
                ["password", "passwd", "pwd", "passphrase"], entropy: 2.8, rejectsPlaceholders: true, requiresDigit: true
            ),
            Definition(
                "generic-secret", "Generic", "Secret, token or API key assignment", .high,
                #"(?i)(?:secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|client[_-]?secret)[a-z0-9_.-]{0,20}+"#
                    + settingSuffix + assign + #"(?<secret>[A-Za-z0-9_+/=.~-]{16,256}+)(?=[\s"'`;,]|$)"#,
                ["secret", "token", "api_key", "api-key", "apikey", "access_key", "access-key", "auth_key", "private_key", "private-key"],
                entropy: 3.5, rejectsPlaceholders: true, requiresDigit: true
            ),
        ]
    }
}
