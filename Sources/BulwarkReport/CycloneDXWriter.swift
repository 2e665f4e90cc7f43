import BulwarkLicense
import BulwarkCore

/// Writes CycloneDX 1.6 JSON.
///
/// Layout: `metadata.component` is the scanned image (type `container`; `file` for a root filesystem
/// directory); `components` holds the detected operating system (type `operating-system`) and one
/// `library` per package; `dependencies` links the image to the OS and every package, and the OS to its
/// packages. Packages' own dependencies are not known to Bulwark, so packages get no dependency entry
/// (in CycloneDX, absent means "unknown", an empty entry would mean "none").
struct CycloneDXWriter {
    /// Tool identity and timestamp for the document.
    let options: RenderOptions

    /// The BOM for `inventory`, as UTF-8 JSON.
    func write(_ inventory: Inventory) throws(BulwarkError) -> [UInt8] {
        try JSONOutput.encode(try bom(for: inventory), format: "CycloneDX")
    }

    /// The BOM model for `inventory`.
    func bom(for inventory: Inventory) throws(BulwarkError) -> CycloneDX.BOM {
        let serial = DeterministicUUID.forDocument(purpose: "cyclonedx", inventory: inventory, options: options)
        let identity = ImageIdentity(inventory)
        let packages = PackageOrdering.sorted(inventory.packages)
        var refs = IdentifierAllocator()

        let imageRef = refs.allocate(
            identity.packageURL?.description
                ?? "bulwark:target:\(inventory.target.kind.rawValue):\(inventory.target.name)")
        let subject = imageComponent(identity, inventory: inventory, bomRef: imageRef)

        var components: [CycloneDX.Component] = []
        var osRef: String?
        if let os = inventory.operatingSystem {
            let ref = refs.allocate("bulwark:os:\(os.family)@\(os.version)")
            osRef = ref
            components.append(operatingSystemComponent(os, bomRef: ref))
        }
        var packageRefs: [String] = []
        var osPackageRefs: [String] = []
        var refByPurl: [String: String] = [:]
        var packageRefPairs: [(Package, String)] = []
        for package in packages {
            // The purl is the natural bom-ref; a second package with the same purl (say, found in two
            // databases) gets an opaque one rather than a suffixed string that would read as another purl.
            let purl = package.purl.description
            let ref = refs.allocate(refs.isTaken(purl) ? "bulwark:package:" + PackageFingerprint.of(package) : purl)
            packageRefs.append(ref)
            if refByPurl[purl] == nil { refByPurl[purl] = ref }
            packageRefPairs.append((package, ref))
            if package.type.isOSPackage { osPackageRefs.append(ref) }
        }

        var dependencies = [CycloneDX.Dependency(ref: imageRef, dependsOn: (osRef.map { [$0] } ?? []) + packageRefs)]
        if let osRef { dependencies.append(CycloneDX.Dependency(ref: osRef, dependsOn: osPackageRefs)) }
        // Package → package edges where a lockfile or metadata states them and both ends are components.
        for (package, ref) in packageRefPairs where !package.dependencies.isEmpty {
            let targets = package.dependencies.compactMap { refByPurl[$0] }.filter { $0 != ref }
            if !targets.isEmpty { dependencies.append(CycloneDX.Dependency(ref: ref, dependsOn: Array(Set(targets)).sorted())) }
        }

        let tool = CycloneDX.Component(type: "application", name: options.toolName, version: options.toolVersion)
        return CycloneDX.BOM(
            serialNumber: "urn:uuid:\(serial)",
            metadata: CycloneDX.Metadata(
                timestamp: RFC3339Timestamp.string(from: options.timestamp),
                tools: CycloneDX.Tools(components: [tool]),
                component: subject),
            components: CycloneDX.ComponentList(
                leading: components, packages: packageRefPairs.map { ($0.0, $0.1) },
                makeComponent: { [self] package, ref in libraryComponent(package, bomRef: ref) }),
            dependencies: dependencies)
    }

