import BulwarkCore
import Foundation

/// The immutable, shared part of a `SecretScanner`: rules, keyword index and allow rules.
final class SecretScanEngine: Sendable {
    /// Per-file limits that keep hostile content fast.
    enum Limits {
        /// Bytes of the line examined on each side of a keyword hit.
        static let lineReach = 2048
        /// Bytes examined after the start of the line for multi-line rules.
        static let multilineReach = 8192
        /// Bytes of the file examined by keyword-less rules that are limited to file names.
        static let wholeFileReach = 65536
        /// Windows (regex runs) per file.
        static let windows = 4096
        /// Bytes given to regular expressions per file, and per rule per file.
        static let regexBytes = 8 << 20
        static let regexBytesPerRule = 2 << 20
        /// Findings per file.
        static let findings = 200
        /// Bytes of the snippet.
        static let snippet = 160
    }

    let rules: [SecretRule]
    let index: KeywordIndex
    /// Allow rules that exclude whole paths, split into cheap substring and regex forms.
    private let pathContains: [[UInt8]]
    private let pathPatterns: [CompiledPattern]
    /// Allow rules that drop individual values.
    private let valueAllowRules: [SecretAllowRule]
    private let allowedValues: Set<[UInt8]>
    /// Rules limited to some file names, and keyword-less ones among them.
    private let fileNameRules: [Int]

    init(configuration: SecretConfiguration) {
        rules = configuration.rules
        index = KeywordIndex(rules: configuration.rules)
        var pathContains: [[UInt8]] = []
        var pathPatterns: [CompiledPattern] = []
        var valueAllowRules: [SecretAllowRule] = []
        var allowedValues: Set<[UInt8]> = []
        for rule in configuration.allowRules {
            if rule.coversWholePaths {
                pathContains += rule.pathContains.map { Array($0.utf8) }
                pathPatterns += rule.paths
            } else if rule.valueRegex == nil && rule.ruleIDs.isEmpty && rule.paths.isEmpty && rule.pathContains.isEmpty {
                for value in rule.values { allowedValues.insert(Array(value.utf8)) }
            } else {
                valueAllowRules.append(rule)
            }
        }
        self.pathContains = pathContains
        self.pathPatterns = pathPatterns
        self.valueAllowRules = valueAllowRules
        self.allowedValues = allowedValues
        fileNameRules = configuration.rules.indices.filter { !configuration.rules[$0].fileNames.isEmpty }
    }

