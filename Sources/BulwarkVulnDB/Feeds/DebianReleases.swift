/// Debian release codenames as the security tracker names them, and their version numbers.
public enum DebianReleases {
    /// Codename → major version. `sid` (unstable) has no number and is not listed.
    public static let versionByCodename: [String: String] = [
        "wheezy": "7", "jessie": "8", "stretch": "9", "buster": "10", "bullseye": "11",
        "bookworm": "12", "trixie": "13", "forky": "14", "duke": "15",
    ]

    /// The ecosystem key (`debian:12`) for a tracker release name; nil for `sid`/`experimental` and unknown names.
    public static func ecosystemKey(forCodename codename: String) -> String? {
        versionByCodename[codename.lowercased()].map { "debian:" + $0 }
    }
}
