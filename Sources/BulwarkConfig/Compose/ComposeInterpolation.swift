import Foundation

/// Compose's variable interpolation (`${VAR}`, `$VAR`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:?error}`, `${VAR:+alternate}`, `$$`), applied to every scalar value — not to keys — before
/// the checks, with the variables of the project's `.env` file.
///
/// A scan cannot know the deploying shell's environment, so a variable that neither `.env` nor a
/// default sets stays as written: checks treat such values as unknown instead of guessing (a port
/// published on `${BIND}:5432` is not reported as all interfaces; `${BIND:-127.0.0.1}:5432` is read as
/// loopback).
public enum ComposeInterpolation {
    /// Interpolates every scalar of `value`.
    public static func apply(to value: ComposeValue, variables: [String: String]) -> ComposeValue {
        apply(value, variables, depth: 0)
    }

    private static func apply(_ value: ComposeValue, _ variables: [String: String], depth: Int) -> ComposeValue {
        guard depth < 256 else { return value }
        switch value.content {
        case .null:
            return value
        case .scalar(let text):
            guard text.contains("$") else { return value }
            return ComposeValue(.scalar(interpolate(text, variables: variables)), origin: value.origin)
        case .sequence(let items):
            return ComposeValue(.sequence(items.map { apply($0, variables, depth: depth + 1) }), origin: value.origin)
        case .mapping(let entries):
            return ComposeValue(
                .mapping(entries.map { ComposeEntry(key: $0.key, origin: $0.origin, value: apply($0.value, variables, depth: depth + 1)) }),
                origin: value.origin)
        }
    }

    /// `text` with the variables that can be resolved replaced; unresolvable references are kept verbatim.
    public static func interpolate(_ text: String, variables: [String: String], depth: Int = 0) -> String {
        guard depth < 8 else { return text }
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "$", index + 1 < characters.count else {
                output.append(character)
                index += 1
                continue
            }
            let next = characters[index + 1]
            if next == "$" {
                output.append("$")
                index += 2
            } else if next == "{" {
                // Find the matching brace (defaults may nest `${…}`).
                var level = 0
                var end = index + 1
                while end < characters.count {
                    if characters[end] == "{" { level += 1 }
                    if characters[end] == "}" {
                        level -= 1
                        if level == 0 { break }
                    }
                    end += 1
                }
                guard end < characters.count else {
                    output += String(characters[index...])
                    break
                }
                let body = String(characters[(index + 2)..<end])
                output += resolve(body, variables: variables, depth: depth) ?? String(characters[index...end])
                index = end + 1
            } else if next == "_" || next.isLetter {
                var end = index + 1
                while end < characters.count, characters[end] == "_" || characters[end].isLetter || characters[end].isNumber { end += 1 }
                let name = String(characters[(index + 1)..<end])
                output += variables[name] ?? String(characters[index..<end])
                index = end
            } else {
                output.append(character)
                index += 1
            }
        }
        return output
    }

    /// The value of one `${…}` body, or nil when it cannot be resolved.
    private static func resolve(_ body: String, variables: [String: String], depth: Int) -> String? {
        let name = String(body.prefix { $0 == "_" || $0.isLetter || $0.isNumber })
        guard !name.isEmpty else { return nil }
        let rest = body.dropFirst(name.count)
        let value = variables[name]
        if rest.isEmpty { return value }
        for (marker, needsNonEmpty) in [(":-", true), ("-", false)] where rest.hasPrefix(marker) {
            let fallback = String(rest.dropFirst(marker.count))
            if let value, !(needsNonEmpty && value.isEmpty) { return value }
            return interpolate(fallback, variables: variables, depth: depth + 1)
        }
        for (marker, needsNonEmpty) in [(":+", true), ("+", false)] where rest.hasPrefix(marker) {
            let alternate = String(rest.dropFirst(marker.count))
            guard let value, !(needsNonEmpty && value.isEmpty) else { return "" }
            return interpolate(alternate, variables: variables, depth: depth + 1)
        }
        // `:?` / `?`: required — known only when set.
        if rest.hasPrefix(":?") || rest.hasPrefix("?") { return value.flatMap { $0.isEmpty && rest.hasPrefix(":?") ? nil : $0 } }
        return nil
    }

    /// The variables of a `.env` file: `KEY=VALUE` lines (optionally `export KEY=…`), `#` comments, values
    /// unquoted; at most 1 MiB read.
    public static func environmentFile(at path: String) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20 else { return [:] }
        var variables: [String: String] = [:]
        for rawLine in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            if !key.isEmpty { variables[key] = value }
        }
        return variables
    }
}
