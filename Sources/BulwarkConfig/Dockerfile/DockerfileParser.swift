import BulwarkCore
import Foundation

/// Parses Dockerfile text into instructions and stages, keeping physical line numbers.
///
/// Handles the `# escape=` and `# syntax=` parser directives, line continuations (comment lines inside
/// a continuation are dropped, as BuildKit does), heredocs (`<<EOF`, `<<-EOF`, quoted delimiters),
/// JSON (exec) and shell forms, `--flag=value` options, ARG/ENV substitution in FROM, and multi-stage
/// builds. It never throws: unknown instructions and unterminated constructs become warnings.
public enum DockerfileParser {
    /// Instructions Docker knows; anything else is reported as a warning.
    public static let knownInstructions: Set<String> = [
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
        "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ]

    /// Parses `text`.
    public static func parse(_ text: String) -> Dockerfile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.last == "\r" ? line.dropLast() : line
        }
        var escape: Character = "\\"
        var syntax: String?
        var warnings: [Dockerfile.ParseWarning] = []
        var index = 0

        // Parser directives: only at the very top, before any instruction, blank line or plain comment.
        while index < lines.count, let directive = parseDirective(lines[index]) {
            switch directive.name {
            case "escape":
                if directive.value == "`" || directive.value == "\\" {
                    escape = Character(directive.value)
                } else {
                    warnings.append(.init(line: index + 1, message: "invalid escape directive '\(directive.value)' (use \\ or `)"))
                }
            case "syntax": syntax = directive.value
            default: break
            }
            index += 1
        }

