import BulwarkLicense
import BulwarkCore

/// Writes SPDX 2.3 JSON.
///
/// Packages: the scanned image (`primaryPackagePurpose` CONTAINER; FILE for a root filesystem
/// directory), the detected OS (OPERATING-SYSTEM) and one LIBRARY package per installed package.
/// Relationships: the document DESCRIBES the image; the image CONTAINS the OS and every package; the OS
/// also CONTAINS each of its packages. Declared licenses become SPDX expressions; license names with no
/// clean SPDX id become `LicenseRef-`s declared in `hasExtractedLicensingInfos`.
struct SPDXWriter {
    /// Tool identity and timestamp for the document.
    let options: RenderOptions

    /// The base of every document namespace. `.invalid` is reserved (RFC 2606), so the URI names no real
    /// host; it only has to be unique, which the UUID after it guarantees.
    static let namespaceBase = "https://bulwark.invalid/spdx/"

    /// The document for `inventory`, as UTF-8 JSON.
    func write(_ inventory: Inventory) throws(BulwarkError) -> [UInt8] {
        try JSONOutput.encode(try document(for: inventory), format: "SPDX")
    }

    /// The document model for `inventory`.
    func document(for inventory: Inventory) throws(BulwarkError) -> SPDX.Document {
        let uuid = DeterministicUUID.forDocument(purpose: "spdx", inventory: inventory, options: options)
        let identity = ImageIdentity(inventory)
        let packages = PackageOrdering.sorted(inventory.packages)
        var ids = IdentifierAllocator(caseInsensitive: true)
        var licenseRefs = LicenseRefRegistry()
        var spdxPackages: [SPDX.Package] = []
        var relationships: [SPDX.Relationship] = []

        let imageID = ids.allocate(
            "SPDXRef-" + (identity.isContainerImage ? "Image-" : "Filesystem-")
                + IDString.sanitize(identity.displayName))
        spdxPackages.append(imagePackage(identity, inventory: inventory, spdxID: imageID))
        relationships.append(
            .init(spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: imageID))

        var osID: String?
        if let os = inventory.operatingSystem {
            let id = ids.allocate("SPDXRef-OperatingSystem-" + IDString.sanitize(os.family + "-" + os.version))
            osID = id
            spdxPackages.append(
                SPDX.Package(
                    spdxID: id, name: os.family, versionInfo: os.version, description: os.prettyName,
                    primaryPackagePurpose: "OPERATING-SYSTEM"))
            relationships.append(.init(spdxElementId: imageID, relationshipType: "CONTAINS", relatedSpdxElement: id))
        }

        var idByPurl: [String: String] = [:]
        var packageIDs: [(Package, String)] = []
        for package in packages {
            let id = ids.allocate(Self.packageID(package))
            spdxPackages.append(libraryPackage(package, spdxID: id, licenseRefs: &licenseRefs))
            relationships.append(.init(spdxElementId: imageID, relationshipType: "CONTAINS", relatedSpdxElement: id))
            if let osID, package.type.isOSPackage {
                relationships.append(.init(spdxElementId: osID, relationshipType: "CONTAINS", relatedSpdxElement: id))
            }
            if idByPurl[package.purl.description] == nil { idByPurl[package.purl.description] = id }
            packageIDs.append((package, id))
        }
        // DEPENDS_ON where a lockfile or metadata states a package's dependencies.
        for (package, id) in packageIDs {
            for target in Set(package.dependencies.compactMap { idByPurl[$0] }).sorted() where target != id {
                relationships.append(.init(spdxElementId: id, relationshipType: "DEPENDS_ON", relatedSpdxElement: target))
            }
        }

        let extracted = licenseRefs.references.map { reference in
            SPDX.ExtractedLicensingInfo(
                licenseId: reference.id, extractedText: reference.text, name: reference.text,
                comment: "License named by the package database; its text was not collected.")
        }
        let namespace =
            Self.namespaceBase + inventory.target.kind.rawValue + "/"
            + IDString.sanitize(identity.displayName, fallback: "target") + "-" + uuid.description
        return SPDX.Document(
            name: identity.displayName,
            documentNamespace: namespace,
            creationInfo: SPDX.CreationInfo(
                created: RFC3339Timestamp.string(from: options.timestamp),
                creators: ["Tool: \(options.toolName)-\(options.toolVersion)", "Organization: Bulwark"]),
            packages: spdxPackages,
            relationships: relationships,
            hasExtractedLicensingInfos: extracted.isEmpty ? nil : extracted)
    }

