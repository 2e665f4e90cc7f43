/// The SBOM output formats of `bulwark sbom TARGET --format …`.
///
/// Every case is rendered by ``SBOMRenderer/render(_:as:options:)``, whose single exhaustive `switch`
/// makes a new case a compile error until a writer is wired for it.
public enum SBOMFormat: String, CaseIterable, Sendable {
    /// An aligned table for people, grouped by package type.
    case table
    /// Bulwark's own stable JSON document (`schemaVersion` 1, documented in docs/json-format.md).
    case json
    /// CycloneDX 1.6 JSON.
    case cyclonedx
    /// SPDX 2.3 JSON.
    case spdxJSON = "spdx-json"

    /// One line describing the format, for `--help`.
    public var summary: String {
        switch self {
        case .table: return "Aligned table for people, grouped by package type"
        case .json: return "Bulwark's own JSON inventory (schemaVersion 1, every field kept)"
        case .cyclonedx: return "CycloneDX 1.6 JSON SBOM"
        case .spdxJSON: return "SPDX 2.3 JSON SBOM"
        }
    }
}
