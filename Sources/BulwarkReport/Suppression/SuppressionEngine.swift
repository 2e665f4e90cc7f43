import BulwarkCore
import Foundation

/// Applies triage decisions — an ignore file and VEX statements — to a scan report.
///
/// Order: an unexpired ignore entry that matches a finding suppresses it first; otherwise the VEX
/// statements naming the finding's id (or an alias) and a product whose purl covers the package
/// (see ``PurlMatch``) decide, the latest statement (by timestamp, then by load order) winning, and
/// only `not_affected` and `fixed` suppress. The function is pure: same inputs, same output.
public enum SuppressionEngine {
    /// Returns `report` without its suppressed findings (severity counts recomputed, notices added
    /// to `warnings`, ``ScanReport/suppression`` filled, ``ScanReport/suppressed`` filled only when
    /// `includeSuppressed`), and the full outcome.
    public static func apply(
        to report: ScanReport, ignore: IgnoreFile?, vex: [VEXStatement], now: Date, includeSuppressed: Bool = false
    ) -> (ScanReport, SuppressionOutcome) {
        let findingsByID = index(report.findings)
        let imageNames = imageIdentities(report)
        let entries = ignore?.entries ?? []
        let ignorePath = ignore?.path ?? IgnoreFile.defaultFileName
        var entryUses = [Int](repeating: 0, count: entries.count)
        var productUses: Set<[Int]> = []
        var kept: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        var summary = SuppressionSummary()
        let timestamps = vex.map { $0.timestamp.flatMap(SuppressionDate.timestamp) }
        var entriesByID: [String: [Int]] = [:]
        for (position, entry) in entries.enumerated() { entriesByID[entry.id.lowercased(), default: []].append(position) }
        var statementsByID: [String: [Int]] = [:]
        for (position, statement) in vex.enumerated() {
            for id in Set(statement.allIDs.map { $0.lowercased() }) { statementsByID[id, default: []].append(position) }
        }

        for finding in report.findings {
            let ids = Set(([finding.id] + finding.aliases).map { $0.lowercased() })
            var decision: SuppressedFinding?
            for entryIndex in Set(ids.flatMap { entriesByID[$0] ?? [] }).sorted() {
                let entry = entries[entryIndex]
                guard !entry.isExpired(at: now), let note = ignoreMatch(entry, finding.package, imageNames) else { continue }
                entryUses[entryIndex] += 1
                if decision == nil {
                    decision = SuppressedFinding(
                        finding: finding, source: .ignoreFile, justification: entry.justification, reason: entry.reason,
                        origin: entry.location(in: ignorePath), note: note.isEmpty ? nil : note)
                }
            }
            var best: (index: Int, note: String?)?
            for statementIndex in Set(ids.flatMap { statementsByID[$0] ?? [] }).sorted() {
                let statement = vex[statementIndex]
                guard imageAllows(statement, imageNames) else { continue }
                for (productIndex, product) in statement.products.enumerated() {
                    guard let purl = product.purl, case .matches(let note) = PurlMatch.compare(purl, with: finding.package) else { continue }
                    productUses.insert([statementIndex, productIndex])
                    if let current = best {
                        let newer = timestamps[statementIndex] ?? .distantPast
                        let older = timestamps[current.index] ?? .distantPast
                        if newer >= older { best = (statementIndex, note) }
                    } else {
                        best = (statementIndex, note)
                    }
                }
            }
            if decision == nil, let best, vex[best.index].suppresses {
                let statement = vex[best.index]
                decision = SuppressedFinding(
                    finding: finding, source: .vex, status: statement.status.rawValue, justification: statement.justification,
                    reason: statement.impactStatement, origin: statement.source.description, note: best.note)
            }
            if let decision {
                suppressed.append(decision)
                if decision.source == .ignoreFile { summary.ignoreFile += 1 } else { summary.vex += 1 }
            } else {
                kept.append(finding)
            }
        }

        for (entryIndex, entry) in entries.enumerated() {
            let origin = entry.location(in: ignorePath)
            if entry.isExpired(at: now) {
                let wouldMatch = (findingsByID[entry.id.lowercased()] ?? []).filter {
                    ignoreMatch(entry, report.findings[$0].package, imageNames) != nil
                }.count
                summary.expiredEntries.append(
                    SuppressionNotice(
                        id: entry.id, origin: origin,
                        detail: "expired \(entry.expires ?? "") and no longer suppresses (\(wouldMatch) finding\(wouldMatch == 1 ? "" : "s") would match); renew or remove it"))
            } else if entryUses[entryIndex] == 0 {
                summary.unusedEntries.append(
                    SuppressionNotice(id: entry.id, origin: origin, detail: unusedReason(entry, report.findings, findingsByID, imageNames)))
            }
        }

        for (statementIndex, statement) in vex.enumerated() where statement.suppresses {
            let matchedAny = statement.products.indices.contains { productUses.contains([statementIndex, $0]) }
            let candidates = statement.allIDs.flatMap { findingsByID[$0.lowercased()] ?? [] }
            for (productIndex, product) in statement.products.enumerated() where !productUses.contains([statementIndex, productIndex]) {
                let explanation = unmatchedReason(statement, product, candidates.map { report.findings[$0] }, imageNames)
                guard !matchedAny || explanation.nearMiss else { continue }
                summary.unmatchedStatements.append(
                    SuppressionNotice(id: statement.vulnerability, origin: statement.source.description, product: product.identifier, detail: explanation.text))
            }
        }

        var result = report
        result.findings = kept
        var counts: [String: Int] = [:]
        for severity in Severity.allCases { counts[severity.rawValue] = 0 }
        for finding in kept { counts[finding.severity.rawValue, default: 0] += 1 }
        result.summary = counts
        result.suppression = summary
        result.suppressed = includeSuppressed ? suppressed : nil
        result.warnings += summary.warnings
        return (result, SuppressionOutcome(suppressed: suppressed, summary: summary))
    }

