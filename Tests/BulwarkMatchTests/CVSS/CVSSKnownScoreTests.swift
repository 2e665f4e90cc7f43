import BulwarkCore
import Testing

@testable import BulwarkMatch

/// Vectors whose scores are published in the FIRST specification and example documents or shown
/// by the official calculators (and agree with the `cvss` PyPI package).
struct CVSSKnownScoreTests {
    struct Known: Sendable, CustomTestStringConvertible {
        let vector: String
        let score: Double
        let severity: Severity
        let version: CVSSVersion
        var testDescription: String { vector }
    }

    static let known: [Known] = [
        // v2 (FIRST CVSS v2 guide examples and NVD)
        Known(vector: "AV:N/AC:L/Au:N/C:C/I:C/A:C", score: 10.0, severity: .high, version: .v2),
        Known(vector: "AV:N/AC:L/Au:N/C:N/I:N/A:C", score: 7.8, severity: .high, version: .v2),
        Known(vector: "AV:L/AC:H/Au:N/C:C/I:C/A:C", score: 6.2, severity: .medium, version: .v2),
        Known(vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", score: 7.5, severity: .high, version: .v2),
        Known(vector: "(AV:N/AC:M/Au:N/C:N/I:P/A:N)", score: 4.3, severity: .medium, version: .v2),
        Known(vector: "AV:L/AC:H/Au:M/C:P/I:N/A:N", score: 0.8, severity: .low, version: .v2),
        Known(vector: "AV:N/AC:L/Au:N/C:N/I:N/A:N", score: 0.0, severity: .low, version: .v2),
        Known(vector: "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H",
              score: 7.8, severity: .high, version: .v2),
        // v3.x (FIRST v3.1 specification examples)
        Known(vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", score: 9.8, severity: .critical, version: .v3_1),
        Known(vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", score: 10.0, severity: .critical, version: .v3_1),
        Known(vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", score: 6.1, severity: .medium, version: .v3_1),
        Known(vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", score: 7.5, severity: .high, version: .v3_1),
        Known(vector: "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", score: 1.6, severity: .low, version: .v3_1),
        Known(vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", score: 0.0, severity: .unknown, version: .v3_1),
        Known(vector: "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", score: 7.8, severity: .high, version: .v3_0),
        Known(vector: "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U/CR:L/MAV:P/MS:C",
              score: 9.8, severity: .critical, version: .v3_0),
        // v4.0 (FIRST v4.0 specification / official calculator)
        Known(vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", score: 10.0,
              severity: .critical, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score: 9.3,
              severity: .critical, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score: 8.5,
              severity: .high, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N", score: 6.9,
              severity: .medium, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", score: 7.7,
              severity: .high, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P", score: 8.9,
              severity: .high, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", score: 8.1,
              severity: .high, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S/S:P/U:Red",
              score: 10.0, severity: .critical, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", score: 1.0,
              severity: .low, version: .v4_0),
        Known(vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", score: 0.0,
              severity: .unknown, version: .v4_0),
    ]

    @Test(arguments: known)
    func scoresPublishedExample(_ example: Known) throws {
        let result = try CVSS.score(example.vector)
        #expect(result.baseScore == example.score)
        #expect(result.severity == example.severity)
        #expect(result.version == example.version)
    }

    @Test func normalizesOrderPrefixAndNotDefinedMetrics() throws {
        let v3 = try CVSS.score("  CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/E:X/RL:O/MAV:X \n")
        #expect(v3.vector == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O")
        #expect(v3.baseScore == 9.8)

        let v2 = try CVSS.score("(Au:N/AV:N/AC:L/C:P/I:P/A:P/E:ND/RC:C)")
        #expect(v2.vector == "AV:N/AC:L/Au:N/C:P/I:P/A:P/RC:C")

        let v4 = try CVSS.score("CVSS:4.0/SA:N/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/U:Clear/E:X")
        #expect(v4.vector == "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Clear")
        #expect(v4.baseScore == 9.3)
    }

    @Test func v3TemporalAndEnvironmentalMetricsDoNotChangeTheBaseScore() throws {
        let base = try CVSS.score("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N")
        let full = try CVSS.score(
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N/E:U/RL:O/RC:U/CR:L/IR:L/AR:L/MAV:P/MAC:H/MPR:H/MUI:R/MS:U/MC:N/MI:N/MA:N"
        )
        #expect(base.baseScore == 8.5)
        #expect(full.baseScore == base.baseScore)
    }

    @Test func v4EnvironmentalMetricsTakePartInTheScore() throws {
        let base = try CVSS.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
        let modified = try CVSS.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:P/CR:L/IR:L/AR:L")
        #expect(modified.baseScore < base.baseScore)
    }

    @Test func v3RoundupFunctions() {
        #expect(CVSSv3Calculator.roundUp30(4.02) == 4.1)
        #expect(CVSSv3Calculator.roundUp30(4.0) == 4.0)
        #expect(CVSSv3Calculator.roundUp31(4.02) == 4.1)
        #expect(CVSSv3Calculator.roundUp31(4.0) == 4.0)
        // The float noise the v3.1 Roundup exists for: ceil would give 4.1.
        #expect(CVSSv3Calculator.roundUp31(4.000_000_000_000_001) == 4.0)
        #expect(CVSSv3Calculator.roundUp30(4.000_000_000_000_001) == 4.1)
    }

    @Test func macroVectorTableHoldsAll270Scores() {
        let present = CVSSv4MacroVectorTable.scoresInTenths.filter { $0 != 0 }
        #expect(present.count == 270)
        #expect(CVSSv4MacroVectorTable.score(0, 0, 0, 0, 0, 0) == 10.0)
        #expect(CVSSv4MacroVectorTable.score(2, 1, 2, 2, 2, 1) == 0.1)
        #expect(CVSSv4MacroVectorTable.score(0, 0, 2, 0, 0, 0) == nil)
        #expect(CVSSv4MacroVectorTable.score(3, 0, 0, 0, 0, 0) == nil)
    }
}
