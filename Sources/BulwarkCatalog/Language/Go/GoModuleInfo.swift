/// One module line of Go module information (`mod`, `dep`) or go.mod, with its replacement.
public struct GoModuleReference: Sendable, Hashable {
    /// The module path (`golang.org/x/text`).
    public var path: String
    /// The version as Go writes it (`v0.3.7`, pseudo-versions, `(devel)`); may be empty.
    public var version: String
    /// The `h1:` checksum, when recorded.
    public var checksum: String?
    /// The `=>` replacement, when the module was replaced.
    public var replacement: GoReplacement?

    /// Creates a reference.
    public init(path: String, version: String, checksum: String? = nil, replacement: GoReplacement? = nil) {
        self.path = path
        self.version = version
        self.checksum = checksum
        self.replacement = replacement
    }

    /// The path and version actually built: a module replacement's own, else this module's.
    /// A local-directory replacement (`=> ../fork`) has no version of its own, so the module keeps
    /// its path and required version (it stands in for that version).
    public var effective: (path: String, version: String) {
        guard let replacement, !replacement.isLocalPath else { return (path, version) }
        return (replacement.path, replacement.version)
    }
}

/// The target of a `=>` replacement.
public struct GoReplacement: Sendable, Hashable {
    /// The replacement module path or local directory.
    public var path: String
    /// Its version; empty for a local directory.
    public var version: String

    /// Creates a replacement.
    public init(path: String, version: String) {
        self.path = path
        self.version = version
    }

    /// Whether the replacement is a local directory (`./x`, `../x`, `/abs`), which has no version.
    public var isLocalPath: Bool { path.hasPrefix("./") || path.hasPrefix("../") || path.hasPrefix("/") || path == "." || path == ".." }
}

/// The module information text of a Go binary, parsed: the command path, the main module and
/// every dependency module linked in.
public struct GoModuleInfo: Sendable {
    /// The `path` line: the main package's import path.
    public var commandPath: String?
    /// The `mod` line: the main module.
    public var mainModule: GoModuleReference?
    /// The `dep` lines, in order.
    public var dependencies: [GoModuleReference]
    /// The `build` settings (`-compiler=gc`, `CGO_ENABLED=0`, `vcs.revision=…`), in order.
    public var buildSettings: [(key: String, value: String)]

    /// Parses the tab-separated lines; unknown lines are ignored, a `=>` line applies to the module
    /// line just before it.
    public init(parsing text: String) {
        commandPath = nil
        mainModule = nil
        dependencies = []
        buildSettings = []
        enum Last { case none, main, dependency }
        var last = Last.none
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let kind = fields.first else { continue }
            func field(_ index: Int) -> String { index < fields.count ? String(fields[index]) : "" }
            switch kind {
            case "path":
                commandPath = field(1)
                last = .none
            case "mod", "dep":
                guard fields.count >= 2, !fields[1].isEmpty else {
                    last = .none
                    continue
                }
                let checksum = field(3)
                let module = GoModuleReference(path: field(1), version: field(2), checksum: checksum.isEmpty ? nil : checksum)
                if kind == "mod" {
                    mainModule = module
                    last = .main
                } else {
                    dependencies.append(module)
                    last = .dependency
                }
            case "=>":
                guard fields.count >= 2, !fields[1].isEmpty else { continue }
                let replacement = GoReplacement(path: field(1), version: field(2))
                switch last {
                case .main: mainModule?.replacement = replacement
                case .dependency: dependencies[dependencies.count - 1].replacement = replacement
                case .none: break
                }
                last = .none
            case "build":
                let setting = field(1)
                if let equals = setting.firstIndex(of: "=") {
                    buildSettings.append((String(setting[..<equals]), String(setting[setting.index(after: equals)...])))
                } else {
                    buildSettings.append((setting, ""))
                }
                last = .none
            default:
                last = .none
            }
        }
    }
}
