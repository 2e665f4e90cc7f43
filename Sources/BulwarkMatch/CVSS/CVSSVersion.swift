/// A version of the Common Vulnerability Scoring System whose vectors Bulwark can score.
public enum CVSSVersion: String, Sendable, Hashable, CaseIterable {
    /// CVSS v2 (vectors without a prefix, e.g. `AV:N/AC:L/Au:N/C:P/I:P/A:P`).
    case v2 = "2.0"
    /// CVSS v3.0 (`CVSS:3.0/…`).
    case v3_0 = "3.0"
    /// CVSS v3.1 (`CVSS:3.1/…`).
    case v3_1 = "3.1"
    /// CVSS v4.0 (`CVSS:4.0/…`).
    case v4_0 = "4.0"
}
