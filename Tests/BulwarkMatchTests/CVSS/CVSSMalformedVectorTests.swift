import BulwarkCore
import Testing

@testable import BulwarkMatch

/// Malformed vectors must throw `BulwarkError(.invalidInput)` naming the vector, never crash.
struct CVSSMalformedVectorTests {
    static let malformed: [String] = [
        "",
        "   ",
        "CVSS:3.1/",
        "CVSS:3.1",
        "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C",
        "CVSS:5.0/AV:N",
        "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",  // v3 metrics without prefix
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y",  // unknown metric
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N",  // duplicate metric
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",  // missing A
        "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",  // bad value
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",  // trailing slash
        "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",  // empty field
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:H",
        "CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.1/:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z",
        "AV:N/AC:L/Au:N/C:C/I:C",  // v2 missing A
        "AV:N/AC:L/Au:N/C:C/I:C/A:C/A:C",  // v2 duplicate
        "AV:N/AC:L/Au:X/C:C/I:C/A:C",  // v2 bad value
        "(AV:N/AC:L/Au:N/C:C/I:C/A:C",  // unbalanced
        "AV:N/AC:L/Au:N/C:C/I:C/A:C)",
        "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:X",  // v2 not-defined is ND, not X
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",  // missing SA
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N",  // S only for MSI
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Purple",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Clearly",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:C",  // v3 S value in v4
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/SA:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AVERYLONGMETRICNAME:N",
        "CVSS:4.0/AV:N\0/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Ĥ",
        "CVSS:3.1/AV:N AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "🙂",
    ]

    @Test(arguments: malformed)
    func rejectsMalformedVector(_ vector: String) {
        let error = #expect(throws: BulwarkError.self) { try CVSS.score(vector) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("CVSS vector") == true)
    }

    @Test func errorMessageNamesTheVectorAndTheProblem() {
        let cases: [(vector: String, problem: String)] = [
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y", "unknown metric XX"),
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N", "duplicate metric AV"),
            ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H", "missing required metric(s) I, A"),
            ("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid value Q for metric AV"),
            ("CVSS:3.2/AV:N", "unsupported CVSS version prefix CVSS:3.2"),
            ("", "empty CVSS vector"),
        ]
        for (vector, problem) in cases {
            do {
                _ = try CVSS.score(vector)
                Issue.record("\(vector) was accepted")
            } catch {
                #expect(error.message.contains(problem), "\(error.message)")
                #expect(error.message.contains("\"\(vector)\""), "\(error.message)")
            }
        }
    }

    @Test func hugeGarbageIsRejectedQuicklyWithAShortMessage() {
        var generator = CVSSSplitMix64(seed: 42)
        let alphabet = Array("AVCSN:/.()0123456789 Hx\u{0}é")
        let garbage = String((0..<10_240).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        let long = "CVSS:3.1/" + String(repeating: "AV:N/", count: 2_000)
        for vector in [garbage, long, String(repeating: "A", count: 10_240)] {
            do {
                _ = try CVSS.score(vector)
                Issue.record("garbage accepted")
            } catch {
                #expect(error.code == .invalidInput)
                #expect(error.message.utf8.count < 300)
            }
        }
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = CVSSSplitMix64(seed: 7)
        let pieces = ["CVSS:", "3.1", "4.0", "/", ":", "AV", "N", "MSI", "S", "X", "ND", "(", ")", "A", "H", "E", "U", "Clear", "", " "]
        var accepted = 0
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 24)
            let vector = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            if let score = try? CVSS.score(vector) {
                accepted += 1
                #expect((0...10).contains(score.baseScore))
            }
        }
        #expect(accepted < 20_000)
    }
}
