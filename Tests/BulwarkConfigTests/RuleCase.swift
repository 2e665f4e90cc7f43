import BulwarkConfig
import Testing
import BulwarkCore

/// One rule's positive and negative example: the rule must fire on `positive` and not on `negative`.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var ruleID: String
    var kind: ConfigFileKind
    var positive: String
    var negative: String
    var options = ConfigScanOptions()
    /// The line the positive finding must point at (nil: any line).
    var line: Int?

    var testDescription: String { ruleID }
}
