/// A parsed `WWW-Authenticate` challenge (RFC 7235): the scheme and its parameters.
///
/// Registries answer `Bearer realm="https://auth.example/token",service="registry",scope="repository:x:pull"`
/// (the token flow of the distribution spec) or `Basic realm="…"`.
public struct AuthChallenge: Sendable, Hashable {
    /// `bearer` or `basic`, lower-cased.
    public var scheme: String
    /// Parameters with lower-cased names (`realm`, `service`, `scope`, `error`).
    public var parameters: [String: String]

    /// Parses the first challenge in a header value; nil when there is none.
    public init?(header: String) {
        var scanner = Substring(header).drop(while: { $0 == " " })
        let scheme = scanner.prefix(while: { $0 != " " && $0 != "," })
        guard !scheme.isEmpty else { return nil }
        self.scheme = scheme.lowercased()
        scanner = scanner.dropFirst(scheme.count)
        var parameters: [String: String] = [:]
        while true {
            scanner = scanner.drop(while: { $0 == " " || $0 == "," })
            guard let equals = scanner.firstIndex(of: "=") else { break }
            let name = scanner[..<equals].trimmingCharacters(in: " ").lowercased()
            scanner = scanner[scanner.index(after: equals)...]
            var value = ""
            if scanner.first == "\"" {
                scanner = scanner.dropFirst()
                var escaped = false
                var consumed = 0
                for character in scanner {
                    consumed += 1
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
                scanner = scanner.dropFirst(consumed)
            } else {
                let raw = scanner.prefix(while: { $0 != "," })
                value = raw.trimmingCharacters(in: " ")
                scanner = scanner.dropFirst(raw.count)
            }
            if !name.isEmpty { parameters[name] = value }
        }
        self.parameters = parameters
    }

    /// The token endpoint of a bearer challenge.
    public var realm: String? { parameters["realm"] }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