        var instructions: [DockerInstruction] = []
        var stageIndex = -1
        while index < lines.count {
            let trimmed = lines[index].drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.first == "#" {
                index += 1
                continue
            }
            let startLine = index + 1
            var logical = ""
            var sourceLines: [Substring] = []
            // Join continuation lines.
            while index < lines.count {
                let line = lines[index]
                sourceLines.append(line)
                index += 1
                let stripped = line.drop(while: { $0 == " " || $0 == "\t" })
                if !logical.isEmpty, stripped.first == "#" { continue }
                var content = line[...]
                while let last = content.last, last == " " || last == "\t" { content = content.dropLast() }
                if content.last == escape {
                    logical += content.dropLast()
                    if index >= lines.count { break }
                    continue
                }
                logical += line
                break
            }
            var instruction = makeInstruction(logical, line: startLine, stageIndex: stageIndex, escape: escape)
            if instruction.keyword == "FROM" {
                stageIndex += 1
                instruction.stageIndex = stageIndex
            }
            // Heredocs: bodies follow the instruction line.
            let delimiters = heredocDelimiters(in: instruction.arguments)
            if !delimiters.isEmpty, ["RUN", "COPY", "ADD"].contains(instruction.keyword) {
                for delimiter in delimiters {
                    var body: [Substring] = []
                    var terminated = false
                    while index < lines.count {
                        let line = lines[index]
                        sourceLines.append(line)
                        index += 1
                        let candidate = delimiter.stripTabs ? line.drop(while: { $0 == "\t" }) : line
                        if candidate == delimiter.word {
                            terminated = true
                            break
                        }
                        body.append(candidate)
                    }
                    if !terminated {
                        warnings.append(.init(line: startLine, message: "heredoc '\(delimiter.word)' is not terminated"))
                    }
                    instruction.heredocs.append(body.joined(separator: "\n"))
                }
            }
            instruction.endLine = startLine + sourceLines.count - 1
            instruction.source = sourceLines.joined(separator: "\n")
            if !knownInstructions.contains(instruction.keyword) {
                warnings.append(.init(line: startLine, message: "unknown instruction '\(instruction.keyword.prefix(40))'"))
            } else if instruction.keyword != "FROM", instruction.keyword != "ARG", stageIndex < 0 {
                warnings.append(.init(line: startLine, message: "\(instruction.keyword) before the first FROM"))
            }
            instructions.append(instruction)
        }
        let (globals, stages) = buildStages(instructions, escape: escape)
        return Dockerfile(
            escape: escape, syntax: syntax, globalArguments: globals, instructions: instructions, stages: stages,
            warnings: warnings, lines: lines)
    }

    /// `# name=value` at the top of the file; nil for anything else.
    static func parseDirective(_ line: Substring) -> (name: String, value: String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("#") else { return nil }
        let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
        guard let equals = body.firstIndex(of: "=") else { return nil }
        let name = body[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        guard ["escape", "syntax", "check"].contains(name) else { return nil }
        return (name, body[body.index(after: equals)...].trimmingCharacters(in: .whitespaces))
    }

    /// Splits a logical line into keyword, flags, arguments and exec form.
    static func makeInstruction(_ logical: String, line: Int, stageIndex: Int, escape: Character) -> DockerInstruction {
        let trimmed = logical.drop(while: { $0 == " " || $0 == "\t" })
        let keywordEnd = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? trimmed.endIndex
        let keyword = trimmed[..<keywordEnd].uppercased()
        var rest = trimmed[keywordEnd...].drop(while: { $0 == " " || $0 == "\t" })
        var flags: [String: String] = [:]
        // Flags come first; ONBUILD and HEALTHCHECK's own options are left in the arguments for HEALTHCHECK.
        if keyword != "ONBUILD" {
            while rest.hasPrefix("--") {
                let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
                let flag = rest[rest.index(rest.startIndex, offsetBy: 2)..<end]
                if let equals = flag.firstIndex(of: "=") {
                    let name = String(flag[..<equals]).lowercased()
                    let value = String(flag[flag.index(after: equals)...])
                    if name == "mount", let earlier = flags[name] {
                        flags[name] = earlier + "\n" + value
                    } else {
                        flags[name] = value
                    }
                } else {
                    flags[String(flag).lowercased()] = ""
                }
                rest = rest[end...].drop(while: { $0 == " " || $0 == "\t" })
                if keyword == "HEALTHCHECK" { break }
            }
        }
        var arguments = String(rest)
        while let last = arguments.last, last == " " || last == "\t" { arguments.removeLast() }
        var execForm: [String]?
        if ["RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME"].contains(keyword), arguments.hasPrefix("["),
            let data = arguments.data(using: .utf8),
            let array = try? JSONSerialization.jsonObject(with: data) as? [String]
        {
            execForm = array
        }
        return DockerInstruction(
            keyword: keyword, arguments: arguments, flags: flags, execForm: execForm, line: line, endLine: line,
            source: logical, stageIndex: stageIndex)
    }

    /// A heredoc delimiter: the word, and whether leading tabs are stripped (`<<-`).
    struct HeredocDelimiter: Equatable {
        var word: Substring
        var stripTabs: Bool
    }

    /// The heredoc delimiters introduced on an instruction line, in order (`<<EOF`, `<<-"EOT"`, `<<'X'`).
    static func heredocDelimiters(in arguments: String) -> [HeredocDelimiter] {
        guard arguments.contains("<<") else { return [] }
        var result: [HeredocDelimiter] = []
        var rest = arguments[...]
        while let range = rest.range(of: "<<") {
            var after = rest[range.upperBound...]
            var stripTabs = false
            if after.first == "-" {
                stripTabs = true
                after = after.dropFirst()
            }
            var quote: Character?
            if let first = after.first, first == "\"" || first == "'" {
                quote = first
                after = after.dropFirst()
            }
            let word = after.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." })
            if !word.isEmpty, quote == nil || after.dropFirst(word.count).first == quote {
                result.append(HeredocDelimiter(word: word, stripTabs: stripTabs))
            }
            rest = after.dropFirst(max(word.count, 0))
            if result.count > 16 { break }
        }
        return result
    }

    /// Groups instructions into stages and expands FROM images with the global ARGs.
    static func buildStages(_ instructions: [DockerInstruction], escape: Character) -> ([String: String], [DockerStage]) {
        var globals: [String: String] = [:]
        var stages: [DockerStage] = []
        for instruction in instructions {
            switch instruction.keyword {
            case "ARG" where stages.isEmpty:
                for (name, value) in keyValuePairs(instruction.arguments, allowBare: true) { globals[name] = value }
            case "FROM":
                let words = instruction.arguments.split(whereSeparator: { $0 == " " || $0 == "\t" })
                let image = VariableExpander(variables: globals).expand(words.first.map(String.init) ?? "", escape: escape)
                var name: String?
                if words.count >= 3, words[1].lowercased() == "as" { name = words[2].lowercased() }
                stages.append(DockerStage(index: stages.count, baseImage: image, name: name, from: instruction, instructions: []))
            default:
                if !stages.isEmpty { stages[stages.count - 1].instructions.append(instruction) }
            }
        }
        return (globals, stages)
    }

    /// The `name=value` pairs of an ENV/ARG/LABEL line (also the legacy `ENV name value` form). With
    /// `allowBare`, a bare `NAME` (ARG without default) maps to "".
    public static func keyValuePairs(_ arguments: String, allowBare: Bool) -> [(String, String)] {
        let words = ShellWords.split(arguments)
        guard let first = words.first else { return [] }
        if !first.contains("="), !allowBare, words.count >= 2 {
            // Legacy `ENV NAME value with spaces`.
            let value = arguments.drop(while: { $0 != " " && $0 != "\t" }).trimmingCharacters(in: .whitespaces)
            return [(first, value)]
        }
        return words.compactMap { word in
            if let equals = word.firstIndex(of: "=") {
                return (String(word[..<equals]), String(word[word.index(after: equals)...]))
            }
            return allowBare ? (word, "") : nil
        }
    }
}
