import Foundation

/// Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}` as Docker does for
/// ARG and ENV values; unknown variables expand to "" (word forms) and stay literal nowhere else.
public struct VariableExpander: Sendable {
    /// Known variables.
    public var variables: [String: String]

    /// Creates an expander over `variables`.
    public init(variables: [String: String] = [:]) { self.variables = variables }

    /// The text with variables replaced. Never recurses, so it is linear in the input.
    public func expand(_ text: String, escape: Character = "\\") -> String {
        guard text.contains("$") else { return text }
        var output = ""
        output.reserveCapacity(text.count)
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == escape, index + 1 < characters.count, characters[index + 1] == "$" {
                output.append("$")
                index += 2
                continue
            }
            guard character == "$", index + 1 < characters.count else {
                output.append(character)
                index += 1
                continue
            }
            if characters[index + 1] == "{" {
                guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                    output.append(contentsOf: characters[index...])
                    break
                }
                let body = String(characters[(index + 2)..<close])
                output += resolve(braced: body)
                index = close + 1
            } else {
                var end = index + 1
                while end < characters.count, characters[end] == "_" || characters[end].isLetter || characters[end].isNumber {
                    end += 1
                }
                if end == index + 1 {
                    output.append("$")
                    index += 1
                    continue
                }
                output += variables[String(characters[(index + 1)..<end])] ?? ""
                index = end
            }
        }
        return output
    }

    private func resolve(braced body: String) -> String {
        if let range = body.range(of: ":-") {
            let value = variables[String(body[..<range.lowerBound])] ?? ""
            return value.isEmpty ? String(body[range.upperBound...]) : value
        }
        if let range = body.range(of: ":+") {
            let value = variables[String(body[..<range.lowerBound])] ?? ""
            return value.isEmpty ? "" : String(body[range.upperBound...])
        }
        return variables[body] ?? ""
    }
}