    /// Whether an allow rule excludes the whole path.
    func isAllowedPath(_ path: String) -> Bool {
        if !pathContains.isEmpty {
            let matched = path.utf8.withContiguousStorageIfAvailable { bytes in
                pathContains.contains { needle in Self.contains(bytes, needle) }
            }
            if matched ?? pathContains.contains(where: { path.utf8.firstRange(of: $0) != nil }) { return true }
        }
        for pattern in pathPatterns where pattern.matches(path) { return true }
        return false
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// A region of the file one rule's pattern runs on.
    private struct Window {
        var rule: Int
        var start: Int
        var end: Int
    }

    /// A match that passed the rule's filters, in byte offsets of the file.
    private struct Candidate {
        var rule: Int
        var matchStart: Int
        var secretStart: Int
        var secretEnd: Int
    }

    /// Scans `bytes`; returns the findings and whether a per-file limit was hit.
    func scan(path: String, bytes: UnsafeBufferPointer<UInt8>) -> ([SecretFinding], Bool) {
        let count = bytes.count
        guard count > 0 else { return ([], false) }
        var truncated = false
        var windows: [Window] = []
        var windowEnds: [Int] = []
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let baseName = slash.map { path[path.utf8.index(after: $0)...] } ?? path[...]
        for rule in fileNameRules where rules[rule].keywords.isEmpty && rules[rule].fileNames.contains(where: { $0 == baseName }) {
            windows.append(Window(rule: rule, start: 0, end: min(count, Limits.wholeFileReach)))
        }

        index.forEachOccurrence(in: bytes) { keyword, position in
            for rule in index.rulesByKeyword[keyword] {
                if windowEnds.isEmpty { windowEnds = [Int](repeating: -1, count: rules.count) }
                let previousEnd = windowEnds[rule]
                if position < previousEnd { continue }
                if !rules[rule].fileNames.isEmpty && !rules[rule].fileNames.contains(where: { $0 == baseName }) { continue }
                if windows.count >= Limits.windows {
                    truncated = true
                    return false
                }
                let window = makeWindow(bytes, rule: rule, position: position, previousEnd: previousEnd)
                windowEnds[rule] = window.end
                windows.append(window)
            }
            return true
        }
        guard !windows.isEmpty else { return ([], truncated) }

        var candidates: [Candidate] = []
        var regexBytes = 0
        var regexBytesByRule = [Int](repeating: 0, count: rules.count)
        for window in windows {
            let length = window.end - window.start
            if regexBytesByRule[window.rule] + length > Limits.regexBytesPerRule {
                truncated = true
                continue
            }
            regexBytesByRule[window.rule] += length
            regexBytes += length
            if regexBytes > Limits.regexBytes || candidates.count >= Limits.findings * 4 {
                truncated = true
                break
            }
            collectMatches(in: window, bytes: bytes, path: path, into: &candidates)
        }
        let kept = Self.resolveOverlaps(candidates)
        if kept.count > Limits.findings { truncated = true }
        return (makeFindings(Array(kept.prefix(Limits.findings)), bytes: bytes, path: path), truncated)
    }

    /// The line around `position` (at most `lineReach` each side, starting no earlier than shortly
    /// before the rule's previous window ended), or the following `multilineReach` bytes.
    private func makeWindow(_ bytes: UnsafeBufferPointer<UInt8>, rule: Int, position: Int, previousEnd: Int) -> Window {
        var floor = max(0, position - Limits.lineReach)
        if previousEnd > 0 { floor = max(floor, previousEnd - 512) }
        var start = position
        while start > floor && bytes[start - 1] != 0x0A { start -= 1 }
        let end: Int
        if rules[rule].multiline {
            end = min(bytes.count, position + Limits.multilineReach)
        } else {
            let ceiling = min(bytes.count, position + Limits.lineReach)
            var cursor = position
            while cursor < ceiling && bytes[cursor] != 0x0A { cursor += 1 }
            end = cursor
        }
        return Window(rule: rule, start: start, end: end)
    }

    /// Runs one rule on one window and keeps the matches that survive entropy, placeholder and
    /// allow checks.
    private func collectMatches(in window: Window, bytes: UnsafeBufferPointer<UInt8>, path: String, into candidates: inout [Candidate]) {
        let rule = rules[window.rule]
        let text = Self.latin1String(UnsafeBufferPointer(rebasing: bytes[window.start..<window.end]))
        let length = window.end - window.start
        let matches = rule.pattern.regex.matches(in: text, options: [], range: NSRange(location: 0, length: length))
        for match in matches {
            var secretRange = rule.pattern.hasSecretGroup ? match.range(withName: "secret") : match.range
            if secretRange.location == NSNotFound { secretRange = match.range }
            guard secretRange.length > 0 else { continue }
            let secretStart = window.start + secretRange.location
            let secretEnd = secretStart + secretRange.length
            guard secretEnd <= bytes.count else { continue }
            let secret = Array(bytes[secretStart..<secretEnd])[...]
            if let minimum = rule.minimumEntropy, ShannonEntropy.of(secret) < minimum { continue }
            if PlaceholderFilter.isUniversalPlaceholder(secret) { continue }
            if rule.rejectsPlaceholders && PlaceholderFilter.isPlaceholderOrCode(secret) { continue }
            if rule.requiresDigit && !PlaceholderFilter.hasDigitOrIsLongRandom(secret) { continue }
            if isAllowed(secret: secret, rule: rule, path: path) { continue }
            candidates.append(Candidate(rule: window.rule, matchStart: window.start + match.range.location, secretStart: secretStart, secretEnd: secretEnd))
        }
    }

    private func isAllowed(secret: ArraySlice<UInt8>, rule: SecretRule, path: String) -> Bool {
        if allowedValues.contains(Array(secret)) { return true }
        guard !valueAllowRules.isEmpty else { return false }
        let text = String(decoding: secret, as: UTF8.self)
        for allow in valueAllowRules {
            if !allow.ruleIDs.isEmpty && !allow.ruleIDs.contains(rule.id) { continue }
            if !allow.appliesTo(path: path) { continue }
            // Scoped only by path and rule: everything that rule finds there is allowed.
            if allow.values.isEmpty && allow.valueRegex == nil { return true }
            if allow.values.contains(text) { return true }
            if let pattern = allow.valueRegex, pattern.matches(text) { return true }
        }
        return false
    }

    /// Keeps one candidate per secret: duplicates from overlapping windows go, and where two rules
    /// matched overlapping secrets the earlier (more specific) rule wins.
    private static func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let sorted = candidates.sorted { ($0.secretStart, $0.rule) < ($1.secretStart, $1.rule) }
        var kept: [Candidate] = []
        for candidate in sorted {
            var replace: [Int] = []
            var dominated = false
            for (position, other) in kept.enumerated().reversed() {
                if other.secretEnd <= candidate.secretStart { if candidate.secretStart - other.secretStart > 20000 { break } else { continue } }
                // Overlap.
                if other.rule <= candidate.rule { dominated = true; break }
                replace.append(position)
            }
            if dominated { continue }
            for position in replace.sorted(by: >) { kept.remove(at: position) }
            kept.append(candidate)
        }
        return kept.sorted { ($0.matchStart, $0.rule) < ($1.matchStart, $1.rule) }
    }

