import BulwarkCore

/// Imports the Debian security tracker's JSON dump (`https://security-tracker.debian.org/tracker/data/json`)
/// as advisories with source `debian-tracker`.
///
/// The dump is keyed by source package, then by issue id (`CVE-…` or Debian's `TEMP-…`), each with a
/// description and per-release status. One advisory is produced per issue id, with one
/// ``AffectedPackage`` per (source package, release):
/// - ecosystem `debian:<major>` from the codename (``DebianReleases``); `sid`, `experimental` and unknown
///   codenames are skipped (unknown ones are counted in `unknownEcosystems` as `debian:<codename>`);
/// - `resolved` with a `fixed_version` → range `introduced 0, fixed <version>`, state `fixed`; a fixed
///   version of `0` means the release was never affected, so no entry is produced;
/// - `open` / `undetermined` → range `introduced 0` only, state `affected`, unless `nodsa_reason` is
///   `ignored` (→ `will_not_fix`) or `postponed` (→ `fix_deferred`); `end-of-life` as status or urgency
///   → `end_of_life`;
/// - the urgency (`low**`, `medium`, `unimportant` → negligible, `not yet assigned` → none) becomes the
///   entry's severity with source `debian`.
/// Issues whose every release is unaffected produce no advisory.
public enum DebianTrackerImporter {
    /// The `source` of the advisories this importer produces.
    public static let source = "debian-tracker"

    /// Parses the whole tracker dump into `sink`, one source package at a time (the dump is never held as one tree).
    public static func parse(_ bytes: [UInt8], label: String, into sink: any ImportSink) throws(BulwarkError) {
        var reader = try FeedJSONReader(bytes, label: label, feed: "Debian security tracker")
        guard reader.peek() == UInt8(ascii: "{") else {
            throw BulwarkError.invalid(label, "not a Debian security tracker dump (top level is not an object of source packages)")
        }
        var order: [String] = []
        var advisories: [String: Advisory] = [:]
        var packagesSeen = 0
        var packagesWithIssues = 0

        try reader.readObject { (packageName: String, reader: inout FeedJSONReader) throws(BulwarkError) in
            packagesSeen += 1
            let value = try reader.readValue()
            guard let issues = value.members else {
                sink.statistics.recordMalformed("\(label): package \(packageName) is not an object")
                return
            }
            if issues.contains(where: { $0.value["releases"] != nil }) { packagesWithIssues += 1 }
            for (issueID, issue) in issues {
                guard isIssueID(issueID) else {
                    sink.statistics.recordMalformed("\(label): \(packageName): '\(issueID.prefix(40))' is not a CVE or TEMP id")
                    continue
                }
                guard let releases = issue["releases"]?.members else {
                    sink.statistics.recordMalformed("\(label): \(packageName) \(issueID): no releases object")
                    continue
                }
                var affected: [AffectedPackage] = []
                for (codename, release) in releases {
                    guard release.isObject else {
                        sink.statistics.recordMalformed("\(label): \(packageName) \(issueID) \(codename): release is not an object")
                        continue
                    }
                    if let entry = affectedPackage(packageName, codename: codename, release: release, issue: "\(packageName) \(issueID)", label: label, sink: sink) {
                        affected.append(entry)
                    }
                }
                guard !affected.isEmpty else { continue }
                let details = issue["description"]?.nonEmptyString
                let bug = bugReference(issue)
                if advisories[issueID] != nil {
                    advisories[issueID]?.affected.append(contentsOf: affected)
                    if advisories[issueID]?.details == nil { advisories[issueID]?.details = details }
                    if let bug, advisories[issueID]?.references.contains(bug) == false { advisories[issueID]?.references.append(bug) }
                } else {
                    let references = ["https://security-tracker.debian.org/tracker/" + issueID] + (bug.map { [$0] } ?? [])
                    advisories[issueID] = Advisory(id: issueID, details: details, references: references, source: source, affected: affected)
                    order.append(issueID)
                }
            }
        }
        try reader.expectEnd()
        if packagesSeen > 0 && packagesWithIssues == 0 {
            throw BulwarkError.invalid(label, "not a Debian security tracker dump (no package holds issues with releases)")
        }
        for id in order {
            if let advisory = advisories[id] { try sink.add(advisory) }
        }
    }

    /// The entry for one release of one package, or nil when that release is unaffected, skipped or malformed.
    private static func affectedPackage(
        _ packageName: String, codename: String, release: FeedJSONValue, issue: String, label: String, sink: any ImportSink
    ) -> AffectedPackage? {
        let codename = codename.lowercased()
        if codename == "sid" || codename == "experimental" { return nil }
        guard let ecosystem = DebianReleases.ecosystemKey(forCodename: codename) else {
            sink.statistics.unknownEcosystems["debian:" + codename, default: 0] += 1
            return nil
        }
        guard let status = release["status"]?.nonEmptyString?.lowercased() else {
            sink.statistics.recordMalformed("\(label): \(issue) \(codename): no status")
            return nil
        }
        let urgency = release["urgency"]?.nonEmptyString?.lowercased()
        let severity = urgency.flatMap(severity(forUrgency:))
        let nodsaReason = release["nodsa_reason"]?.nonEmptyString?.lowercased()

        switch status {
        case "resolved":
            guard let fixed = release["fixed_version"]?.nonEmptyString else {
                sink.statistics.recordMalformed("\(label): \(issue) \(codename): resolved without fixed_version")
                return nil
            }
            if fixed == "0" { return nil }  // never affected in this release
            return AffectedPackage(
                ecosystem: ecosystem, name: packageName,
                ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0"), .fixed(fixed)])], state: .fixed, severity: severity)
        case "open", "undetermined", "end-of-life":
            let state: FixState
            if status == "end-of-life" || urgency == "end-of-life" { state = .endOfLife }
            else if nodsaReason == "ignored" { state = .willNotFix }
            else if nodsaReason == "postponed" { state = .fixDeferred }
            else { state = .affected }
            return AffectedPackage(
                ecosystem: ecosystem, name: packageName,
                ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0")])], state: state, severity: severity)
        default:
            sink.statistics.recordMalformed("\(label): \(issue) \(codename): unknown status '\(status.prefix(40))'")
            return nil
        }
    }

    /// Debian's urgency as a severity; nil when it says nothing (`not yet assigned`, `end-of-life`).
    static func severity(forUrgency urgency: String) -> SourcedSeverity? {
        if urgency == "end-of-life" { return nil }
        let severity = Severity(word: urgency)
        return severity == .unknown ? nil : SourcedSeverity(severity: severity, source: "debian")
    }

    /// The Debian bug URL of an issue's `debianbug` number.
    private static func bugReference(_ issue: FeedJSONValue) -> String? {
        guard let bug = issue["debianbug"]?.number, bug >= 1, bug < 1e9 else { return nil }
        return "https://bugs.debian.org/\(Int(bug))"
    }

    private static func isIssueID(_ id: String) -> Bool {
        CVEIdentifier.isValid(id) || (id.hasPrefix("TEMP-") && id.count <= 40)
    }
}
