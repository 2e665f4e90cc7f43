/// The parts of a Debian version string `[epoch:]upstream[-revision]`.
struct DebianVersion {
    var epoch: Int?
    var upstream: String
    var revision: String?

    init(_ text: String) {
        var rest = Substring(text)
        if let colon = rest.firstIndex(of: ":"), let value = Int(rest[..<colon]) {
            epoch = value
            rest = rest[rest.index(after: colon)...]
        }
        if let dash = rest.lastIndex(of: "-") {
            upstream = String(rest[..<dash])
            revision = String(rest[rest.index(after: dash)...])
        } else {
            upstream = String(rest)
        }
    }
}
