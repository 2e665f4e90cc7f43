import BulwarkCore

/// Bulwark's built-in secret rules, in priority order (specific token formats first, context-based
/// and generic rules last), and its built-in allow rules.
public enum BuiltInSecretRules {
    /// The definition of one built-in rule, before compilation.
    /// The fields mean the same as `SecretRule`'s.
    public struct Definition: Sendable {
        /// Stable rule id.
        public var id: String
        /// Credential family.
        public var category: String
        /// Title for people.
        public var title: String
        /// Severity of a leak.
        public var severity: Severity
        /// ICU pattern with a `secret` group.
        public var regex: String
        /// Prefilter keywords (lower case).
        public var keywords: [String]
        /// Minimum Shannon entropy of the secret.
        public var entropy: Double?
        /// Whether the match may span lines.
        public var multiline: Bool
        /// Base names the rule is limited to.
        public var fileNames: [String]
        /// Whether placeholder and code-like values are rejected.
        public var rejectsPlaceholders: Bool
        /// Whether the value must hold a digit (or be long and random).
        public var requiresDigit: Bool

        init(
            _ id: String, _ category: String, _ title: String, _ severity: Severity, _ regex: String, _ keywords: [String],
            entropy: Double? = nil, multiline: Bool = false, fileNames: [String] = [], rejectsPlaceholders: Bool = false,
            requiresDigit: Bool = false
        ) {
            self.id = id
            self.category = category
            self.title = title
            self.severity = severity
            self.regex = regex
            self.keywords = keywords
            self.entropy = entropy
            self.multiline = multiline
            self.fileNames = fileNames
            self.rejectsPlaceholders = rejectsPlaceholders
            self.requiresDigit = requiresDigit
        }
    }

    /// Every definition, in priority order.
    public static let definitions: [Definition] =
        cloudDefinitions + sourceControlDefinitions + messagingDefinitions + paymentDefinitions
        + developerToolDefinitions + privateKeyDefinitions + credentialFileDefinitions + saasDefinitions
        + genericDefinitions

    /// The compiled rules. A definition whose pattern does not compile is left out (a test checks
    /// that none is).
    public static let rules: [SecretRule] = definitions.compactMap { definition in
        try? SecretRule(
            id: definition.id, category: definition.category, title: definition.title, severity: definition.severity,
            regex: definition.regex, keywords: definition.keywords, minimumEntropy: definition.entropy,
            multiline: definition.multiline, fileNames: definition.fileNames, rejectsPlaceholders: definition.rejectsPlaceholders,
            requiresDigit: definition.requiresDigit
        )
    }

    /// Documented example credentials and folders that hold documentation, never secrets.
    public static let allowRules: [SecretAllowRule] = [
        SecretAllowRule(
            id: "documented-examples", description: "example credentials published in vendor documentation",
            values: [
                "AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
            ]
        ),
        SecretAllowRule(
            id: "documentation-folders", description: "documentation, manual pages, translations and time zones",
            pathContains: ["/usr/share/doc/", "/usr/share/man/", "/usr/share/locale/", "/usr/share/zoneinfo/", "/usr/share/i18n/"]
        ),
        // As Trivy's `usr-dirs`: the distribution's own files (headers, libraries, data) are shipped by its
        // signed packages; secrets an image's builder leaks live in /etc, /root, /home, /app, /opt, /srv,
        // /var and /usr/local. `disable: [distribution-folders]` scans them too.
        SecretAllowRule(
            id: "distribution-folders", description: "files the distribution's packages install under /usr/share, /usr/include and /usr/lib",
            pathContains: ["/usr/share/", "/usr/include/", "/usr/lib/", "/usr/lib32/", "/usr/lib64/", "/usr/libexec/"]
        ),
    ]

    // Shared pattern pieces.
    /// `key` then an assignment: `=`, `:`, `:=`, `=>`, with optional quotes around the key and value.
    static let assign = #"["']?[ \t]{0,8}(?:=|:=|:|=>)[ \t]{0,8}["'`]?"#
    /// No token character before the match.
    static let tokenStart = #"(?<![A-Za-z0-9_-])"#
    /// No token character after the match.
    static let tokenEnd = #"(?![A-Za-z0-9_-])"#
}
