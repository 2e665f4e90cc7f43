import Foundation

/// `# bulwark:ignore=ID[,ID…] reason` comments: a comment suppresses the listed rules for findings on
/// its own line, and — when the comment is alone on its line — for findings on the next line or any
/// finding whose range covers it.
public struct InlineSuppressions: Sendable {
    /// Suppressed rule ids by the 1-based line they apply to.
    private(set) var byLine: [Int: Set<String>] = [:]

    /// Collects the suppressions of `lines`.
    public init(lines: [Substring]) {
        for (index, line) in lines.enumerated() {
            guard let marker = line.range(of: "bulwark:ignore=") else { continue }
            guard line[..<marker.lowerBound].contains("#") else { continue }
            let list = line[marker.upperBound...].prefix(while: { $0 != " " && $0 != "\t" })
            let ids = Set(list.split(separator: ",").map { $0.uppercased() })
            byLine[index + 1, default: []].formUnion(ids)
            if line.drop(while: { $0 == " " || $0 == "\t" }).first == "#" {
                // A comment line also covers the next non-comment line.
                var next = index + 1
                while next < lines.count, lines[next].drop(while: { $0 == " " || $0 == "\t" }).first == "#" { next += 1 }
                byLine[next + 1, default: []].formUnion(ids)
            }
        }
    }

    /// Whether `finding` is suppressed.
    public func suppresses(_ finding: ConfigFinding) -> Bool {
        guard !byLine.isEmpty else { return false }
        for line in finding.line...min(finding.endLine, finding.line + 500) {
            if let ids = byLine[line], ids.contains(finding.rule.id) || ids.contains("ALL") { return true }
        }
        return false
    }
}