    /// Whether an entry's narrowing admits the package; the purl note ("" when none), or nil.
    static func ignoreMatch(_ entry: IgnoreEntry, _ package: Package, _ images: [String]) -> String? {
        var note = ""
        if !entry.purls.isEmpty {
            var matched = false
            for purl in entry.purls {
                if case .matches(let detail) = PurlMatch.compare(purl, with: package) {
                    matched = true
                    note = detail ?? ""
                    break
                }
            }
            guard matched else { return nil }
        }
        if !entry.paths.isEmpty, !entry.paths.contains(where: { SuppressionGlob($0).matches(package.location) }) { return nil }
        if !entry.images.isEmpty {
            let globs = entry.images.map { SuppressionGlob($0, starCrossesSlash: true) }
            guard globs.contains(where: { glob in images.contains(where: glob.matches) }) else { return nil }
        }
        return note
    }

    private static func unusedReason(_ entry: IgnoreEntry, _ findings: [Finding], _ byID: [String: [Int]], _ images: [String]) -> String {
        let candidates = (byID[entry.id.lowercased()] ?? []).map { findings[$0] }
        guard let first = candidates.first else { return "no finding has this id or alias" }
        var parts: [String] = []
        if !entry.purls.isEmpty, !candidates.contains(where: { f in entry.purls.contains { PurlMatch.compare($0, with: f.package).isMatch } }) {
            if let purl = entry.purls.first, case .differs(let reason) = PurlMatch.compare(purl, with: first.package) {
                parts.append("purl \(purl) does not cover \(first.package.purl): \(reason)")
            }
        }
        if !entry.paths.isEmpty, !candidates.contains(where: { f in entry.paths.contains { SuppressionGlob($0).matches(f.package.location) } }) {
            parts.append("path \(entry.paths.joined(separator: ", ")) matches none of \(Set(candidates.map(\.package.location)).sorted().joined(separator: ", "))")
        }
        if !entry.images.isEmpty {
            let globs = entry.images.map { SuppressionGlob($0, starCrossesSlash: true) }
            if !globs.contains(where: { glob in images.contains(where: glob.matches) }) {
                parts.append("image \(entry.images.joined(separator: ", ")) is not the scanned image (\(images.first ?? "unnamed"))")
            }
        }
        if parts.isEmpty { parts.append("its narrowing fields together exclude every finding with this id") }
        return "\(candidates.count) finding\(candidates.count == 1 ? " has" : "s have") this id, but " + parts.joined(separator: "; ")
    }

