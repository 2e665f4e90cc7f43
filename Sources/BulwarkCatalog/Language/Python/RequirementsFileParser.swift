import Foundation
import BulwarkCore

/// Reads pip requirements files: only exactly pinned entries (`name==1.2.3`, `name===1.2.3`) are
/// packages; extras, environment markers, `--hash` options, comments and `\` line continuations are
/// handled. Unpinned or unparsable requirements become warnings naming the line, options
/// (`-r`, `-e`, `--index-url`) are skipped.
public enum RequirementsFileParser {
    /// The packages and warnings of the requirements file `bytes` read from `path`.
    public static func parse(_ bytes: [UInt8], path: String) -> CatalogResult {
        var result = CatalogResult()
        var seen = Set<String>()
        var pending = ""
        var pendingLine = 0
        for (number, rawLine) in TextDecoding.numberedLines(TextDecoding.text(bytes)) {
            var line = Substring(rawLine)
            if pending.isEmpty { pendingLine = number }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            if !pending.isEmpty {
                pending += line
                line = Substring(pending)
                pending = ""
            }
            if let package = entry(line, lineNumber: pendingLine, path: path, warnings: &result.warnings),
                seen.insert(package.name.lowercased() + "@" + package.version).inserted
            {
                result.packages.append(package)
            }
        }
        if !pending.isEmpty, let package = entry(Substring(pending), lineNumber: pendingLine, path: path, warnings: &result.warnings) {
            result.packages.append(package)
        }
        result.warnings = WarningLimit.capped(result.warnings, path: path)
        return result
    }

    private static func entry(_ raw: Substring, lineNumber: Int, path: String, warnings: inout [String]) -> Package? {
        var line = raw
        // Comments: a `#` starts one (URLs such as `#egg=` only appear on option lines, skipped below).
        if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
        // Options after the requirement (`--hash=…`, `--global-option`).
        if let option = line.range(of: " --") { line = line[..<option.lowerBound] }
        if let option = line.range(of: "\t--") { line = line[..<option.lowerBound] }
        let text = line.strippedOfBlanks
        if text.isEmpty || text.hasPrefix("-") { return nil }
        let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
        let requirement = text.split(separator: ";", maxSplits: 1).first.map { $0.strippedOfBlanks } ?? text
        guard let name = PythonPackageNames.requirementName(Substring(requirement)), let last = name.last, last.isLetter || last.isNumber else {
            warnings.append("\(path):\(lineNumber): not a requirement: '\(shown)'")
            return nil
        }
        var rest = requirement[name.endIndex...].drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                warnings.append("\(path):\(lineNumber): unterminated extras in '\(shown)'")
                return nil
            }
            rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        }
        let version: Substring
        if rest.hasPrefix("===") {
            version = rest.dropFirst(3)
        } else if rest.hasPrefix("==") {
            version = rest.dropFirst(2)
        } else {
            warnings.append("\(path):\(lineNumber): '\(shown)' is not pinned with '==' and was left out")
            return nil
        }
        let pinned = version.strippedOfBlanks
        guard !pinned.isEmpty, !pinned.contains("*"), !pinned.contains(","), !pinned.contains(" "),
            pinned.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._+-!".contains($0)) })
        else {
            warnings.append("\(path):\(lineNumber): '\(shown)' is not pinned to one version and was left out")
            return nil
        }
        let packageName = String(name)
        return Package.library(
            .pypi, name: packageName, version: pinned, purl: PythonPackageNames.purl(name: packageName, version: pinned), location: path)
    }
}
