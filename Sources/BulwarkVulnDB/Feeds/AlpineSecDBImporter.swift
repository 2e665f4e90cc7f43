import BulwarkCore

/// Imports Alpine secdb files (`https://secdb.alpinelinux.org/<release>/<repo>.json`, and the old
/// YAML form of v3.3–v3.11) as advisories with source `alpine-secdb`.
///
/// Decisions:
/// - One file holds one release and repository, and the sink replaces advisories by id, so each
///   vulnerability becomes one advisory **per file**: id `ALPINE-<release>-<repo>-<vuln id>`
///   (`ALPINE-3.19-main-CVE-2023-5678`), aliases the CVE (first) and any other ids written beside it
///   (`XSA-214`, `TALOS-2017-0499`), one ``AffectedPackage`` per package fixing it.
/// - Ecosystem `alpine:<major.minor>` (`v3.19` → `alpine:3.19`, `edge` → `alpine:edge`); name = the
///   package as secdb lists it (the apk origin / source package).
/// - Each fixed version is an `ECOSYSTEM` range `introduced 0, fixed <version>` (several fixed
///   versions for one package and id give several ranges: affected below the highest).
/// - A fixed version of `"0"` means the package in this release was never affected (Alpine uses it
///   to mark CVEs that do not apply; Trivy and Grype drop them too): no advisory is produced.
/// - An entry holds one or more whitespace-separated ids (`CVE-2017-8904 XSA-214`, `CVE-2019-15167 (VRRP)`).
///   The first CVE id (its canonical prefix: `CVE-2017-17434-1` → `CVE-2017-17434`) is the
///   vulnerability; without a CVE, the first advisory-looking id (`XSA-207`) is. Entries with no id at
///   all (`CVE_2019-2426`) are counted as malformed.
public enum AlpineSecDBImporter {
    /// The `source` of the advisories this importer produces.
    public static let source = "alpine-secdb"

    /// Parses one secdb file (JSON or YAML) into `sink`.
    public static func parse(_ bytes: [UInt8], label: String, into sink: any ImportSink) throws(BulwarkError) {
        let document = try read(bytes, label: label, sink: sink)
        guard let distroVersion = document.distroVersion, let release = releaseKey(distroVersion) else {
            throw BulwarkError.invalid(label, "not an Alpine secdb file (no usable distroversion)")
        }
        let ecosystem = "alpine:" + release
        let repository = document.repository.flatMap { $0.isEmpty ? nil : $0 } ?? "main"

        // vulnerability id → (aliases in order, affected packages keyed by name, in first-seen order)
        var order: [String] = []
        var aliasesByID: [String: [String]] = [:]
        var affectedByID: [String: [AffectedPackage]] = [:]

        for package in document.packages {
            for fix in package.fixes {
                let fixedVersion = fix.fixedVersion.feedTrimmed()
                guard !fixedVersion.isEmpty else {
                    sink.statistics.recordMalformed("\(label): package \(package.name): empty fixed version")
                    continue
                }
                for entry in fix.entries {
                    guard let ids = identifiers(in: entry) else {
                        sink.statistics.recordMalformed("\(label): package \(package.name): no vulnerability id in '\(entry.prefix(80))'")
                        continue
                    }
                    if fixedVersion == "0" { continue }  // not affected in this release
                    if affectedByID[ids.primary] == nil {
                        order.append(ids.primary)
                        aliasesByID[ids.primary] = []
                        affectedByID[ids.primary] = []
                    }
                    for alias in ids.aliases where !(aliasesByID[ids.primary]?.contains(alias) ?? false) {
                        aliasesByID[ids.primary]?.append(alias)
                    }
                    let range = AffectedRange(type: "ECOSYSTEM", events: [.introduced("0"), .fixed(fixedVersion)])
                    if let index = affectedByID[ids.primary]?.firstIndex(where: { $0.name == package.name }) {
                        if !(affectedByID[ids.primary]?[index].ranges.contains(range) ?? true) {
                            affectedByID[ids.primary]?[index].ranges.append(range)
                        }
                    } else {
                        affectedByID[ids.primary]?.append(
                            AffectedPackage(ecosystem: ecosystem, name: package.name, ranges: [range], state: .fixed))
                    }
                }
            }
        }

        for id in order {
            let aliases = aliasesByID[id] ?? []
            let references = ([id] + aliases).filter { CVEIdentifier.isValid($0) }
                .map { "https://security.alpinelinux.org/vuln/" + $0 }
            let advisory = Advisory(
                id: "ALPINE-\(release)-\(repository)-\(id)", aliases: aliasOrder(id, aliases), references: references,
                source: source, affected: affectedByID[id] ?? [])
            try sink.add(advisory)
        }
    }

