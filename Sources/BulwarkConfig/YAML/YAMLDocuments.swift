import BulwarkCore
import Foundation
import Yams

/// Loads a YAML stream into node trees after the ``YAMLGuard`` checks, turning every failure into a
/// rejection that names a line.
enum YAMLDocuments {
    /// The documents of `text` (empty documents dropped).
    static func load(_ text: String) throws(YAMLGuard.Rejection) -> [Node] {
        try YAMLGuard.precheck(text)
        var documents: [Node] = []
        do {
            var sequence = try Yams.compose_all(yaml: text)
            while let node = sequence.next() {
                try YAMLGuard.checkExpansion(node)
                documents.append(node)
            }
            if let error = sequence.error { throw error }
        } catch let rejection as YAMLGuard.Rejection {
            throw rejection
        } catch let error as YamlError {
            throw YAMLGuard.Rejection(line: Self.line(of: error), message: Self.summary(of: error))
        } catch {
            throw YAMLGuard.Rejection(line: 1, message: "invalid YAML: \(error)")
        }
        return documents
    }

    /// The 1-based line a Yams error points at.
    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return 1
        }
    }

    /// A one-line description of a Yams error.
    static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return "invalid YAML: " + [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "invalid YAML: duplicated mapping keys \(duplicates.joined(separator: ", "))"
        default:
            let first = String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable"
            return "invalid YAML: " + first
        }
    }
}
