import BulwarkCore

/// One kind of credential the scanner looks for.
///
/// A rule runs only where one of its `keywords` occurs (case-insensitive), and then only on a
/// bounded window around that occurrence: the line (at most 2 KiB either side), or for `multiline`
/// rules the 8 KiB that follow the start of the line.
public struct SecretRule: Sendable {
    /// Stable identifier (`aws-access-key-id`).
    public var id: String
    /// Family of the credential (`AWS`, `GitHub`, `Generic`, `PrivateKey`).
    public var category: String
    /// Title for people.
    public var title: String
    /// Severity of a leak.
    public var severity: Severity
    /// The compiled ICU pattern; its `(?<secret>…)` group (or the whole match) is the secret.
    public var pattern: CompiledPattern
    /// Lower-cased words of which one must occur before the pattern is tried (each 2+ bytes).
    public var keywords: [String]
    /// Minimum Shannon entropy (bits per byte) of the secret; lower values are ignored.
    public var minimumEntropy: Double?
    /// Whether the match may span lines (private keys, service-account JSON).
    public var multiline: Bool
    /// When not empty, the rule applies only to files with one of these base names (`.pgpass`);
    /// such a rule with no keywords is tried on the start of the file.
    public var fileNames: [String]
    /// Whether the secret must be told apart from placeholders and code: it must mix two of
    /// lower case, upper case and digits, not be `${VAR}`-like, a dotted identifier, a UUID, or a
    /// known placeholder word.
    public var rejectsPlaceholders: Bool
    /// Whether the secret must hold a digit (unless it is 32+ bytes of high entropy): keeps
    /// generic rules off identifiers and type names (`password: SecretStr`).
    public var requiresDigit: Bool

    /// Creates a rule from pattern text; throws a `BulwarkError` naming `context` (default: the rule
    /// id) for a pattern that does not compile or keywords that are too short.
    public init(
        id: String, category: String, title: String, severity: Severity, regex: String, keywords: [String],
        minimumEntropy: Double? = nil, multiline: Bool = false, fileNames: [String] = [],
        rejectsPlaceholders: Bool = false, requiresDigit: Bool = false, context: String? = nil
    ) throws {
        let location = context ?? "secret rule \(id)"
        try self.init(
            id: id, category: category, title: title, severity: severity, pattern: try CompiledPattern(regex, context: location),
            keywords: keywords, minimumEntropy: minimumEntropy, multiline: multiline, fileNames: fileNames,
            rejectsPlaceholders: rejectsPlaceholders, requiresDigit: requiresDigit, context: location
        )
    }

    /// Creates a rule from a compiled pattern; throws a `BulwarkError` naming `context` for
    /// keywords that are too short or missing.
    public init(
        id: String, category: String, title: String, severity: Severity, pattern: CompiledPattern, keywords: [String],
        minimumEntropy: Double? = nil, multiline: Bool = false, fileNames: [String] = [],
        rejectsPlaceholders: Bool = false, requiresDigit: Bool = false, context: String? = nil
    ) throws {
        let location = context ?? "secret rule \(id)"
        self.id = id
        self.category = category
        self.title = title
        self.severity = severity
        self.pattern = pattern
        self.keywords = keywords.map { $0.lowercased() }
        if let short = self.keywords.first(where: { $0.utf8.count < 2 }) {
            throw BulwarkError.invalid(location, "keyword '\(short)' is shorter than 2 characters")
        }
        if self.keywords.isEmpty && fileNames.isEmpty {
            throw BulwarkError.invalid(location, "a rule needs at least one keyword (or file names)")
        }
        self.minimumEntropy = minimumEntropy
        self.multiline = multiline
        self.fileNames = fileNames
        self.rejectsPlaceholders = rejectsPlaceholders
        self.requiresDigit = requiresDigit
    }
}
