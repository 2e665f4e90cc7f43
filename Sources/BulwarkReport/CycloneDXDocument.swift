import BulwarkCore

/// The subset of the CycloneDX 1.6 JSON model (https://cyclonedx.org/docs/1.6/json/) Bulwark writes.
///
/// Optional members are omitted when nil, as the schema forbids `null` for them.
enum CycloneDX {
    /// The root `bom` object.
    struct BOM: Encodable, Sendable {
        var schema = "http://cyclonedx.org/schema/bom-1.6.schema.json"
        var bomFormat = "CycloneDX"
        var specVersion = "1.6"
        var serialNumber: String
        var version = 1
        var metadata: Metadata
        var components: ComponentList
        var dependencies: [Dependency]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case bomFormat, specVersion, serialNumber, version, metadata, components, dependencies
        }
    }

    /// `components`: a few built up front (the operating system) and one per package, each built
    /// only while it is encoded, so a large BOM never holds every component at once.
    struct ComponentList: Encodable, Sendable {
        var leading: [Component]
        var packages: [(package: Package, bomRef: String)]
        var makeComponent: @Sendable (Package, String) -> Component

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for component in leading { try container.encode(component) }
            for entry in packages { try container.encode(makeComponent(entry.package, entry.bomRef)) }
        }
    }

    /// `metadata`: when, by what, and about what the BOM was made.
    struct Metadata: Encodable, Sendable {
        var timestamp: String
        var tools: Tools
        var component: Component
    }

    /// `metadata.tools` in the 1.5+ object form.
    struct Tools: Encodable, Sendable {
        var components: [Component]
    }

    /// A `component`.
    struct Component: Encodable, Sendable {
        var type: String
        var bomRef: String?
        var supplier: OrganizationalEntity?
        var publisher: String?
        var name: String
        var version: String?
        var description: String?
        var licenses: [LicenseChoice]?
        var purl: String?
        var properties: [Property]?

        enum CodingKeys: String, CodingKey {
            case type
            case bomRef = "bom-ref"
            case supplier, publisher, name, version, description, licenses, purl, properties
        }
    }

    /// An `organizationalEntity` (only its name).
    struct OrganizationalEntity: Encodable, Sendable {
        var name: String
    }

    /// One item of a `licenseChoice` array: either a license (by SPDX id or by name) or, alone in its
    /// array, an SPDX license expression.
    enum LicenseChoice: Encodable, Sendable, Hashable {
        /// `{"license": {"id": …}}`: an id on the SPDX License List.
        case id(String)
        /// `{"license": {"name": …}}`: a license SPDX has no id for.
        case name(String)
        /// `{"expression": …}`: a valid SPDX license expression.
        case expression(String)

        private enum Keys: String, CodingKey { case license, expression, id, name }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case .id(let id):
                var license = container.nestedContainer(keyedBy: Keys.self, forKey: .license)
                try license.encode(id, forKey: .id)
            case .name(let name):
                var license = container.nestedContainer(keyedBy: Keys.self, forKey: .license)
                try license.encode(name, forKey: .name)
            case .expression(let expression):
                try container.encode(expression, forKey: .expression)
            }
        }
    }

    /// A `property`: a name-value pair, Bulwark's names prefixed `bulwark:`.
    struct Property: Encodable, Sendable {
        var name: String
        var value: String
    }

    /// A `dependency`: what `ref` directly depends on.
    struct Dependency: Encodable, Sendable {
        var ref: String
        var dependsOn: [String]
    }
}
