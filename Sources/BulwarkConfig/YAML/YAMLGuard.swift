import BulwarkCore
import Foundation
import Yams

/// Protects the YAML parser from hostile documents: libyaml itself has no nesting limit (Yams recurses
/// per level) and Yams shares aliased nodes, so a "billion laughs" document is small in memory but
/// exponential to walk. Checks run on the raw bytes before parsing and on the node tree after.
public enum YAMLGuard {
    /// Deepest nesting (indentation levels plus open flow brackets) accepted before parsing.
    public static let maximumNesting = 256
    /// Most aliases (`*name`) in one file.
    public static let maximumAliases = 10_000
    /// Most nodes a document may expand to when aliases are followed.
    public static let maximumExpandedNodes = 2_000_000

    /// A rejected document: the line where the problem shows, and what it is.
    public struct Rejection: Error, Sendable, Equatable {
        /// 1-based line.
        public var line: Int
        /// What is wrong.
        public var message: String
    }

    /// Checks the raw text; throws a ``Rejection`` naming the first offending line.
    public static func precheck(_ text: String) throws(Rejection) {
        var aliases = 0
        var flowDepth = 0
        var line = 1
        var lineStart = true
        var indent = 0
        var quote: UInt8 = 0
        var inComment = false
        var previous: UInt8 = 10
        for byte in text.utf8 {
            if byte == 10 {
                line += 1
                lineStart = true
                indent = 0
                inComment = false
                if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") {
                    // Quoted scalars may span lines; keep the state.
                }
                previous = byte
                continue
            }
            if inComment { continue }
            if lineStart {
                if byte == 32 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") {
                    indent += 1
                    if indent / 2 + flowDepth > maximumNesting * 2 {
                        throw Rejection(line: line, message: "YAML nesting deeper than \(maximumNesting) levels")
                    }
                    previous = byte
                    continue
                }
                lineStart = false
            }
            if quote != 0 {
                if byte == quote { quote = 0 }
                previous = byte
                continue
            }
            switch byte {
            case UInt8(ascii: "#") where previous == 32 || previous == 9 || previous == 10:
                inComment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if previous == 32 || previous == 10 || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "[")
                    || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "-")
                {
                    quote = byte
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth > maximumNesting {
                    throw Rejection(line: line, message: "YAML flow nesting deeper than \(maximumNesting) levels")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: "*") where previous == 32 || previous == 10 || previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "-"):
                aliases += 1
                if aliases > maximumAliases {
                    throw Rejection(line: line, message: "more than \(maximumAliases) YAML aliases")
                }
            default: break
            }
            previous = byte
        }
    }

    /// Counts the nodes of `node` as if aliases were expanded, stopping at ``maximumExpandedNodes``;
    /// throws when the document expands beyond it (an alias bomb).
    public static func checkExpansion(_ node: Node) throws(Rejection) {
        var budget = maximumExpandedNodes
        var stack: [Node] = [node]
        while let current = stack.popLast() {
            budget -= 1
            if budget < 0 {
                throw Rejection(line: current.mark?.line ?? 1, message: "YAML aliases expand to more than \(maximumExpandedNodes) nodes (alias bomb)")
            }
            switch current {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            default: break
            }
        }
    }
}
