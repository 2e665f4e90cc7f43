/// A declared license statement read by ``LicenseNormalizer``: the SPDX expression it stands for
/// (when any part could be read) and the verbatim text.
public struct NormalizedLicense: Hashable, Sendable {
    /// Why a statement (or part of it) was not recognized.
    public enum Reason: Hashable, Sendable {
        /// No operand names a known license (`Foo License`, `BSD` without a clause count).
        case unknownName
        /// Some operands were recognized, these were not (see ``NormalizedLicense/unrecognizedParts``).
        case partiallyUnknown
        /// npm's `SEE LICENSE IN <file>`: the license is in a file of the package.
        case seeLicenseFile(String)
        /// The statement says nothing (`UNKNOWN`, `NOASSERTION`, `NONE`, `OSI Approved`).
        case noAssertion
        /// Looks like an expression but is malformed (unbalanced parentheses, dangling operator).
        case malformedExpression
        /// A whole license text where a name was expected, and it matched no reference text.
        case licenseText
    }

    /// The SPDX expression, with unrecognized operands as ``LicenseExpression/unknown(_:)``; nil when
    /// nothing in the statement could be read as a license.
    public var expression: LicenseExpression?
    /// The statement exactly as declared.
    public var original: String
    /// Whether every operand was recognized (listed SPDX ids, or Bulwark's `LicenseRef-Public-Domain` /
    /// `LicenseRef-Proprietary`, or a `LicenseRef-` the statement itself wrote).
    public var recognized: Bool
    /// The operand texts that were not recognized, in order (the whole statement when nothing was).
    public var unrecognizedParts: [String]
    /// Why it was not (fully) recognized; nil when ``recognized``.
    public var reason: Reason?
    /// The SPDX id of the reference text matched, with its similarity, when the statement was a whole
    /// license text identified by ``LicenseTextIdentifier``.
    public var identifiedText: LicenseTextMatch?

    /// Creates a result.
    public init(
        expression: LicenseExpression?, original: String, recognized: Bool, unrecognizedParts: [String] = [],
        reason: Reason? = nil, identifiedText: LicenseTextMatch? = nil
    ) {
        self.expression = expression
        self.original = original
        self.recognized = recognized
        self.unrecognizedParts = unrecognizedParts
        self.reason = reason
        self.identifiedText = identifiedText
    }

    /// The expression in SPDX syntax with unrecognized operands verbatim, or the original text when
    /// nothing was recognized.
    public var displayText: String {
        expression?.description ?? original
    }
}
