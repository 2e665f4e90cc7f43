import Foundation

/// Shows enough of a credential to find it, never the whole of it.
public enum SecretMask {
    /// The first characters of `secret` (at most 4, and at most a quarter of it), then asterisks for the rest
    /// (capped at 12, so the length is not exact either).
    public static func mask(_ secret: String) -> String {
        let shown = min(4, secret.count / 4)
        return String(secret.prefix(shown)) + String(repeating: "*", count: min(12, max(4, secret.count - shown)))
    }

    /// `line` (capped at 300 characters) with every occurrence of `secret` masked.
    public static func maskLine(_ line: String, secret: String) -> String {
        let masked = secret.isEmpty ? line : line.replacingOccurrences(of: secret, with: mask(secret))
        return masked.count > 300 ? String(masked.prefix(300)) + "…" : masked
    }
}
