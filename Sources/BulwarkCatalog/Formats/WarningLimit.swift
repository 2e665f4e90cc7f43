/// Keeps the warnings of one file to a readable number, so a garbage file yields a few lines, not millions.
public enum WarningLimit {
    /// How many warnings one file may contribute.
    public static let perFile = 20

    /// The first ``perFile`` warnings plus one line counting the rest.
    public static func capped(_ warnings: [String], path: String) -> [String] {
        guard warnings.count > perFile else { return warnings }
        return Array(warnings.prefix(perFile)) + ["\(path): \(warnings.count - perFile) more problems not shown"]
    }
}
