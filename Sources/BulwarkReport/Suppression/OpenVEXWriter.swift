import BulwarkCore
import Foundation

/// Writes OpenVEX v0.2.0 documents from triage decisions (`bulwark vex create`).
///
/// Output is deterministic: statements are sorted (vulnerability, status, products), products are
/// de-duplicated and sorted, keys are sorted, and the document `@id` is derived from the content
/// (author, timestamp and statements), so the same decisions and timestamp give the same bytes.
public enum OpenVEXWriter {
    /// The OpenVEX context URL written.
    public static let context = "https://openvex.dev/ns/v0.2.0"

    /// The document bytes (pretty-printed JSON with a trailing newline). Throws when a decision
    /// breaks an OpenVEX rule: no products, not_affected without justification or impact statement,
    /// a justification on another status, affected without an action statement, unknown justification.
    public static func document(decisions: [OpenVEXDecision], author: String, timestamp: String, tooling: String? = nil, id: String? = nil)
        throws -> [UInt8]
    {
        guard !decisions.isEmpty else { throw BulwarkError.invalid("vex create", "no decisions to write") }
        guard SuppressionDate.timestamp(timestamp) != nil else {
            throw BulwarkError.invalid("vex create", "timestamp '\(timestamp)' is not RFC 3339")
        }
        var statements: [Statement] = []
        for decision in Set(decisions) {
            try validate(decision)
            // The schema allows exactly one of justification and impact_statement on not_affected:
            // with both, the text goes to status_notes.
            let both = decision.justification != nil && decision.impactStatement != nil
            statements.append(
                Statement(
                    vulnerability: Vulnerability(name: decision.vulnerability),
                    products: Set(decision.products).sorted().map(Product.init), status: decision.status.rawValue,
                    justification: decision.justification, impactStatement: both ? nil : decision.impactStatement,
                    actionStatement: decision.actionStatement, statusNotes: both ? decision.impactStatement : nil))
        }
        statements.sort { lhs, rhs in
            (lhs.vulnerability.name, lhs.status, lhs.products.map(\.id).joined(separator: " "), lhs.sortKey)
                < (rhs.vulnerability.name, rhs.status, rhs.products.map(\.id).joined(separator: " "), rhs.sortKey)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let content = try encoder.encode(statements)
        let digest = SHA1.hexDigest(SHA1.digest(Array((author + "\n" + timestamp + "\n").utf8) + Array(content)))
        let document = Document(
            id: id ?? "https://openvex.dev/docs/public/vex-\(digest)", author: author, timestamp: timestamp, version: 1, tooling: tooling,
            statements: statements)
        return Array(try encoder.encode(document)) + [0x0A]
    }

    /// `date` as the RFC 3339 UTC timestamp (whole seconds) documents carry: `2026-01-14T09:30:00Z`.
    public static func timestamp(for date: Date) -> String {
        RFC3339Timestamp.string(from: date)
    }

    /// Decisions from an ignore file: each unexpired entry with a purl becomes a not_affected
    /// statement whose impact statement is the entry's reason (and justification its justification;
    /// with both, the reason is written as `status_notes`, as the schema allows only one of the two).
    /// Entries without a purl (OpenVEX needs a product) or expired at `now` are returned as skipped.
    public static func decisions(from ignore: IgnoreFile, now: Date) -> (decisions: [OpenVEXDecision], skipped: [SuppressionNotice]) {
        var decisions: [OpenVEXDecision] = []
        var skipped: [SuppressionNotice] = []
        for entry in ignore.entries {
            let origin = entry.location(in: ignore.path)
            if entry.isExpired(at: now) {
                skipped.append(SuppressionNotice(id: entry.id, origin: origin, detail: "expired \(entry.expires ?? ""); not written"))
            } else if entry.purls.isEmpty {
                skipped.append(SuppressionNotice(id: entry.id, origin: origin, detail: "has no purl, and an OpenVEX statement needs a product"))
            } else {
                decisions.append(
                    OpenVEXDecision(
                        vulnerability: entry.id, products: entry.purls.map(\.description), status: .notAffected,
                        justification: entry.justification, impactStatement: entry.reason))
            }
        }
        return (decisions, skipped)
    }

    /// Checks one decision against the OpenVEX rules.
    public static func validate(_ decision: OpenVEXDecision) throws {
        let label = "vex create: \(decision.vulnerability)"
        guard !decision.vulnerability.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw BulwarkError.invalid("vex create", "a statement needs a vulnerability id")
        }
        guard !decision.products.isEmpty else { throw BulwarkError.invalid(label, "a statement needs at least one product (--product PURL)") }
        if let justification = decision.justification {
            guard decision.status == .notAffected else {
                throw BulwarkError.invalid(label, "a justification is only allowed with status not_affected")
            }
            guard IgnoreFileParser.openVEXJustifications.contains(justification) else {
                throw BulwarkError.invalid(
                    label, "'\(justification)' is not an OpenVEX justification (\(IgnoreFileParser.openVEXJustifications.sorted().joined(separator: ", ")))")
            }
        }
        if decision.status == .notAffected, decision.justification == nil, decision.impactStatement?.isEmpty ?? true {
            throw BulwarkError.invalid(label, "status not_affected needs a justification or an impact statement")
        }
        if decision.status == .affected, decision.actionStatement?.isEmpty ?? true {
            throw BulwarkError.invalid(label, "status affected needs an action statement")
        }
    }

    private struct Document: Encodable {
        let context = OpenVEXWriter.context
        var id: String
        var author: String
        var timestamp: String
        var version: Int
        var tooling: String?
        var statements: [Statement]

        enum CodingKeys: String, CodingKey {
            case context = "@context", id = "@id", author, timestamp, version, tooling, statements
        }
    }

    private struct Statement: Encodable {
        var vulnerability: Vulnerability
        var products: [Product]
        var status: String
        var justification: String?
        var impactStatement: String?
        var actionStatement: String?
        var statusNotes: String?

        /// Orders statements that agree on vulnerability, status and products.
        var sortKey: String {
            [justification, impactStatement, actionStatement, statusNotes].map { $0 ?? "" }.joined(separator: "\u{1}")
        }

        enum CodingKeys: String, CodingKey {
            case vulnerability, products, status, justification
            case impactStatement = "impact_statement", actionStatement = "action_statement", statusNotes = "status_notes"
        }
    }

    private struct Vulnerability: Encodable {
        var name: String
    }

    private struct Product: Encodable {
        var id: String
        enum CodingKeys: String, CodingKey { case id = "@id" }
    }
}
