import BulwarkCore
import Foundation
import Yams

/// Parses JSON and YAML lockfiles defensively: size and nesting are checked before the recursive
/// parsers see the bytes, and every failure is a warning `"<path>: <problem>"`, never a throw.
public enum StructuredInput {
    /// The largest lockfile parsed (bigger ones are reported and skipped).
    public static let maxBytes = 64 << 20

    /// A parsed document or the warning explaining why there is none.
    public enum Outcome<Value> {
        case parsed(Value)
        case failed(String)
    }

    /// The top-level JSON value of `bytes`; a warning names `path` when it is unreadable.
    public static func json(_ bytes: [UInt8], path: String) -> Outcome<Any> {
        guard bytes.count <= maxBytes else { return .failed("\(path): \(bytes.count) bytes is larger than the \(maxBytes)-byte limit") }
        guard NestingCheck.bracketDepth(bytes) <= NestingCheck.maxBracketDepth else {
            return .failed("\(path): JSON nested deeper than \(NestingCheck.maxBracketDepth) levels")
        }
        var data = Data(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { data = Data(bytes.dropFirst(3)) }
        do {
            return .parsed(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        } catch {
            return .failed("\(path): not valid JSON")
        }
    }

    /// The top-level JSON object of `bytes`; a warning when it is unreadable or not an object.
    public static func jsonObject(_ bytes: [UInt8], path: String) -> Outcome<[String: Any]> {
        switch json(bytes, path: path) {
        case .failed(let warning): return .failed(warning)
        case .parsed(let value):
            guard let object = value as? [String: Any] else { return .failed("\(path): expected a JSON object at the top level") }
            return .parsed(object)
        }
    }

    /// The root YAML node of `bytes`; a warning names `path` (and the line, when known) when unreadable.
    public static func yaml(_ bytes: [UInt8], path: String) -> Outcome<Node> {
        guard bytes.count <= maxBytes else { return .failed("\(path): \(bytes.count) bytes is larger than the \(maxBytes)-byte limit") }
        guard NestingCheck.bracketDepth(bytes) <= NestingCheck.maxBracketDepth,
            NestingCheck.deepestIndentation(bytes) <= NestingCheck.maxIndentation
        else { return .failed("\(path): YAML nested too deeply") }
        do {
            guard let node = try Yams.compose(yaml: TextDecoding.text(bytes)) else { return .failed("\(path): empty YAML document") }
            return .parsed(node)
        } catch let error as YamlError {
            return .failed("\(path):\(yamlLine(error)): not valid YAML")
        } catch {
            return .failed("\(path): not valid YAML")
        }
    }

    private static func yamlLine(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return String(mark.line)
        default:
            return "1"
        }
    }

    /// A JSON string member, when present and a string.
    public static func string(_ object: [String: Any], _ key: String) -> String? { object[key] as? String }
}
