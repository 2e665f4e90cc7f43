import BulwarkCore

extension BuiltInSecretRules {
    /// Assignments to password-, secret-, token- and key-like names: last in priority, with an
    /// entropy floor and placeholder exclusions.
    static var genericDefinitions: [Definition] {
        [
            Definition(
                "generic-password", "Generic", "Password assignment", .high,
                #"(?i)(?:password|passwd|pwd|passphrase)[a-z0-9_.-]{0,20}+(?<![_-]id)(?<![_-]ids)(?<![_-]hash)(?<![_-]file)(?<![_-]path)"# + assign
                    + #"(?<secret>[^\s"'`;,\[\](){}<>$%\\]{8,128}+)(?=[\s"'`;,]|$)"#,
                ["password", "passwd", "pwd", "passphrase"], entropy: 2.8, rejectsPlaceholders: true
            ),
            Definition(
                "generic-secret", "Generic", "Secret, token or API key assignment", .high,
                #"(?i)(?:secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|client[_-]?secret)[a-z0-9_.-]{0,20}+(?<![_-]id)(?<![_-]ids)(?<![_-]hash)(?<![_-]file)(?<![_-]path)(?<![_-]url)"#
                    + assign + #"(?<secret>[A-Za-z0-9_+/=.~-]{16,256}+)(?=[\s"'`;,]|$)"#,
                ["secret", "token", "api_key", "api-key", "apikey", "access_key", "access-key", "auth_key", "private_key", "private-key"],
                entropy: 3.5, rejectsPlaceholders: true
            ),
        ]
    }
}
