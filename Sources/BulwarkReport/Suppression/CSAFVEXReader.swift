import BulwarkCore
import Foundation

/// Reads CSAF 2.0 VEX documents: products from `product_tree` (branches, full_product_names and
/// relationships, purls from `product_identification_helper.purl`), statuses from
/// `vulnerabilities[].product_status`, justifications from `flags` labels and impact text from
/// `threats` of category `impact`.
///
/// `known_not_affected` → not_affected; `fixed` and `first_fixed` → fixed; `known_affected`,
/// `first_affected` and `last_affected` → affected; `under_investigation` → under_investigation.
/// A relationship product (`X default_component_of Y`) stands for component X's purl.
public enum CSAFVEXReader {
    /// Whether a parsed JSON object is a CSAF document.
    public static func recognizes(_ object: [String: Any]) -> Bool {
        ((object["document"] as? [String: Any])?["csaf_version"] as? String) != nil
    }

    /// The statements of a parsed CSAF document, one per vulnerability, status and product.
    public static func statements(of object: [String: Any], document: String) throws -> [VEXStatement] {
        let json = VEXJSON(document: document)
        let products = try productIndex(object["product_tree"], json)
        var groups: [String: [String]] = [:]
        if let tree = object["product_tree"] as? [String: Any] {
            for group in tree["product_groups"] as? [Any] ?? [] {
                guard let group = group as? [String: Any], let id = group["group_id"] as? String else { continue }
                groups[id] = (group["product_ids"] as? [Any] ?? []).compactMap { $0 as? String }
            }
        }
        let trackingDate = ((object["document"] as? [String: Any])?["tracking"] as? [String: Any])?["current_release_date"] as? String
        let statusKeys: [(String, VEXStatus)] = [
            ("known_not_affected", .notAffected), ("fixed", .fixed), ("first_fixed", .fixed), ("known_affected", .affected),
            ("first_affected", .affected), ("last_affected", .affected), ("under_investigation", .underInvestigation),
        ]
        var result: [VEXStatement] = []
        for (index, item) in try json.optionalArray(object["vulnerabilities"], "vulnerabilities").enumerated() {
            let pointer = "vulnerabilities[\(index)]"
            let vulnerability = try json.object(item, pointer)
            var ids: [String] = []
            if let cve = try json.optionalString(vulnerability["cve"], pointer + ".cve") { ids.append(cve) }
            for entry in vulnerability["ids"] as? [Any] ?? [] {
                if let text = (entry as? [String: Any])?["text"] as? String, !text.isEmpty, !ids.contains(text) { ids.append(text) }
            }
            guard let name = ids.first else { throw json.error(pointer, "a vulnerability needs 'cve' or 'ids'") }
            let justifications = try labels(vulnerability["flags"], key: "label", pointer + ".flags", groups, json)
            let impacts = try labels(
                (vulnerability["threats"] as? [Any])?.filter { ($0 as? [String: Any])?["category"] as? String == "impact" },
                key: "details", pointer + ".threats", groups, json)
            guard let status = vulnerability["product_status"] as? [String: Any] else { continue }
            for (key, vexStatus) in statusKeys {
                let listPointer = "\(pointer).product_status.\(key)"
                for (productIndex, value) in try json.optionalArray(status[key], listPointer).enumerated() {
                    let productPointer = "\(listPointer)[\(productIndex)]"
                    let id = try json.string(value, productPointer)
                    guard let product = products[id] else {
                        throw json.error(productPointer, "unknown product id '\(id)': product_tree does not define it")
                    }
                    result.append(
                        VEXStatement(
                            vulnerability: name, aliases: Array(ids.dropFirst()), products: [product], status: vexStatus,
                            justification: justifications[id], impactStatement: impacts[id], timestamp: trackingDate,
                            source: VEXSource(document: document, format: .csaf, pointer: productPointer)))
                }
            }
        }
        return result
    }

    /// product_id → product (with purl when the tree gives one).
    private static func productIndex(_ value: Any?, _ json: VEXJSON) throws -> [String: VEXProduct] {
        guard let value else { throw json.error("product_tree", "missing: a VEX document needs a product tree") }
        let tree = try json.object(value, "product_tree")
        var index: [String: VEXProduct] = [:]
        func add(_ product: Any?) {
            guard let product = product as? [String: Any], let id = product["product_id"] as? String else { return }
            let helper = product["product_identification_helper"] as? [String: Any]
            let purlText = helper?["purl"] as? String ?? (helper?["purls"] as? [Any])?.first as? String
            index[id] = VEXProduct(identifier: id, purl: purlText.flatMap(PackageURL.init(parsing:)))
        }
        for product in tree["full_product_names"] as? [Any] ?? [] { add(product) }
        var stack: [Any] = tree["branches"] as? [Any] ?? []
        var visited = 0
        while let next = stack.popLast() {
            visited += 1
            guard visited <= 1_000_000 else { throw json.error("product_tree.branches", "more than a million branches") }
            guard let branch = next as? [String: Any] else { continue }
            add(branch["product"])
            stack.append(contentsOf: branch["branches"] as? [Any] ?? [])
        }
        for relationship in tree["relationships"] as? [Any] ?? [] {
            guard let relationship = relationship as? [String: Any],
                let full = relationship["full_product_name"] as? [String: Any], let id = full["product_id"] as? String
            else { continue }
            let component = (relationship["product_reference"] as? String).flatMap { index[$0] }
            index[id] = VEXProduct(identifier: id, purl: component?.purl)
        }
        return index
    }

    /// product_id → the `key` text of the flag/threat naming it (directly or through a group).
    private static func labels(_ value: Any?, key: String, _ pointer: String, _ groups: [String: [String]], _ json: VEXJSON) throws
        -> [String: String]
    {
        var result: [String: String] = [:]
        for (index, item) in try json.optionalArray(value, pointer).enumerated() {
            let object = try json.object(item, "\(pointer)[\(index)]")
            guard let text = object[key] as? String else { continue }
            var ids = (object["product_ids"] as? [Any] ?? []).compactMap { $0 as? String }
            for group in (object["group_ids"] as? [Any] ?? []).compactMap({ $0 as? String }) { ids += groups[group] ?? [] }
            for id in ids where result[id] == nil { result[id] = text }
        }
        return result
    }
}
