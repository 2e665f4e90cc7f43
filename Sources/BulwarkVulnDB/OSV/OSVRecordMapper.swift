import BulwarkCore

/// Turns one parsed OSV record (schema 1.6) into an ``Advisory``. Unknown ecosystems are dropped
/// from `affected` and reported; anything of the wrong type makes the whole record malformed.
struct OSVRecordMapper {
    /// A record that cannot be used, with the reason.
    struct Malformed: Error {
        var reason: String
    }

    /// What mapping one record produced.
    struct Mapped: Sendable {
        var advisory: Advisory
        /// OSV ecosystem names skipped, one element per affected entry.
        var unknownEcosystems: [String]
    }

    /// Maps `record`.
    static func map(_ record: JSONValue) throws(Malformed) -> Mapped {
        guard case .object = record else { throw Malformed(reason: "record is not a JSON object") }
        guard let id = try string(record, "id"), !id.isEmpty else { throw Malformed(reason: "missing id") }
        let source = "osv"
        var advisory = Advisory(id: id, source: source)
        advisory.modified = try string(record, "modified")
        advisory.published = try string(record, "published")
        advisory.withdrawn = try string(record, "withdrawn")
        advisory.summary = try string(record, "summary")
        advisory.details = try string(record, "details")
        advisory.related = try strings(record, "related")
        advisory.aliases = orderedAliases(try strings(record, "aliases") + strings(record, "upstream"), excluding: id)
        let publisher = publisherName(of: id)
        advisory.vectors = try severityVectors(record["severity"], publisher: publisher, field: "severity")
        if let databaseSpecific = record["database_specific"], let word = databaseSpecific["severity"]?.string {
            let severity = Severity(word: word)
            if severity != .unknown { advisory.rating = SourcedSeverity(severity: severity, source: publisher) }
        }
        if advisory.rating == nil, let word = advisory.vectors.first(where: { $0.type.lowercased() == "ubuntu" })?.vector {
            let severity = Severity(word: word)
            if severity != .unknown { advisory.rating = SourcedSeverity(severity: severity, source: "ubuntu") }
        }
        advisory.references = try references(record["references"])
        var unknown: [String] = []
        if let affected = record["affected"], !affected.isNull {
            guard case .array(let entries) = affected else { throw Malformed(reason: "affected is not an array") }
            for entry in entries {
                guard case .object = entry else { throw Malformed(reason: "affected entry is not an object") }
                guard let package = entry["package"], !package.isNull else { continue }
                guard case .object = package else { throw Malformed(reason: "affected.package is not an object") }
                let ecosystemName = try string(package, "ecosystem") ?? ""
                let name = try string(package, "name") ?? ""
                guard let ecosystem = EcosystemKey.fromOSV(ecosystemName) else {
                    unknown.append(ecosystemName)
                    continue
                }
                guard !name.isEmpty else { throw Malformed(reason: "affected.package.name is missing") }
                var mapped = AffectedPackage(ecosystem: ecosystem, name: EcosystemKey.normalizeName(name, ecosystem: ecosystem))
                mapped.ranges = try ranges(entry["ranges"])
                mapped.versions = try strings(entry, "versions")
                mapped.severity = try packageSeverity(entry, publisher: publisher)
                advisory.affected.append(mapped)
            }
        }
        return Mapped(advisory: advisory, unknownEcosystems: unknown)
    }

    /// Aliases deduplicated, the record's own id removed, CVE ids first (otherwise in order).
    private static func orderedAliases(_ aliases: [String], excluding id: String) -> [String] {
        var seen: Set<String> = [id]
        let unique = aliases.filter { !$0.isEmpty && seen.insert($0).inserted }
        return unique.filter { $0.hasPrefix("CVE-") } + unique.filter { !$0.hasPrefix("CVE-") }
    }

    /// Who published a record, from its id prefix (`GHSA-…` → `ghsa`, `DSA-…` → `debian`…).
    static func publisherName(of id: String) -> String {
        let prefix = id.prefix { $0 != "-" }.uppercased()
        switch prefix {
        case "GHSA": return "ghsa"
        case "DSA", "DLA", "DTSA", "DEBIAN": return "debian"
        case "USN", "UBUNTU", "LSN": return "ubuntu"
        case "ALPINE": return "alpine"
        case "ALSA", "ALBA", "ALEA": return "almalinux"
        case "RLSA", "RXSA": return "rocky"
        case "RHSA", "RHBA", "RHEA": return "redhat"
        case "SUSE", "OPENSUSE": return "suse"
        case "PYSEC": return "pysec"
        case "RUSTSEC": return "rustsec"
        case "GO": return "go"
        case "CGA": return "chainguard"
        default: return "osv"
        }
    }

