/// One Alpine secdb file (one release and repository) in a neutral form, read from either the JSON
/// (`secdb.alpinelinux.org`) or the old YAML (`alpine-secdb` repository, v3.3–v3.11) representation.
struct AlpineSecDBDocument {
    /// One `secfixes` entry: the fixed version and the id strings listed under it, as written.
    struct SecurityFix {
        var fixedVersion: String
        var entries: [String]
    }

    /// One package (the apk origin) and its fixes.
    struct Package {
        var name: String
        var fixes: [SecurityFix]
    }

    /// `distroversion` as written (`v3.19`, `edge`).
    var distroVersion: String?
    /// `reponame` (`main`, `community`).
    var repository: String?
    var packages: [Package] = []
}
