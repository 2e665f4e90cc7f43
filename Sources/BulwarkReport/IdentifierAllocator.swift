/// Hands out identifiers that are unique within one document (CycloneDX `bom-ref`, SPDX `SPDXID`,
/// `LicenseRef-`): a wanted id that is taken gets `-2`, `-3`… appended.
struct IdentifierAllocator {
    private var taken: Set<String> = []
    private let caseInsensitive: Bool

    /// Creates an allocator; `caseInsensitive` treats ids differing only in case as the same.
    init(caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
    }

    /// Whether `id` has been handed out already.
    func isTaken(_ id: String) -> Bool {
        taken.contains(normalized(id))
    }

    /// Reserves and returns `wanted`, or the first free `wanted-N` (N ≥ 2).
    mutating func allocate(_ wanted: String) -> String {
        var candidate = wanted
        var counter = 2
        while isTaken(candidate) {
            candidate = "\(wanted)-\(counter)"
            counter += 1
        }
        taken.insert(normalized(candidate))
        return candidate
    }

    private func normalized(_ id: String) -> String {
        caseInsensitive ? id.lowercased() : id
    }
}

/// Reduces free text to an SPDX `idstring` (letters, digits, `.` and `-`).
enum IDString {
    /// `text` with every other character replaced by `-`, runs of `-` collapsed, ends trimmed, cut to
    /// `maxLength` characters (a short hash of the full text keeps cut ids distinct); `fallback` if empty.
    static func sanitize(_ text: String, maxLength: Int = 64, fallback: String = "unknown") -> String {
        var out = ""
        var lastWasDash = false
        for scalar in text.unicodeScalars {
            let keep =
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == ".")
            if keep {
                out.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                out.append("-")
                lastWasDash = true
            }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        if out.isEmpty { return fallback }
        if out.count > maxLength {
            let hash = String(SHA1.hexDigest(Array(text.utf8)).prefix(8))
            out = String(out.prefix(max(1, maxLength - 9))) + "-" + hash
        }
        return out
    }
}
