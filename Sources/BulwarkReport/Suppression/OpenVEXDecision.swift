/// One triage decision to write as an OpenVEX statement: a vulnerability's status in some products.
public struct OpenVEXDecision: Sendable, Hashable {
    /// The vulnerability id (`CVE-2023-5678`).
    public var vulnerability: String
    /// Product identifiers, normally purls.
    public var products: [String]
    public var status: VEXStatus
    /// Required (or an impact statement) for not_affected; only allowed with not_affected.
    public var justification: String?
    public var impactStatement: String?
    /// Required for affected.
    public var actionStatement: String?

    /// Creates a decision.
    public init(
        vulnerability: String, products: [String], status: VEXStatus, justification: String? = nil, impactStatement: String? = nil,
        actionStatement: String? = nil
    ) {
        self.vulnerability = vulnerability
        self.products = products
        self.status = status
        self.justification = justification
        self.impactStatement = impactStatement
        self.actionStatement = actionStatement
    }
}