    private static func unmatchedReason(_ statement: VEXStatement, _ product: VEXProduct, _ candidates: [Finding], _ images: [String])
        -> (text: String, nearMiss: Bool)
    {
        guard let purl = product.purl else {
            return ("product '\(product.identifier)' has no package URL, so it cannot be matched to a package", false)
        }
        guard !candidates.isEmpty else {
            return ("no finding has id \(statement.allIDs.joined(separator: " or ")) (product \(purl))", false)
        }
        if !imageAllows(statement, images) {
            let limited = statement.images.map(\.identifier).joined(separator: ", ")
            return ("the statement is limited to \(limited), not the scanned image (\(images.first ?? "unnamed"))", true)
        }
        var seen: Set<String> = []
        var reasons: [String] = []
        for finding in candidates {
            guard case .differs(let reason) = PurlMatch.compare(purl, with: finding.package) else { continue }
            let sameIdentity = !(reason.hasPrefix("type ") || reason.hasPrefix("namespace ") || reason.hasPrefix("name "))
            guard sameIdentity, seen.insert(finding.package.purl.description).inserted else { continue }
            reasons.append("\(finding.package.purl): \(reason)")
        }
        if !reasons.isEmpty {
            return ("\(purl) does not match the installed package — " + reasons.joined(separator: "; "), true)
        }
        let found = Set(candidates.map { $0.package.purl.description }).sorted().prefix(5).joined(separator: ", ")
        return ("no finding for \(statement.vulnerability) is in \(purl); it was found in \(found)", false)
    }

    /// Whether an OpenVEX statement limited to images (products with subcomponents) covers the scanned image.
    static func imageAllows(_ statement: VEXStatement, _ images: [String]) -> Bool {
        guard !statement.images.isEmpty else { return true }
        let names = Set(images.map { $0.lowercased() })
        for image in statement.images {
            if names.contains(image.identifier.lowercased()) { return true }
            guard let purl = image.purl, purl.type == "oci" else { continue }
            if let version = purl.version?.lowercased(), names.contains(version) { return true }
            if purl.version == nil || purl.version?.isEmpty == true {
                let name = purl.name.lowercased()
                if images.contains(where: { repositoryName($0) == name }) { return true }
            }
        }
        return false
    }

    /// The last path component of a repository reference without tag or digest: `registry/app:1` → `app`.
    private static func repositoryName(_ reference: String) -> String {
        var text = Substring(reference.lowercased())
        if let at = text.firstIndex(of: "@") { text = text[..<at] }
        if let slash = text.lastIndex(of: "/") { text = text[text.index(after: slash)...] }
        if let colon = text.firstIndex(of: ":") { text = text[..<colon] }
        return String(text)
    }

    /// Names the scanned image answers to: the target as given, repo tags, repo digests and digests.
    static func imageIdentities(_ report: ScanReport) -> [String] {
        var names = [report.target.name]
        if let image = report.image {
            names += image.repoTags + image.repoDigests
            if let digest = image.manifestDigest { names.append(digest.description) }
            if let digest = image.configDigest { names.append(digest.description) }
        }
        return names
    }

    private static func index(_ findings: [Finding]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (position, finding) in findings.enumerated() {
            for id in Set(([finding.id] + finding.aliases).map { $0.lowercased() }) { result[id, default: []].append(position) }
        }
        return result
    }
}
