import BulwarkCore
import BulwarkVulnDB
import Testing

@Suite("Debian security tracker importer")
struct DebianTrackerImporterTests {
    @Test("real tracker sample: fixed, open/unimportant, 0 = not affected, sid skipped", .enabled(if: FeedFixtures.available))
    func realSample() throws {
        let bytes = try #require(FeedFixtures.bytes(FeedFixtures.vulnfeeds + "/debian/debian_security_tracker_mock.json"))
        let sink = CollectingImportSink()
        try DebianTrackerImporter.parse(bytes, label: "debian.json", into: sink)
        // CVE-2014-1424 is "resolved 0" everywhere: never affected, no advisory.
        #expect(sink.advisories.map(\.id) == ["CVE-2016-1585", "CVE-2017-6507"])

        let open = try #require(sink.advisory("CVE-2016-1585"))
        #expect(open.source == "debian-tracker")
        #expect(open.aliases.isEmpty)
        #expect(open.details == "In all versions of AppArmor mount rules are accidentally widened when compiled.")
        #expect(open.references.contains("https://bugs.debian.org/929990"))
        let negligible = SourcedSeverity(severity: .negligible, source: "debian")
        #expect(open.affected == [
            AffectedPackage(ecosystem: "debian:12", name: "apparmor", ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0")])], state: .affected, severity: negligible),
            AffectedPackage(ecosystem: "debian:11", name: "apparmor", ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0")])], state: .affected, severity: negligible),
            AffectedPackage(ecosystem: "debian:10", name: "apparmor", ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0")])], state: .affected, severity: negligible),
            AffectedPackage(ecosystem: "debian:13", name: "apparmor", ranges: [AffectedRange(type: "ECOSYSTEM", events: [.introduced("0"), .fixed("3.0.12-1")])], state: .fixed, severity: negligible),
        ])

        let fixed = try #require(sink.advisory("CVE-2017-6507"))
        #expect(fixed.affected.count == 4)
        #expect(fixed.affected.allSatisfy { $0.state == .fixed && $0.severity == nil && $0.ranges.first?.fixedVersions == ["2.11.0-3"] })
        #expect(sink.statistics.malformed == 0)
    }

    @Test("nodsa reasons, end-of-life, urgencies, one CVE across packages, unknown codenames, bad records")
    func states() throws {
        let json = """
        {
          "openssl": {
            "CVE-2024-0001": {"description": "d1", "releases": {
              "bookworm": {"status": "open", "urgency": "low**", "nodsa": "Minor issue", "nodsa_reason": "ignored"},
              "bullseye": {"status": "open", "urgency": "medium", "nodsa": "Minor", "nodsa_reason": "postponed"},
              "buster": {"status": "open", "urgency": "end-of-life"},
              "forky": {"status": "undetermined", "urgency": "not yet assigned"},
              "zeta": {"status": "open", "urgency": "high"},
              "sid": {"status": "open", "urgency": "high"}}},
            "TEMP-0000000-ABCDEF": {"releases": {"bookworm": {"status": "open", "urgency": "unimportant"}}},
            "NOT-AN-ID": {"releases": {}},
            "CVE-2024-0003": {"releases": {"bookworm": {"status": "resolved"}, "trixie": {"status": "weird"}, "bullseye": 7}}
          },
          "openssl1.1": {
            "CVE-2024-0001": {"releases": {"bullseye": {"status": "resolved", "fixed_version": "1.1.1w-0+deb11u2", "urgency": "high"}}}
          },
          "broken": "x"
        }
        """
        let sink = CollectingImportSink()
        try DebianTrackerImporter.parse(Array(text: json), label: "tracker.json", into: sink)
        let advisory = try #require(sink.advisory("CVE-2024-0001"))
        let states = Dictionary(uniqueKeysWithValues: advisory.affected.map { ("\($0.name)@\($0.ecosystem)", $0) })
        #expect(states["openssl@debian:12"]?.state == .willNotFix)
        #expect(states["openssl@debian:12"]?.severity == SourcedSeverity(severity: .low, source: "debian"))
        #expect(states["openssl@debian:11"]?.state == .fixDeferred)
        #expect(states["openssl@debian:11"]?.severity?.severity == .medium)
        #expect(states["openssl@debian:10"]?.state == .endOfLife)
        #expect(states["openssl@debian:10"]?.severity == nil)
        #expect(states["openssl@debian:14"]?.state == .affected)
        #expect(states["openssl@debian:14"]?.severity == nil)
        #expect(states["openssl1.1@debian:11"]?.ranges.first?.fixedVersions == ["1.1.1w-0+deb11u2"])
        #expect(advisory.affected.count == 5)
        #expect(sink.statistics.unknownEcosystems == ["debian:zeta": 1])
        #expect(sink.advisory("TEMP-0000000-ABCDEF")?.affected.first?.severity?.severity == .negligible)
        #expect(sink.advisory("CVE-2024-0003") == nil)
        // NOT-AN-ID, resolved without fixed_version, unknown status, release not an object, package not an object
        #expect(sink.statistics.malformed == 5)
    }

    @Test("not a tracker dump throws one error naming the file", arguments: ["[]", "{\"a\": {\"b\": 1}}", "nope", "{\"vulnerabilities\": []}"])
    func notTracker(text: String) {
        #expect { try DebianTrackerImporter.parse(Array(text: text), label: "dump.json", into: CollectingImportSink()) } throws: { error in
            (error as? BulwarkError)?.message.hasPrefix("dump.json: ") == true
        }
    }
}
