import BulwarkCore
import Foundation

/// Reads Bulwark's own JSON SBOM (the `json` format, `schemaVersion` 1) back into an ``Inventory``.
///
/// Rendering an inventory as `json` and reading it back gives an equal inventory (with packages in
/// writer order), so a saved SBOM can be scanned later without the image.
public enum JSONInventoryReader {
    /// The largest document accepted, in bytes.
    public static let maxDocumentSize = 512 * 1024 * 1024

    /// Decodes `bytes`; throws `invalidInput` for malformed documents and `unsupported` for other
    /// schema versions.
    public static func read(_ bytes: [UInt8]) throws(BulwarkError) -> Inventory {
        guard bytes.count <= maxDocumentSize else {
            throw BulwarkError(.limitExceeded, "Bulwark JSON document: larger than \(maxDocumentSize) bytes")
        }
        let data = Data(bytes)
        let decoder = JSONDecoder()
        let version: SchemaProbe
        do {
            version = try decoder.decode(SchemaProbe.self, from: data)
        } catch {
            throw BulwarkError.invalid("Bulwark JSON document", "not a Bulwark JSON SBOM (no schemaVersion): \(error)")
        }
        let supported = JSONInventoryDocument.currentSchemaVersion
        guard version.schemaVersion == supported else {
            throw BulwarkError(
                .unsupported,
                "Bulwark JSON document: schemaVersion \(version.schemaVersion) is not supported"
                    + " (expected \(supported))",
                hint: "Use a Bulwark release that writes schemaVersion \(version.schemaVersion).")
        }
        let document: JSONInventoryDocument
        do {
            document = try decoder.decode(JSONInventoryDocument.self, from: data)
        } catch {
            throw BulwarkError.invalid("Bulwark JSON document", "\(error)")
        }
        guard let kind = TargetKind(rawValue: document.target.kind) else {
            throw BulwarkError.invalid(
                "Bulwark JSON document", "unknown target kind '\(document.target.kind.prefix(40))'")
        }
        return Inventory(
            target: ScanTarget(kind: kind, name: document.target.name),
            image: document.image?.model,
            operatingSystem: document.operatingSystem?.model,
            packages: document.packages.map(\.model),
            warnings: document.warnings)
    }

    private struct SchemaProbe: Decodable {
        var schemaVersion: Int
    }
}