    private static func string(_ object: JSONValue, _ key: String) throws(Malformed) -> String? {
        guard let value = object[key] else { return nil }
        switch value {
        case .string(let text): return text
        case .null: return nil
        default: throw Malformed(reason: "\(key) is not a string")
        }
    }

    private static func strings(_ object: JSONValue, _ key: String) throws(Malformed) -> [String] {
        guard let value = object[key] else { return [] }
        switch value {
        case .null: return []
        case .array(let elements):
            var list: [String] = []
            list.reserveCapacity(elements.count)
            for element in elements {
                guard case .string(let text) = element else { throw Malformed(reason: "\(key) holds a non-string") }
                list.append(text)
            }
            return list
        default: throw Malformed(reason: "\(key) is not an array")
        }
    }

    private static func severityVectors(_ value: JSONValue?, publisher: String, field: String) throws(Malformed) -> [SeverityVector] {
        guard let value, !value.isNull else { return [] }
        guard case .array(let elements) = value else { throw Malformed(reason: "\(field) is not an array") }
        var vectors: [SeverityVector] = []
        for element in elements {
            guard case .object = element else { throw Malformed(reason: "\(field) entry is not an object") }
            guard let type = try string(element, "type"), let score = try string(element, "score") else {
                throw Malformed(reason: "\(field) entry lacks type or score")
            }
            vectors.append(SeverityVector(type: type, vector: score, source: publisher))
        }
        return vectors
    }

    private static func references(_ value: JSONValue?) throws(Malformed) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard case .array(let elements) = value else { throw Malformed(reason: "references is not an array") }
        var urls: [String] = []
        urls.reserveCapacity(elements.count)
        for element in elements {
            guard case .object = element else { throw Malformed(reason: "references entry is not an object") }
            if let url = try string(element, "url") { urls.append(url) }
        }
        return urls
    }

    private static func ranges(_ value: JSONValue?) throws(Malformed) -> [AffectedRange] {
        guard let value, !value.isNull else { return [] }
        guard case .array(let elements) = value else { throw Malformed(reason: "ranges is not an array") }
        var ranges: [AffectedRange] = []
        ranges.reserveCapacity(elements.count)
        for element in elements {
            guard case .object = element else { throw Malformed(reason: "range is not an object") }
            guard let type = try string(element, "type") else { throw Malformed(reason: "range lacks a type") }
            guard case .array(let events)? = element["events"] else { throw Malformed(reason: "range events is not an array") }
            var mapped: [RangeEvent] = []
            mapped.reserveCapacity(events.count)
            for event in events {
                guard case .object(let members) = event else { throw Malformed(reason: "range event is not an object") }
                for member in members {
                    guard case .string(let version) = member.value else {
                        throw Malformed(reason: "range event \(member.key) is not a string")
                    }
                    switch member.key {
                    case "introduced": mapped.append(.introduced(version))
                    case "fixed": mapped.append(.fixed(version))
                    case "last_affected": mapped.append(.lastAffected(version))
                    case "limit": mapped.append(.limit(version))
                    default: break
                    }
                }
            }
            ranges.append(AffectedRange(type: type, events: mapped))
        }
        return ranges
    }

    /// A package's own rating: OSV 1.6 `affected[].severity` (Ubuntu priority words), Debian
    /// `urgency`, or a `severity` word in `ecosystem_specific` / `database_specific`.
    private static func packageSeverity(_ entry: JSONValue, publisher: String) throws(Malformed) -> SourcedSeverity? {
        for vector in try severityVectors(entry["severity"], publisher: publisher, field: "affected.severity") {
            let severity = Severity(word: vector.vector)
            if severity != .unknown { return SourcedSeverity(severity: severity, source: vector.type.lowercased() == "ubuntu" ? "ubuntu" : publisher) }
        }
        for container in ["ecosystem_specific", "database_specific"] {
            guard let specific = entry[container] else { continue }
            for key in ["urgency", "ubuntu_priority", "priority", "severity"] {
                guard let word = specific[key]?.string else { continue }
                let severity = Severity(word: word)
                if severity != .unknown {
                    let source = key == "urgency" ? "debian" : key.hasPrefix("ubuntu") ? "ubuntu" : publisher
                    return SourcedSeverity(severity: severity, source: source)
                }
            }
        }
        return nil
    }
}