    /// `SPDXRef-Package-<type>-<name>-<hash>`: readable, and distinct for packages that share a name.
    static func packageID(_ package: Package) -> String {
        let hash = PackageFingerprint.of(package)
        return "SPDXRef-Package-\(package.type.rawValue)-\(IDString.sanitize(package.name))-\(hash)"
    }

    private func imagePackage(_ identity: ImageIdentity, inventory: Inventory, spdxID: String) -> SPDX.Package {
        var comment: [String] = ["Target: \(inventory.target.kind.rawValue) \(inventory.target.name)"]
        if let image = inventory.image {
            if let digest = image.configDigest { comment.append("Config digest: \(digest)") }
            if let platform = image.platform { comment.append("Platform: \(platform)") }
            if !image.repoTags.isEmpty { comment.append("Tags: " + image.repoTags.joined(separator: ", ")) }
        }
        return SPDX.Package(
            spdxID: spdxID,
            name: identity.displayName,
            versionInfo: identity.digest?.description,
            comment: comment.joined(separator: "\n"),
            externalRefs: identity.packageURL.map { [.purl($0.description)] },
            primaryPackagePurpose: identity.isContainerImage ? "CONTAINER" : "FILE")
    }

    private func libraryPackage(_ package: Package, spdxID: String, licenseRefs: inout LicenseRefRegistry)
        -> SPDX.Package
    {
        var sourceInfo: String?
        if let sourceName = package.sourceName, !sourceName.isEmpty {
            sourceInfo = "built from source package \(sourceName)" + (package.sourceVersion.map { " \($0)" } ?? "")
        }
        var comment = ["Found in \(package.location)"]
        if let layer = package.layer {
            comment.append("layer \(layer.index)" + (layer.diffID.map { " (diffID \($0))" } ?? ""))
        }
        let declared = DeclaredLicenses(package.licenses).combined.map { licenseRefs.render($0) } ?? "NOASSERTION"
        return SPDX.Package(
            spdxID: spdxID,
            name: package.name,
            versionInfo: package.version,
            supplier: Self.supplier(package),
            sourceInfo: sourceInfo,
            licenseDeclared: declared,
            comment: comment.joined(separator: ", "),
            externalRefs: [.purl(package.purl.description)],
            primaryPackagePurpose: "LIBRARY")
    }

    /// The SPDX `supplier` actor: `Organization: <vendor>` for packages with a vendor, otherwise
    /// `Person: <name> (<email>)` from a `Name <email>` maintainer; nil when neither is recorded.
    static func supplier(_ package: Package) -> String? {
        if let vendor = package.vendor.map(actorText), !vendor.isEmpty { return "Organization: \(vendor)" }
        guard let maintainer = package.maintainer else { return nil }
        var name = maintainer
        var email: String?
        if let open = maintainer.lastIndex(of: "<"), let close = maintainer.lastIndex(of: ">"), open < close {
            email = actorText(String(maintainer[maintainer.index(after: open)..<close]))
            name = String(maintainer[..<open])
        }
        name = actorText(name)
        guard !name.isEmpty else { return nil }
        if let email, !email.isEmpty { return "Person: \(name) (\(email))" }
        return "Person: \(name)"
    }

    /// `text` on one line, without the parentheses the actor syntax uses for the email.
    private static func actorText(_ text: String) -> String {
        text.map { character -> String in
            if character == "(" || character == ")" || character.isNewline { return " " }
            return String(character)
        }.joined().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
