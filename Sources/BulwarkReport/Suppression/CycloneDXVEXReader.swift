import BulwarkCore
import Foundation

/// Reads CycloneDX VEX (spec 1.4–1.6): `vulnerabilities[].analysis.state` applied to the
/// `affects[].ref` components, resolved through the BOM's `bom-ref`s and purls.
///
/// States map as: `not_affected` and `false_positive` → not_affected, `resolved` and
/// `resolved_with_pedigree` → fixed, `exploitable` → affected, `in_triage` → under_investigation.
/// A vulnerability without an analysis state says nothing and is skipped.
public enum CycloneDXVEXReader {
    /// Whether a parsed JSON object is a CycloneDX document.
    public static func recognizes(_ object: [String: Any]) -> Bool {
        (object["bomFormat"] as? String) == "CycloneDX"
    }

    /// The statements of a parsed CycloneDX document; `document` names it in errors.
    public static func statements(of object: [String: Any], document: String) throws -> [VEXStatement] {
        let json = VEXJSON(document: document)
        var purlsByReference: [String: String] = [:]
        var stack: [Any] = []
        if let metadata = object["metadata"] as? [String: Any], let component = metadata["component"] { stack.append(component) }
        stack.append(contentsOf: object["components"] as? [Any] ?? [])
        var visited = 0
        while let next = stack.popLast() {
            visited += 1
            guard visited <= 1_000_000 else { throw json.error("components", "more than a million components") }
            guard let component = next as? [String: Any] else { continue }
            if let reference = component["bom-ref"] as? String, let purl = component["purl"] as? String {
                purlsByReference[reference] = purl
            }
            stack.append(contentsOf: component["components"] as? [Any] ?? [])
        }
        var result: [VEXStatement] = []
        for (index, item) in try json.optionalArray(object["vulnerabilities"], "vulnerabilities").enumerated() {
            let pointer = "vulnerabilities[\(index)]"
            let vulnerability = try json.object(item, pointer)
            let id = try json.string(vulnerability["id"], pointer + ".id")
            guard let analysis = vulnerability["analysis"] as? [String: Any],
                let state = try json.optionalString(analysis["state"], pointer + ".analysis.state")
            else { continue }
            guard let status = Self.status(for: state) else {
                throw json.error(pointer + ".analysis.state", "'\(state)' is not a CycloneDX analysis state")
            }
            var products: [VEXProduct] = []
            for (affectIndex, affect) in try json.array(vulnerability["affects"], pointer + ".affects").enumerated() {
                let refPointer = "\(pointer).affects[\(affectIndex)].ref"
                let reference = try json.string(try json.object(affect, "\(pointer).affects[\(affectIndex)]")["ref"], refPointer)
                products.append(try resolve(reference, purlsByReference, refPointer, json))
            }
            var aliases: [String] = []
            for reference in vulnerability["references"] as? [Any] ?? [] {
                if let alias = (reference as? [String: Any])?["id"] as? String, alias != id { aliases.append(alias) }
            }
            var justification = try json.optionalString(analysis["justification"], pointer + ".analysis.justification")
            if state == "false_positive" && justification == nil { justification = "false_positive" }
            result.append(
                VEXStatement(
                    vulnerability: id, aliases: aliases, products: products, status: status, justification: justification,
                    impactStatement: try json.optionalString(analysis["detail"], pointer + ".analysis.detail"),
                    timestamp: try json.optionalString(analysis["lastUpdated"] ?? vulnerability["updated"], pointer + ".analysis.lastUpdated"),
                    source: VEXSource(document: document, format: .cycloneDX, pointer: pointer)))
        }
        return result
    }

    /// The shared status for a CycloneDX analysis state.
    public static func status(for state: String) -> VEXStatus? {
        switch state {
        case "not_affected", "false_positive": return .notAffected
        case "resolved", "resolved_with_pedigree": return .fixed
        case "exploitable": return .affected
        case "in_triage": return .underInvestigation
        default: return nil
        }
    }

    /// A ref is a bom-ref of this BOM, a BOM-Link (`urn:cdx:…#bom-ref`) or a purl itself.
    private static func resolve(_ reference: String, _ purls: [String: String], _ pointer: String, _ json: VEXJSON) throws -> VEXProduct {
        if let purl = purls[reference] { return VEXProduct(identifier: reference, purl: PackageURL(parsing: purl)) }
        if reference.hasPrefix("urn:cdx:"), let hash = reference.firstIndex(of: "#") {
            let fragment = String(reference[reference.index(after: hash)...]).removingPercentEncoding ?? ""
            if let purl = purls[fragment] { return VEXProduct(identifier: reference, purl: PackageURL(parsing: purl)) }
            if let purl = PackageURL(parsing: fragment) { return VEXProduct(identifier: reference, purl: purl) }
            // A BOM-Link into another BOM: keep it, it is reported as unmatched with the reason.
            return VEXProduct(identifier: reference, purl: nil)
        }
        if let purl = PackageURL(parsing: reference) { return VEXProduct(identifier: reference, purl: purl) }
        throw json.error(pointer, "'\(reference)' names no component of this BOM (no bom-ref or purl matches)")
    }
}
