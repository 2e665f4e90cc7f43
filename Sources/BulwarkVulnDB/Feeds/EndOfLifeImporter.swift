import BulwarkCore
import Foundation

/// Reads endoflife.date's release-cycle JSON for one OS product (`https://endoflife.date/api/debian.json`:
/// `[{"cycle": "12", "eol": "2026-06-10", "extendedSupport": "2028-06-30", …}]`).
///
/// The product comes from the label (the source name `eol-debian` or the file name `debian.json`).
/// `eol` may be a date or a boolean; `true` without a date cannot be placed in time and is skipped.
/// For Debian the free LTS program's end (`extendedSupport`) is the last day of fixes; other vendors'
/// extended support is paid (Ubuntu ESM, RHEL ELS), so their `eol` stands.
public enum EndOfLifeImporter {
    /// Products of endoflife.date and the family names Bulwark's OS detection uses.
    static let families = [
        "debian": "debian", "ubuntu": "ubuntu", "alpine": "alpine", "alpine-linux": "alpine", "alpinelinux": "alpine",
        "rhel": "rhel", "redhat": "rhel", "centos": "centos", "rocky-linux": "rocky-linux", "rockylinux": "rocky-linux",
        "almalinux": "almalinux", "amazon-linux": "amazon-linux", "amazonlinux": "amazon-linux", "opensuse": "opensuse",
        "wolfi": "wolfi", "fedora": "fedora", "sles": "sles", "oracle-linux": "oracle-linux", "photon": "photon",
    ]

    /// The OS family a label names, or nil.
    static func family(fromLabel label: String) -> String? {
        var name = (label.split(separator: "/").last.map(String.init) ?? label).lowercased()
        for suffix in [".json.gz", ".json"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        if name.hasPrefix("eol-") { name = String(name.dropFirst(4)) }
        return families[name]
    }

    /// Parses `bytes` into end-of-life entries.
    public static func parse(_ bytes: [UInt8], label: String, into sink: any ImportSink) throws(BulwarkError) {
        guard let family = family(fromLabel: label) else {
            throw BulwarkError.invalid(label, "an endoflife.date file must be named after its product (debian.json, ubuntu.json, alpine-linux.json…) or come from an eol-<product> source")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw BulwarkError.invalid(label, "not JSON: \(error.localizedDescription)")
        }
        guard let cycles = parsed as? [Any] else { throw BulwarkError.invalid(label, "expected a JSON array of release cycles") }
        for (index, item) in cycles.enumerated() {
            guard let object = item as? [String: Any] else {
                sink.statistics.recordMalformed("\(label): cycle \(index): not an object")
                continue
            }
            let cycle = (object["cycle"] as? String) ?? (object["cycle"] as? NSNumber)?.stringValue
            guard let cycle, !cycle.isEmpty, cycle.count < 40 else {
                sink.statistics.recordMalformed("\(label): cycle \(index): no cycle")
                continue
            }
            var date = object["eol"] as? String
            if family == "debian", let extended = object["extendedSupport"] as? String, extended > (date ?? "") { date = extended }
            guard let date else { continue }  // false: still supported, no date yet; true: date unknown
            guard EndOfLifeTable.day(date) != nil else {
                sink.statistics.recordMalformed("\(label): cycle \(cycle): eol '\(date.prefix(40))' is not a yyyy-MM-dd date")
                continue
            }
            try sink.addEndOfLife(EndOfLifeEntry(family: family, cycle: cycle, date: date, source: "endoflife.date"))
        }
    }
}
