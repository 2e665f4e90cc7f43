/// The subset of the SPDX 2.3 JSON model (https://spdx.github.io/spdx-spec/v2.3/) Bulwark writes.
///
/// Optional members are omitted when nil.
enum SPDX {
    /// The root document.
    struct Document: Encodable, Sendable {
        var spdxVersion = "SPDX-2.3"
        var dataLicense = "CC0-1.0"
        var spdxID = "SPDXRef-DOCUMENT"
        var name: String
        var documentNamespace: String
        var creationInfo: CreationInfo
        var packages: [Package]
        var relationships: [Relationship]
        var hasExtractedLicensingInfos: [ExtractedLicensingInfo]?

        enum CodingKeys: String, CodingKey {
            case spdxVersion, dataLicense
            case spdxID = "SPDXID"
            case name, documentNamespace, creationInfo, packages, relationships, hasExtractedLicensingInfos
        }
    }

    /// `creationInfo`.
    struct CreationInfo: Encodable, Sendable {
        var created: String
        var creators: [String]
    }

    /// A package. Bulwark does not list files, so `filesAnalyzed` is always false.
    struct Package: Encodable, Sendable {
        var spdxID: String
        var name: String
        var versionInfo: String?
        var supplier: String?
        var downloadLocation = "NOASSERTION"
        var filesAnalyzed = false
        var sourceInfo: String?
        var licenseConcluded = "NOASSERTION"
        var licenseDeclared = "NOASSERTION"
        var copyrightText = "NOASSERTION"
        var description: String?
        var comment: String?
        var externalRefs: [ExternalRef]?
        var primaryPackagePurpose: String?

        enum CodingKeys: String, CodingKey {
            case spdxID = "SPDXID"
            case name, versionInfo, supplier, downloadLocation, filesAnalyzed, sourceInfo, licenseConcluded
            case licenseDeclared, copyrightText, description, comment, externalRefs, primaryPackagePurpose
        }
    }

    /// An `externalRefs` item.
    struct ExternalRef: Encodable, Sendable {
        var referenceCategory: String
        var referenceType: String
        var referenceLocator: String

        /// A `PACKAGE-MANAGER` / `purl` reference.
        static func purl(_ purl: String) -> ExternalRef {
            ExternalRef(referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: purl)
        }
    }

    /// A relationship between two elements.
    struct Relationship: Encodable, Sendable {
        var spdxElementId: String
        var relationshipType: String
        var relatedSpdxElement: String
    }

    /// A `hasExtractedLicensingInfos` item: a `LicenseRef-` and what it stands for.
    struct ExtractedLicensingInfo: Encodable, Sendable {
        var licenseId: String
        var extractedText: String
        var name: String
        var comment: String?
    }
}
