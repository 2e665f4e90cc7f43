import BulwarkCore
import Foundation
import Yams

/// Parses `.bulwarkignore.yaml` text with Yams' node API, so every error names the file, the line
/// and the field: `.bulwarkignore.yaml:7: entry 2: field 'expires': '2025-13-01' is not a date (YYYY-MM-DD or RFC 3339)`.
public enum IgnoreFileParser {
    /// The fields an entry may have.
    public static let entryFields: Set<String> = ["id", "reason", "expires", "purl", "path", "image", "justification"]

    /// The justifications OpenVEX v0.2.0 defines.
    public static let openVEXJustifications: Set<String> = [
        "component_not_present", "vulnerable_code_not_present", "vulnerable_code_not_in_execute_path",
        "vulnerable_code_cannot_be_controlled_by_adversary", "inline_mitigations_already_exist",
    ]

    /// Parses `text`, naming `path` in errors.
    public static func parse(_ text: String, path: String) throws -> IgnoreFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error, path: path)
        } catch {
            throw BulwarkError.invalid(path, "not valid YAML")
        }
        guard let root else { return IgnoreFile(path: path, entries: []) }
        guard case .mapping(let top) = root else {
            throw problem(path, root, "the top level must be a mapping with an 'ignore' list")
        }
        var entries: [IgnoreEntry] = []
        for (keyNode, value) in top {
            let key = try scalar(keyNode, path: path, what: "top-level key")
            switch key {
            case "version":
                guard try scalar(value, path: path, what: "field 'version'") == "1" else {
                    throw problem(path, value, "field 'version': only version 1 exists")
                }
            case "ignore":
                if case .scalar(let empty) = value, empty.string.isEmpty || empty.string == "~" || empty.string == "null" { continue }
                guard case .sequence(let items) = value else {
                    throw problem(path, value, "field 'ignore' must be a list of entries")
                }
                for (index, item) in items.enumerated() {
                    entries.append(try entry(item, number: index + 1, path: path))
                }
            default:
                throw problem(path, keyNode, "unknown top-level field '\(key)' (expected 'version' and 'ignore')")
            }
        }
        return IgnoreFile(path: path, entries: entries)
    }

    private static func entry(_ node: Node, number: Int, path: String) throws -> IgnoreEntry {
        let label = "entry \(number)"
        guard case .mapping(let fields) = node else {
            throw problem(path, node, "\(label) must be a mapping with at least 'id' and 'reason'")
        }
        var id: String?
        var reason: String?
        var result = IgnoreEntry(id: "", reason: "", line: node.mark?.line ?? 0)
        var seen: Set<String> = []
        for (keyNode, value) in fields {
            let key = try scalar(keyNode, path: path, what: "\(label): field name")
            guard entryFields.contains(key) else {
                throw problem(path, keyNode, "\(label): unknown field '\(key)' (allowed: \(entryFields.sorted().joined(separator: ", ")))")
            }
            guard seen.insert(key).inserted else { throw problem(path, keyNode, "\(label): field '\(key)' appears twice") }
            let what = "\(label): field '\(key)'"
            switch key {
            case "id":
                id = try nonEmpty(value, path: path, what: what)
            case "reason":
                reason = try nonEmpty(value, path: path, what: what)
            case "expires":
                let text = try nonEmpty(value, path: path, what: what)
                guard let date = SuppressionDate.expiry(text) else {
                    throw problem(path, value, "\(what): '\(text)' is not a date (use YYYY-MM-DD or an RFC 3339 timestamp)")
                }
                result.expires = text
                result.expiresAt = date
            case "purl":
                for (item, text) in try list(value, path: path, what: what) {
                    guard let purl = PackageURL(parsing: text) else {
                        throw problem(path, item, "\(what): '\(text)' is not a package URL (pkg:type/namespace/name@version)")
                    }
                    result.purls.append(purl)
                }
            case "path":
                result.paths = try list(value, path: path, what: what).map(\.1)
            case "image":
                result.images = try list(value, path: path, what: what).map(\.1)
            case "justification":
                let text = try nonEmpty(value, path: path, what: what)
                guard openVEXJustifications.contains(text) else {
                    throw problem(path, value, "\(what): '\(text)' is not an OpenVEX justification (\(openVEXJustifications.sorted().joined(separator: ", ")))")
                }
                result.justification = text
            default:
                break
            }
        }
        guard let id else { throw problem(path, node, "\(label): missing required field 'id'") }
        guard let reason else { throw problem(path, node, "\(label) (\(id)): missing required field 'reason'") }
        result.id = id
        result.reason = reason
        return result
    }

    /// A scalar or a list of scalars, each non-empty, with its node for error positions.
    private static func list(_ node: Node, path: String, what: String) throws -> [(Node, String)] {
        if case .sequence(let items) = node {
            guard !items.isEmpty else { throw problem(path, node, "\(what): the list is empty") }
            return try items.map { ($0, try nonEmpty($0, path: path, what: what)) }
        }
        return [(node, try nonEmpty(node, path: path, what: what))]
    }

    private static func nonEmpty(_ node: Node, path: String, what: String) throws -> String {
        let text = try scalar(node, path: path, what: what).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw problem(path, node, "\(what) is empty") }
        return text
    }

    private static func scalar(_ node: Node, path: String, what: String) throws -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .mapping: throw problem(path, node, "\(what) must be a single value, not a mapping")
        case .sequence: throw problem(path, node, "\(what) must be a single value, not a list")
        case .alias: throw problem(path, node, "\(what): YAML aliases are not supported in ignore files")
        }
    }

    private static func problem(_ path: String, _ node: Node, _ message: String) -> BulwarkError {
        let line = node.mark.map { ":\($0.line)" } ?? ""
        return BulwarkError.invalid(path + line, message)
    }

    /// `path:line` and the problem of a Yams error.
    private static func describe(_ error: YamlError, path: String) -> BulwarkError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return BulwarkError.invalid("\(path):\(mark.line)", "invalid YAML (column \(mark.column)): \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return BulwarkError.invalid("\(path):\(context.mark.line)", "invalid YAML: key \(keys) appears twice in one mapping")
        case .reader(let problem, _, _, _):
            return BulwarkError.invalid(path, "invalid YAML: \(problem)")
        default:
            return BulwarkError.invalid(path, "invalid YAML")
        }
    }
}