    /// Turns candidates (sorted by match start) into findings with line, column, masked match
    /// and masked snippet.
    private func makeFindings(_ candidates: [Candidate], bytes: UnsafeBufferPointer<UInt8>, path: String) -> [SecretFinding] {
        var findings: [SecretFinding] = []
        findings.reserveCapacity(candidates.count)
        var line = 1
        var lineStart = 0
        var cursor = 0
        for candidate in candidates {
            while cursor < candidate.matchStart {
                if bytes[cursor] == 0x0A {
                    line += 1
                    lineStart = cursor + 1
                }
                cursor += 1
            }
            var lineEnd = candidate.matchStart
            let ceiling = min(bytes.count, candidate.matchStart + 4096)
            while lineEnd < ceiling && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var snippetStart = lineStart
            var snippetEnd = lineEnd
            if snippetEnd - snippetStart > Limits.snippet {
                snippetStart = max(lineStart, candidate.matchStart - 40)
                snippetEnd = min(lineEnd, snippetStart + Limits.snippet)
            }
            let rule = rules[candidate.rule]
            findings.append(SecretFinding(
                ruleID: rule.id, category: rule.category, title: rule.title, severity: rule.severity, path: path,
                line: line, column: candidate.matchStart - lineStart + 1,
                match: SecretMask.mask(UnsafeBufferPointer(rebasing: bytes[candidate.secretStart..<candidate.secretEnd])),
                snippet: Self.maskedSnippet(bytes, from: snippetStart, to: snippetEnd, secrets: candidates)
            ))
        }
        return findings
    }

    /// The bytes `from..<to` with every candidate's secret replaced by its masked form, trimmed.
    private static func maskedSnippet(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, secrets: [Candidate]) -> String {
        var spans = secrets.filter { $0.secretStart < to && $0.secretEnd > from }.map { ($0.secretStart, $0.secretEnd) }
        spans.sort { $0.0 < $1.0 }
        var output: [UInt8] = []
        output.reserveCapacity(to - from + 32)
        var position = from
        for (start, end) in spans {
            if end <= position { continue }
            let clippedStart = max(start, position)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<clippedStart]))
            let masked = SecretMask.mask(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            output.append(contentsOf: clippedStart == start ? Array(masked.utf8) : Array(repeating: 0x2A, count: 4))
            position = min(end, to)
            if position >= to { break }
        }
        if position < to { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<to])) }
        let text = String(decoding: output, as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Decodes bytes as ISO-8859-1, so that every byte is one UTF-16 unit and regex offsets are
    /// byte offsets; invalid UTF-8 cannot fail or shift anything.
    static func latin1String(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for byte in bytes where byte >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xC0 | (byte >> 6))
                utf8.append(0x80 | (byte & 0x3F))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
