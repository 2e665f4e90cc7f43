import BulwarkCore

extension BuiltInSecretRules {
    /// PEM, OpenSSH, PGP and PuTTY private keys (with a real body, so parsers' header constants
    /// and templates do not match).
    static var privateKeyDefinitions: [Definition] {
        [
            pem("private-key-rsa", "RSA private key", "RSA PRIVATE KEY"),
            pem("private-key-ec", "EC private key", "EC PRIVATE KEY"),
            pem("private-key-dsa", "DSA private key", "DSA PRIVATE KEY"),
            pem("private-key-pkcs8", "PKCS#8 private key", "PRIVATE KEY"),
            pem("private-key-encrypted", "Encrypted PKCS#8 private key", "ENCRYPTED PRIVATE KEY"),
            pem("private-key-openssh", "OpenSSH private key", "OPENSSH PRIVATE KEY"),
            pem("pgp-private-key", "PGP private key block", "PGP PRIVATE KEY BLOCK"),
            Definition(
                "putty-private-key", "PrivateKey", "PuTTY private key", .critical,
                #"PuTTY-User-Key-File-[23]:[^\n]{1,100}\n(?:[^\n]{0,200}\n){1,40}?Private-Lines:[ \t]*[0-9]{1,3}\r?\n(?<secret>[A-Za-z0-9+/=]{32,128})"#,
                ["putty-user-key-file-"], multiline: true
            ),
        ]
    }

    /// A PEM-style armored block: the header, optional `Name: value` headers (encrypted PKCS#1,
    /// PGP), then at least 64 base64 characters; newlines may be real or JSON-escaped (`\n`).
    private static func pem(_ id: String, _ title: String, _ label: String) -> Definition {
        let separator = #"(?:\\n|\\r|[\r\n \t])"#
        let pattern = "-----BEGIN " + label + "-----" + separator + "{1,8}"
            + #"(?:[A-Za-z-]{1,40}:[^\r\n\\]{1,200}"# + separator + "{1,4}){0,6}"
            + #"(?<secret>[A-Za-z0-9+/]{32}(?:[A-Za-z0-9+/=]|"# + separator + "){32,256})"
        return Definition(id, "PrivateKey", title, .critical, pattern, ["begin " + label.lowercased()], multiline: true)
    }
}
