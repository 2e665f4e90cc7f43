import BulwarkCore

/// One VEX statement, whatever document format it came from: the status of one vulnerability in
/// some products.
public struct VEXStatement: Sendable, Hashable {
    /// The vulnerability id (`CVE-…`, `GHSA-…`) and any aliases the document gives.
    public var vulnerability: String
    public var aliases: [String]
    /// The packages the statement is about.
    public var products: [VEXProduct]
    /// Images the statement is limited to (OpenVEX products whose subcomponents are the packages);
    /// empty when it applies wherever the packages are found.
    public var images: [VEXProduct]
    public var status: VEXStatus
    /// A machine-readable justification (OpenVEX/CSAF/CycloneDX vocabularies, as written).
    public var justification: String?
    /// Free-text impact statement or detail.
    public var impactStatement: String?
    /// When the statement was made (RFC 3339), when the document says; later statements win.
    public var timestamp: String?
    /// The document and where in it: `vex/app.openvex.json#statements[2]`.
    public var source: VEXSource

    /// Creates a statement.
    public init(
        vulnerability: String, aliases: [String] = [], products: [VEXProduct], images: [VEXProduct] = [], status: VEXStatus,
        justification: String? = nil, impactStatement: String? = nil, timestamp: String? = nil, source: VEXSource
    ) {
        self.vulnerability = vulnerability
        self.aliases = aliases
        self.products = products
        self.images = images
        self.status = status
        self.justification = justification
        self.impactStatement = impactStatement
        self.timestamp = timestamp
        self.source = source
    }

    /// Whether the statement suppresses findings (not_affected or fixed).
    public var suppresses: Bool { status == .notAffected || status == .fixed }

    /// All ids the statement names.
    public var allIDs: [String] { [vulnerability] + aliases }
}

/// A product a VEX statement names: its identifier as written and the purl it resolved to.
public struct VEXProduct: Sendable, Hashable {
    /// The identifier as the document wrote it (purl, bom-ref, CSAF product id…).
    public var identifier: String
    /// The package URL, when the identifier is or resolves to one.
    public var purl: PackageURL?

    /// Creates a product.
    public init(identifier: String, purl: PackageURL?) {
        self.identifier = identifier
        self.purl = purl
    }
}

/// The statuses VEX formats share (CycloneDX and CSAF states are mapped onto these).
public enum VEXStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case notAffected = "not_affected"
    case affected
    case fixed
    case underInvestigation = "under_investigation"
}

/// Where a statement came from.
public struct VEXSource: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The document path as given.
    public var document: String
    public var format: VEXFormat
    /// Where in the document: `statements[2]`, `vulnerabilities[0]`.
    public var pointer: String

    /// Creates a source.
    public init(document: String, format: VEXFormat, pointer: String) {
        self.document = document
        self.format = format
        self.pointer = pointer
    }

    public var description: String { "\(document)#\(pointer)" }
}

/// The VEX document formats Bulwark reads.
public enum VEXFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case openVEX = "openvex"
    case cycloneDX = "cyclonedx"
    case csaf
}
