/// Splits an archive file name such as `commons-lang3-3.12.0.jar` into an artifact name and a
/// version: the version starts after the last `-` that is followed by a digit
/// (`log4j-1.2-api-2.19.0.jar` → `log4j-1.2-api` / `2.19.0`; `guava-31.1-jre.jar` → `guava` / `31.1-jre`).
public enum JavaArtifactName {
    /// The name and version in `fileName` (a base name with or without extension); nil when it has no version.
    public static func split(_ fileName: String) -> (name: String, version: String)? {
        var base = Substring(fileName)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), JavaArchiveKind.isArchiveExtension(base[base.index(after: dot)...]) {
            base = base[..<dot]
        }
        let characters = Array(base)
        var index = characters.count - 2
        while index >= 1 {
            if characters[index] == "-", characters[index + 1].isASCII, characters[index + 1].isNumber {
                return (String(characters[..<index]), String(characters[(index + 1)...]))
            }
            index -= 1
        }
        return nil
    }
}

/// The Java archive extensions Bulwark opens.
public enum JavaArchiveKind {
    /// Whether `ext` (without the dot) is `jar`, `war`, `ear`, `par`, `jpi` or `hpi`, case-insensitively.
    public static func isArchiveExtension(_ ext: Substring) -> Bool {
        guard ext.utf8.count == 3 else { return false }
        switch ext.lowercased() {
        case "jar", "war", "ear", "par", "jpi", "hpi": return true
        default: return false
        }
    }

    /// Whether `path` ends in one of the archive extensions — byte comparisons only, no allocation.
    public static func hasArchiveExtension(_ path: String) -> Bool {
        let utf8 = path.utf8
        guard utf8.count >= 5 else { return false }
        var iterator = utf8.suffix(4).makeIterator()
        guard iterator.next() == 0x2E, let a = iterator.next(), let b = iterator.next(), let c = iterator.next() else { return false }
        let lower = (a | 0x20, b | 0x20, c | 0x20)
        switch lower {
        case (0x6A, 0x61, 0x72), (0x77, 0x61, 0x72), (0x65, 0x61, 0x72), (0x70, 0x61, 0x72), (0x6A, 0x70, 0x69), (0x68, 0x70, 0x69):
            return true
        default:
            return false
        }
    }
}
