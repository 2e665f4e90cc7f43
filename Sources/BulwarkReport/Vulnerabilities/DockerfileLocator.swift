import BulwarkCore

/// Finds the Dockerfile line that most likely installed a package: a `RUN` instruction naming it
/// (`apt-get install -y openssl`, `pip install requests==2.19.1`, `npm i lodash@4`), else — for OS
/// packages, which the base image brings — the last `FROM`, else line 1.
struct DockerfileLocator {
    /// One instruction: its keyword (upper-cased) and its physical lines with their numbers.
    struct Instruction {
        var keyword: String
        var lines: [(number: Int, text: Substring)]
    }

    let instructions: [Instruction]

    /// Splits `text` into instructions, joining `\` continuations and skipping comments and blank lines.
    init(text: String) {
        var instructions: [Instruction] = []
        var current: Instruction?
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("#") { continue }
            let content = trimmed.hasSuffix("\r") ? trimmed.dropLast() : trimmed
            if var open = current {
                open.lines.append((number, content))
                current = open
            } else {
                if content.isEmpty { continue }
                let keyword = content.prefix { $0 != " " && $0 != "\t" }.uppercased()
                current = Instruction(keyword: keyword, lines: [(number, content)])
            }
            if let open = current, !content.hasSuffix("\\") {
                instructions.append(open)
                current = nil
            }
        }
        if let open = current { instructions.append(open) }
        self.instructions = instructions
    }

    /// The 1-based line for `package`.
    func line(for package: Package) -> Int {
        let names = Set([package.name, package.sourceName].compactMap { $0?.lowercased() }.filter { !$0.isEmpty })
        for instruction in instructions where instruction.keyword == "RUN" {
            for (number, text) in instruction.lines where Self.words(text).contains(where: { names.contains($0) }) {
                return number
            }
        }
        if package.type.isOSPackage, let from = instructions.last(where: { $0.keyword == "FROM" }), let first = from.lines.first {
            return first.number
        }
        return 1
    }

    /// The words of a shell line with version pins cut off (`pkg=1.2`, `pkg==1.2`, `pkg@1`, `pkg>=1`), lower-cased.
    static func words(_ text: Substring) -> [String] {
        text.split(whereSeparator: { " \t;&|()'\"\\".contains($0) }).map { word in
            var name = word
            if let cut = name.firstIndex(where: { "=<>~!:".contains($0) }) { name = name[..<cut] }
            if let at = name.dropFirst().firstIndex(of: "@") { name = name[..<at] }
            return name.lowercased()
        }
    }
}
