import BulwarkCore

/// A finding a triage decision suppressed, with the decision.
public struct SuppressedFinding: Sendable, Codable, Hashable {
    /// The finding as the scanner reported it.
    public var finding: Finding
    /// `ignore-file` or `vex`.
    public var source: SuppressionSource
    /// The VEX status (`not_affected`, `fixed`); nil for ignore entries.
    public var status: String?
    /// The justification (VEX, or the ignore entry's optional one).
    public var justification: String?
    /// The ignore entry's reason or the VEX impact statement.
    public var reason: String?
    /// Where the decision is written: `.bulwarkignore.yaml:12` or `vex/app.json#statements[0]`.
    public var origin: String
    /// How the purl matched when that needed explaining (the distro prefix rule).
    public var note: String?

    /// Creates a suppressed finding.
    public init(
        finding: Finding, source: SuppressionSource, status: String? = nil, justification: String? = nil, reason: String? = nil,
        origin: String, note: String? = nil
    ) {
        self.finding = finding
        self.source = source
        self.status = status
        self.justification = justification
        self.reason = reason
        self.origin = origin
        self.note = note
    }
}

/// What suppressed a finding.
public enum SuppressionSource: String, Sendable, Codable, Hashable, CaseIterable {
    case ignoreFile = "ignore-file"
    case vex
}

/// The report's account of suppression: counts that always appear, and the decisions that did
/// not take effect (expired or unused ignore entries, VEX statements that matched nothing).
public struct SuppressionSummary: Sendable, Codable, Hashable {
    /// Findings suppressed by the ignore file and by VEX statements.
    public var ignoreFile: Int
    public var vex: Int
    /// Ignore entries past their expiry date (they no longer suppress anything).
    public var expiredEntries: [SuppressionNotice]
    /// Ignore entries (not expired) that matched no finding.
    public var unusedEntries: [SuppressionNotice]
    /// not_affected/fixed VEX statements (per product) that matched no finding, with the reason.
    public var unmatchedStatements: [SuppressionNotice]

    /// Creates a summary.
    public init(
        ignoreFile: Int = 0, vex: Int = 0, expiredEntries: [SuppressionNotice] = [], unusedEntries: [SuppressionNotice] = [],
        unmatchedStatements: [SuppressionNotice] = []
    ) {
        self.ignoreFile = ignoreFile
        self.vex = vex
        self.expiredEntries = expiredEntries
        self.unusedEntries = unusedEntries
        self.unmatchedStatements = unmatchedStatements
    }

    /// All suppressed findings.
    public var total: Int { ignoreFile + vex }

    /// One line per notice, for stderr and `report.warnings`.
    public var warnings: [String] {
        expiredEntries.map { "ignore entry \($0.id) at \($0.origin): \($0.detail)" }
            + unusedEntries.map { "ignore entry \($0.id) at \($0.origin) matched no finding: \($0.detail)" }
            + unmatchedStatements.map { "VEX statement for \($0.id) at \($0.origin) matched no finding: \($0.detail)" }
    }
}

/// A triage decision that did not take effect, and why.
public struct SuppressionNotice: Sendable, Codable, Hashable {
    /// The advisory id it names.
    public var id: String
    /// Where it is written (`file:line` or `document#pointer`).
    public var origin: String
    /// The product it names, when it is about one.
    public var product: String?
    /// Why it did not take effect, in words.
    public var detail: String

    /// Creates a notice.
    public init(id: String, origin: String, product: String? = nil, detail: String) {
        self.id = id
        self.origin = origin
        self.product = product
        self.detail = detail
    }
}

/// Everything suppression decided, for callers that want more than the rewritten report.
public struct SuppressionOutcome: Sendable, Hashable {
    /// Every suppressed finding (the report lists them only when asked to).
    public var suppressed: [SuppressedFinding]
    public var summary: SuppressionSummary

    /// Creates an outcome.
    public init(suppressed: [SuppressedFinding], summary: SuppressionSummary) {
        self.suppressed = suppressed
        self.summary = summary
    }
}
