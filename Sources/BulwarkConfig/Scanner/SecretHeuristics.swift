import Foundation

/// Decides whether an environment variable looks like it holds a credential, by name and by value.
public enum SecretHeuristics {
    /// Name fragments that mean a credential (compared upper-cased, on `_`-separated words).
    static let secretWords: Set<String> = [
        "PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "TOKEN", "APIKEY", "PRIVATE", "CREDENTIALS", "CREDENTIAL",
        "ACCESSKEY", "AUTH",
    ]
    /// Compound names that mean a credential.
    static let secretPhrases = ["API_KEY", "ACCESS_KEY", "SECRET_KEY", "PRIVATE_KEY", "CLIENT_SECRET", "AUTH_TOKEN"]
    /// Name words that mean the value is a reference to a secret, not the secret itself.
    static let referenceWords: Set<String> = ["FILE", "PATH", "DIR", "URL_FILE", "LENGTH", "SIZE", "TYPE", "ID", "NAME", "URL", "URI", "ENDPOINT", "HOST", "PORT", "USER", "METHOD", "HEADER", "ENABLED"]

    /// Whether `name=value` looks like a hard-coded credential. A name alone counts only with a non-empty,
    /// non-placeholder value (ARG without default, `${VAR}` references and `changeme`-like values do not).
    public static func looksLikeSecret(name: String, value: String) -> Bool {
        if valueLooksLikeSecret(value) { return true }
        guard nameLooksLikeSecret(name) else { return false }
        let trimmed = value.trimmingCharacters(in: ["\"", "'", " "])
        if trimmed.isEmpty || trimmed.hasPrefix("$") || trimmed.hasPrefix("/") { return false }
        return !["true", "false", "none", "null", "0", "1"].contains(trimmed.lowercased())
    }

    /// Whether the name says credential (`DB_PASSWORD`, `GITHUB_TOKEN`), but not a pointer to one (`PASSWORD_FILE`).
    public static func nameLooksLikeSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        let words = upper.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map(String.init)
        if let last = words.last, referenceWords.contains(last) { return false }
        if secretPhrases.contains(where: { upper.contains($0) }) { return true }
        return words.contains { secretWords.contains($0) }
    }

    /// Whether the value itself has the shape of a well-known credential (AWS key id, GitHub/Slack tokens, PEM keys).
    public static func valueLooksLikeSecret(_ value: String) -> Bool {
        let prefixes = ["AKIA", "ghp_", "gho_", "ghs_", "github_pat_", "xoxb-", "xoxp-", "glpat-", "sk_live_", "-----BEGIN"]
        return prefixes.contains { prefix in
            guard let range = value.range(of: prefix) else { return false }
            return value[range.upperBound...].prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }).count >= 12
                || prefix == "-----BEGIN"
        }
    }
}