    /// The ecosystem release for a `distroversion`: `v3.19` → `3.19`, `v3.19.1` → `3.19`, `edge` → `edge`.
    static func releaseKey(_ distroVersion: String) -> String? {
        var text = distroVersion.feedTrimmed()
        if text.hasPrefix("v") { text.removeFirst() }
        if text == "edge" { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.prefix(2).allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        return parts.prefix(2).joined(separator: ".")
    }

    /// The vulnerability id and the other ids in one secfixes entry; nil when it names none.
    static func identifiers(in entry: String) -> (primary: String, aliases: [String])? {
        var cves: [String] = []
        var others: [String] = []
        for token in entry.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            if let cve = CVEIdentifier.canonicalPrefix(of: token) {
                if !cves.contains(cve) { cves.append(cve) }
            } else if looksLikeAdvisoryID(token) {
                let id = String(token)
                if !others.contains(id) { others.append(id) }
            }
        }
        if let primary = cves.first { return (primary, Array(cves.dropFirst()) + others) }
        if let primary = others.first { return (primary, Array(others.dropFirst())) }
        return nil
    }

    /// `XSA-214`, `TALOS-2017-0499`, `GHSA-xxxx-xxxx-xxxx`: upper-case letters, a dash, then letters, digits and dashes.
    private static func looksLikeAdvisoryID(_ token: Substring) -> Bool {
        guard token.count <= 64, let dash = token.firstIndex(of: "-"), dash > token.startIndex else { return false }
        let head = token[..<dash]
        let tail = token[token.index(after: dash)...]
        return head.allSatisfy { $0.isASCII && $0.isUppercase } && !tail.isEmpty
            && tail.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } && tail.contains(where: \.isNumber)
    }

    /// CVE ids first, then the rest, as ``Advisory/aliases`` documents.
    private static func aliasOrder(_ id: String, _ aliases: [String]) -> [String] {
        let all = [id] + aliases
        return all.filter { CVEIdentifier.isValid($0) } + all.filter { !CVEIdentifier.isValid($0) }
    }

    private static func read(_ bytes: [UInt8], label: String, sink: any ImportSink) throws(BulwarkError) -> AlpineSecDBDocument {
        let firstByte = bytes.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") || bytes.starts(with: [0x1F, 0x8B]) {
            return try readJSON(bytes, label: label, sink: sink)
        }
        let document = AlpineSecDBYAMLReader.read(bytes) { reason in sink.statistics.recordMalformed("\(label): \(reason)") }
        if document.distroVersion == nil {
            throw BulwarkError.invalid(label, "not an Alpine secdb file (neither JSON nor secdb YAML with a distroversion)")
        }
        return document
    }

    private static func readJSON(_ bytes: [UInt8], label: String, sink: any ImportSink) throws(BulwarkError) -> AlpineSecDBDocument {
        let root = try FeedJSONReader.parse(bytes, label: label, feed: "Alpine secdb")
        guard let packages = root["packages"]?.array else {
            throw BulwarkError.invalid(label, "not an Alpine secdb file (no 'packages' list)")
        }
        var document = AlpineSecDBDocument(distroVersion: root["distroversion"]?.string, repository: root["reponame"]?.string)
        for (index, element) in packages.enumerated() {
            guard let package = element["pkg"], let name = package["name"]?.nonEmptyString else {
                sink.statistics.recordMalformed("\(label): packages[\(index)] has no pkg.name")
                continue
            }
            guard let secfixes = package["secfixes"]?.members else {
                if let value = package["secfixes"], case .null = value {} else if package["secfixes"] != nil {
                    sink.statistics.recordMalformed("\(label): \(name): secfixes is not an object")
                }
                continue
            }
            var fixes: [AlpineSecDBDocument.SecurityFix] = []
            for (version, value) in secfixes {
                guard let list = value.array else {
                    sink.statistics.recordMalformed("\(label): \(name) \(version): ids are not a list")
                    continue
                }
                var entries: [String] = []
                for item in list {
                    if let text = item.string { entries.append(text) }
                    else { sink.statistics.recordMalformed("\(label): \(name) \(version): id is not a string") }
                }
                fixes.append(AlpineSecDBDocument.SecurityFix(fixedVersion: version, entries: entries))
            }
            document.packages.append(AlpineSecDBDocument.Package(name: name, fixes: fixes))
        }
        return document
    }
}
