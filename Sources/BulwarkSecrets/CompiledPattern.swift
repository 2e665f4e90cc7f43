import BulwarkCore
import Foundation

/// A compiled ICU regular expression shared by every copy of a rule.
///
/// `NSRegularExpression` is immutable once created and documented as safe to use from several
/// threads at once, so one compiled instance is shared by all scanners on all cores.
public final class CompiledPattern: @unchecked Sendable {
    /// The pattern text as written.
    public let source: String
    let regex: NSRegularExpression
    /// Whether the pattern declares a `(?<secret>…)` group.
    let hasSecretGroup: Bool

    /// Compiles `source`; throws a `BulwarkError` naming `context` when it does not compile.
    public init(_ source: String, context: String) throws {
        self.source = source
        do {
            regex = try NSRegularExpression(pattern: source, options: [])
        } catch {
            throw BulwarkError.invalid(context, "regular expression does not compile: \(source)")
        }
        hasSecretGroup = source.contains("(?<secret>")
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}