    private func imageComponent(_ identity: ImageIdentity, inventory: Inventory, bomRef: String) -> CycloneDX.Component
    {
        var properties: [CycloneDX.Property] = [
            .init(name: "bulwark:target:kind", value: inventory.target.kind.rawValue),
            .init(name: "bulwark:target:name", value: inventory.target.name),
        ]
        if let image = inventory.image {
            if let digest = image.manifestDigest {
                properties.append(.init(name: "bulwark:image:digest", value: digest.description))
            }
            if let digest = image.configDigest {
                properties.append(.init(name: "bulwark:image:config-digest", value: digest.description))
            }
            if let platform = image.platform {
                properties.append(.init(name: "bulwark:image:platform", value: platform))
            }
            for tag in image.repoTags { properties.append(.init(name: "bulwark:image:tag", value: tag)) }
            for pin in image.repoDigests { properties.append(.init(name: "bulwark:image:repo-digest", value: pin)) }
            if let created = image.created { properties.append(.init(name: "bulwark:image:created", value: created)) }
        }
        return CycloneDX.Component(
            type: identity.isContainerImage ? "container" : "file",
            bomRef: bomRef,
            name: identity.displayName,
            version: identity.digest?.description,
            purl: identity.packageURL?.description,
            properties: properties)
    }

    private func operatingSystemComponent(_ os: OperatingSystem, bomRef: String) -> CycloneDX.Component {
        var properties: [CycloneDX.Property] = []
        if let versionID = os.versionID { properties.append(.init(name: "bulwark:os:version-id", value: versionID)) }
        if let codename = os.codename { properties.append(.init(name: "bulwark:os:codename", value: codename)) }
        for like in os.idLike { properties.append(.init(name: "bulwark:os:id-like", value: like)) }
        return CycloneDX.Component(
            type: "operating-system",
            bomRef: bomRef,
            name: os.family,
            version: os.version,
            description: os.prettyName,
            properties: properties.isEmpty ? nil : properties)
    }

    private func libraryComponent(_ package: Package, bomRef: String) -> CycloneDX.Component {
        var properties: [CycloneDX.Property] = [.init(name: "bulwark:package:type", value: package.type.rawValue)]
        if let sourceName = package.sourceName {
            properties.append(.init(name: "bulwark:package:source-name", value: sourceName))
        }
        if let sourceVersion = package.sourceVersion {
            properties.append(.init(name: "bulwark:package:source-version", value: sourceVersion))
        }
        if let architecture = package.architecture {
            properties.append(.init(name: "bulwark:package:arch", value: architecture))
        }
        if let epoch = package.epoch { properties.append(.init(name: "bulwark:package:epoch", value: String(epoch))) }
        if let label = package.modularityLabel {
            properties.append(.init(name: "bulwark:package:modularity-label", value: label))
        }
        properties.append(.init(name: "bulwark:package:location", value: package.location))
        if let layer = package.layer {
            properties.append(.init(name: "bulwark:layer:index", value: String(layer.index)))
            if let digest = layer.digest {
                properties.append(.init(name: "bulwark:layer:digest", value: digest.description))
            }
            if let diffID = layer.diffID {
                properties.append(.init(name: "bulwark:layer:diff-id", value: diffID.description))
            }
        }
        let licenses = Self.licenseChoices(DeclaredLicenses(package.licenses))
        return CycloneDX.Component(
            type: "library",
            bomRef: bomRef,
            supplier: package.vendor.flatMap { $0.isEmpty ? nil : CycloneDX.OrganizationalEntity(name: $0) },
            publisher: package.maintainer.flatMap { $0.isEmpty ? nil : $0 },
            name: package.name,
            version: package.version,
            licenses: licenses.isEmpty ? nil : licenses,
            purl: package.purl.description,
            properties: properties)
    }

    /// The `licenses` array for declared licenses.
    ///
    /// A single listed license becomes `{"license":{"id"}}`. When every statement maps to listed
    /// licenses and one of them is compound, all become one `{"expression"}` (joined with `AND`). When
    /// some statement does not map cleanly, each statement is its own license: by id when it is one
    /// listed license, otherwise by name with the text as declared — CycloneDX has no `LicenseRef`
    /// declarations, and an expression may not be mixed with other entries.
    static func licenseChoices(_ declared: DeclaredLicenses) -> [CycloneDX.LicenseChoice] {
        let entries = declared.entries
        guard !entries.isEmpty else { return [] }
        func simpleID(_ expression: LicenseExpression) -> String? {
            if case .license(let id) = expression { return id }
            return nil
        }
        if entries.allSatisfy({ simpleID($0.expression) != nil }) {
            return entries.compactMap { simpleID($0.expression) }.map(CycloneDX.LicenseChoice.id)
        }
        if entries.allSatisfy(\.expression.isFullyKnown), let combined = declared.combined {
            return [.expression(combined.rendered { $0 })]
        }
        return entries.map { entry in simpleID(entry.expression).map(CycloneDX.LicenseChoice.id) ?? .name(entry.text) }
    }
}
