import Foundation

/// Splits shell text into words and simple commands, well enough for lint checks: quotes group words
/// (and are removed), `&&`, `||`, `;`, `|`, `&` and newlines separate commands. Not a full shell parser.
public enum ShellWords {
    /// The words of `text`, quotes removed.
    public static func split(_ text: String) -> [String] {
        commands(in: text).flatMap(\.words)
    }

    /// A simple command and how it connects to the next one.
    public struct Command: Sendable, Hashable {
        /// The command's words, quotes removed.
        public var words: [String]
        /// Whether its output is piped (`|`) into the next command.
        public var pipesToNext: Bool
    }

    /// The simple commands of `text` in order.
    public static func commands(in text: String) -> [Command] {
        var commands: [Command] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var iterator = Array(text)
        if iterator.count > 1_000_000 { iterator = Array(iterator.prefix(1_000_000)) }
        var index = 0
        func endWord() {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        }
        func endCommand(pipe: Bool) {
            endWord()
            if !words.isEmpty { commands.append(Command(words: words, pipesToNext: pipe)) }
            words = []
        }
        while index < iterator.count {
            let character = iterator[index]
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"", index + 1 < iterator.count {
                    index += 1
                    word.append(iterator[index])
                } else {
                    word.append(character)
                }
                index += 1
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                inWord = true
            case "\\":
                if index + 1 < iterator.count {
                    index += 1
                    if iterator[index] != "\n" {
                        word.append(iterator[index])
                        inWord = true
                    }
                }
            case " ", "\t":
                endWord()
            case "\n", ";":
                endCommand(pipe: false)
            case "&":
                endCommand(pipe: false)
                if index + 1 < iterator.count, iterator[index + 1] == "&" { index += 1 }
            case "|":
                if index + 1 < iterator.count, iterator[index + 1] == "|" {
                    endCommand(pipe: false)
                    index += 1
                } else {
                    endCommand(pipe: true)
                }
            case "(", ")", "{", "}":
                if inWord {
                    word.append(character)
                } else {
                    endCommand(pipe: false)
                }
            case "#" where !inWord:
                // A comment runs to the end of the line.
                while index + 1 < iterator.count, iterator[index + 1] != "\n" { index += 1 }
            default:
                word.append(character)
                inWord = true
            }
            index += 1
        }
        endCommand(pipe: false)
        return commands
    }

    /// The command's program and arguments with leading wrappers (`sudo`, `env A=b`, `exec`, `nohup`,
    /// `time`, assignments) removed; `sudo` is reported separately.
    public static func unwrapped(_ words: [String]) -> [String] {
        var index = 0
        while index < words.count {
            let word = words[index]
            if ["sudo", "exec", "nohup", "time", "env", "command", "then", "do", "else", "if", "!"].contains(word) {
                index += 1
                while word == "sudo" || word == "env", index < words.count, words[index].hasPrefix("-") { index += 1 }
                continue
            }
            if let equals = word.firstIndex(of: "="), equals != word.startIndex,
                word[..<equals].allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber })
            {
                index += 1
                continue
            }
            break
        }
        return Array(words[index...])
    }
}
