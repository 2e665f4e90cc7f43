import Foundation
import BulwarkCore

/// Reads `go.mod` files in folders (lockfile scope): the module itself and its `require`d modules,
/// single-line and block forms, `// indirect` comments, and `replace` directives (a versioned or
/// any-version replacement; a local-directory replacement keeps the required module and version).
/// `go.sum` is not needed: since Go 1.17, go.mod lists every module the build uses.
///
/// The main module is reported with an empty version and the direct requirements as its
/// `dependencies`; indirect requirements are reported as packages too.
public struct GoModCataloger: Cataloger {
    /// Creates the cataloger.
    public init() {}

    public var id: String { "go-mod" }
    public var scope: CatalogScope { .lockfile }

    public func isInterested(in path: String) -> Bool { PathMatch.hasSuffix(path, "/go.mod") || path == "go.mod" }

    public func catalog(_ tree: any FileTree, context: CatalogContext) throws(BulwarkError) -> CatalogResult {
        var result = CatalogResult()
        for path in tree.collectedPaths() where isInterested(in: path) {
            guard let bytes = tree.contents(of: path) else { continue }
            let parsed = GoModFile(parsing: String(decoding: bytes, as: UTF8.self), path: path)
            result.warnings += parsed.warnings
            result.packages += Self.packages(from: parsed, location: path)
        }
        return result
    }

    /// The packages of a parsed go.mod at `location`.
    public static func packages(from file: GoModFile, location: String) -> [Package] {
        var packages: [Package] = []
        var directPurls: [String] = []
        var seen = Set<String>()
        for requirement in file.requirements {
            var module = GoModuleReference(path: requirement.path, version: requirement.version)
            module.replacement = file.replacement(for: requirement.path, version: requirement.version)
            let (path, version) = module.effective
            guard seen.insert(path + "@" + version).inserted else { continue }
            let package = GoPackageFactory.package(path: path, version: version, location: location)
            if !requirement.isIndirect { directPurls.append(package.purl.description) }
            packages.append(package)
        }
        if let modulePath = file.modulePath {
            packages.append(GoPackageFactory.package(path: modulePath, version: "", location: location, dependencies: directPurls))
        }
        return packages
    }
}

/// A parsed `go.mod`: module path, requirements and replacements, plus warnings for bad lines.
public struct GoModFile: Sendable {
    /// One `require` entry.
    public struct Requirement: Sendable, Hashable {
        /// The required module path.
        public var path: String
        /// The required version.
        public var version: String
        /// Marked `// indirect`.
        public var isIndirect: Bool
    }

    /// One `replace` directive: `old [version] => new [version]`.
    public struct Replace: Sendable, Hashable {
        /// The module path replaced.
        public var oldPath: String
        /// Empty when it replaces every version.
        public var oldVersion: String
        /// What it is replaced with.
        public var replacement: GoReplacement
    }

    /// The `module` path.
    public var modulePath: String?
    /// Requirements, in order.
    public var requirements: [Requirement] = []
    /// Replacements, in order.
    public var replacements: [Replace] = []
    /// `"<path>:<line>: <problem>"` for lines that could not be read.
    public var warnings: [String] = []

    /// The replacement applying to `path` at `version`: a version-specific one wins over an any-version one.
    public func replacement(for path: String, version: String) -> GoReplacement? {
        replacements.last { $0.oldPath == path && $0.oldVersion == version }?.replacement
            ?? replacements.last { $0.oldPath == path && $0.oldVersion.isEmpty }?.replacement
    }

    /// Parses go.mod text; `path` names the file in warnings.
    public init(parsing text: String, path: String) {
        var block: Substring?
        for (number, rawLine) in text.withUnixLineEnds().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            var comment: Substring = ""
            if let slashes = line.range(of: "//") {
                comment = line[slashes.upperBound...]
                line = line[..<slashes.lowerBound]
            }
            let isIndirect = comment.split(separator: ";").contains { $0.droppingEdges(in: " \t\r") == "indirect" }
            var tokens = Self.tokens(line)
            guard !tokens.isEmpty else { continue }
            if let current = block {
                if tokens == [")"] {
                    block = nil
                    continue
                }
                tokens.insert(current, at: 0)
            } else if tokens.count == 2, tokens[1] == "(" {
                block = tokens[0]
                continue
            }
            let verb = tokens[0]
            let arguments = Array(tokens.dropFirst())
            func warn(_ problem: String) { warnings.append("\(path):\(number + 1): \(problem)") }
            switch verb {
            case "module":
                guard let first = arguments.first else { warn("module directive without a path"); continue }
                modulePath = String(first)
            case "require":
                guard arguments.count == 2 else { warn("require needs a module path and a version"); continue }
                requirements.append(Requirement(path: String(arguments[0]), version: String(arguments[1]), isIndirect: isIndirect))
            case "replace":
                guard let arrow = arguments.firstIndex(of: "=>"), arrow >= 1, arrow <= 2,
                    arguments.count - arrow - 1 >= 1, arguments.count - arrow - 1 <= 2
                else { warn("replace needs `old [version] => new [version]`"); continue }
                replacements.append(Replace(
                    oldPath: String(arguments[0]), oldVersion: arrow == 2 ? String(arguments[1]) : "",
                    replacement: GoReplacement(
                        path: String(arguments[arrow + 1]), version: arguments.count - arrow - 1 == 2 ? String(arguments[arrow + 2]) : "")))
            default:
                continue  // go, toolchain, exclude, retract, godebug, tool…
            }
        }
        if block != nil { warnings.append("\(path): a `(` block is never closed") }
    }

    /// Whitespace-separated tokens; double-quoted and back-quoted strings become one token without quotes.
    private static func tokens(_ line: Substring) -> [Substring] {
        var out: [Substring] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == " " || character == "\t" || character == "\r" {
                index = line.index(after: index)
            } else if character == "\"" || character == "`" {
                let start = line.index(after: index)
                let end = line[start...].firstIndex(of: character) ?? line.endIndex
                out.append(line[start..<end])
                index = end < line.endIndex ? line.index(after: end) : end
            } else {
                let end = line[index...].firstIndex { $0 == " " || $0 == "\t" || $0 == "\r" } ?? line.endIndex
                out.append(line[index..<end])
                index = end
            }
        }
        return out
    }
}
