import BulwarkCore
import Foundation

/// Reads OpenVEX documents (v0.2.0, and the v0.0.x shape with string vulnerabilities and products).
public enum OpenVEXReader {
    /// Whether a parsed JSON object is an OpenVEX document (its `@context` names openvex).
    public static func recognizes(_ object: [String: Any]) -> Bool {
        (object["@context"] as? String)?.contains("openvex") == true
    }

    /// The statements of a parsed OpenVEX document; `document` names it in errors.
    public static func statements(of object: [String: Any], document: String) throws -> [VEXStatement] {
        let json = VEXJSON(document: document)
        let documentTimestamp = try json.optionalString(object["timestamp"], "timestamp")
        var result: [VEXStatement] = []
        for (index, item) in try json.array(object["statements"], "statements").enumerated() {
            let pointer = "statements[\(index)]"
            let statement = try json.object(item, pointer)
            let (name, aliases) = try vulnerability(statement["vulnerability"], pointer + ".vulnerability", json)
            let statusText = try json.string(statement["status"], pointer + ".status")
            guard let status = VEXStatus(rawValue: statusText) else {
                throw json.error(pointer + ".status", "'\(statusText)' is not an OpenVEX status (not_affected, affected, fixed, under_investigation)")
            }
            var packages: [VEXProduct] = []
            var images: [VEXProduct] = []
            for (productIndex, entry) in try json.array(statement["products"], pointer + ".products").enumerated() {
                let productPointer = "\(pointer).products[\(productIndex)]"
                let product = try self.product(entry, productPointer, json)
                let subcomponents = (entry as? [String: Any])?["subcomponents"]
                let parts = try json.optionalArray(subcomponents, productPointer + ".subcomponents")
                if parts.isEmpty {
                    packages.append(product)
                } else {
                    images.append(product)
                    for (partIndex, part) in parts.enumerated() {
                        packages.append(try self.product(part, "\(productPointer).subcomponents[\(partIndex)]", json))
                    }
                }
            }
            result.append(
                VEXStatement(
                    vulnerability: name, aliases: aliases, products: packages, images: images, status: status,
                    justification: try json.optionalString(statement["justification"], pointer + ".justification"),
                    impactStatement: try json.optionalString(statement["impact_statement"], pointer + ".impact_statement")
                        ?? json.optionalString(statement["status_notes"], pointer + ".status_notes"),
                    timestamp: try json.optionalString(statement["timestamp"], pointer + ".timestamp") ?? documentTimestamp,
                    source: VEXSource(document: document, format: .openVEX, pointer: pointer)))
        }
        return result
    }

    private static func vulnerability(_ value: Any?, _ pointer: String, _ json: VEXJSON) throws -> (String, [String]) {
        if let text = value as? String, !text.isEmpty { return (text, []) }
        let object = try json.object(value, pointer)
        let name = try json.string(object["name"] ?? object["@id"], pointer + ".name")
        let aliases = try json.optionalArray(object["aliases"], pointer + ".aliases").compactMap { $0 as? String }
        return (name, aliases)
    }

    private static func product(_ value: Any?, _ pointer: String, _ json: VEXJSON) throws -> VEXProduct {
        if let text = value as? String, !text.isEmpty { return VEXProduct(identifier: text, purl: PackageURL(parsing: text)) }
        let object = try json.object(value, pointer)
        let identifiers = object["identifiers"] as? [String: Any]
        let purlText = identifiers?["purl"] as? String
        let id = try json.optionalString(object["@id"], pointer + ".@id") ?? purlText
        guard let id else { throw json.error(pointer, "a product needs an @id or identifiers.purl") }
        return VEXProduct(identifier: id, purl: purlText.flatMap(PackageURL.init(parsing:)) ?? PackageURL(parsing: id))
    }
}
