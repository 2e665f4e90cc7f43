import BulwarkCore
import Foundation
import Yams

/// Reads the YAML file given with `--secret-config`:
///
/// ```yaml
/// max-file-size: 5242880          # bytes; default 10 MiB
/// builtin-rules: true             # false keeps only the rules below
/// rules:                          # added before the built-in rules (they win overlaps)
///   - id: acme-token              # required: letters, digits, '-', '_', '.'
///     category: Acme              # default "Custom"
///     title: Acme API token       # default: the id
///     severity: high              # critical, high, medium, low; default high
///     regex: 'acme_(?<secret>[a-z0-9]{32})'   # required; ICU syntax, optional secret group
///     keywords: [acme_]           # required (2+ characters each), case-insensitive
///     entropy: 3.0                # optional minimum Shannon entropy of the secret
///     multiline: false            # optional
///     files: [.acmerc]            # optional: only files with these base names
/// disable: [generic-secret]       # rule ids to turn off (built-in or above), or built-in allow rules
///                                 # (distribution-folders, documentation-folders, documented-examples)
/// allow:
///   - id: fixtures                # required
///     description: test fixtures
///     regex: '^acme_test'         # secret values to ignore
///     values: [acme_000]          # exact secret values to ignore
///     paths: ['^/src/test/']      # path regexes; alone, the files are not scanned
///     rules: [acme-token]         # limit to these rule ids
/// ```
public enum SecretConfigurationFile {
    /// Loads and validates the file at `path` on top of the built-in configuration.
    public static func load(path: String) throws -> SecretConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BulwarkError(.notFound, "\(path): cannot read the secret configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BulwarkError.invalid(path, "the secret configuration is not UTF-8 text")
        }
        return try parse(yaml: text, source: path)
    }

    /// Parses configuration text; `source` names it in errors.
    public static func parse(yaml: String, source: String, base: SecretConfiguration = .builtIn) throws -> SecretConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw BulwarkError.invalid(source, "not valid YAML: \(String(describing: error).prefix(200))")
        }
        guard let root else { return base }
        guard let mapping = root.mapping else { throw BulwarkError.invalid(source, "the top level must be a mapping") }
        let reader = Reader(source: source)
        try reader.checkKeys(mapping, allowed: ["max-file-size", "builtin-rules", "rules", "disable", "allow"], at: "")

        var configuration = base
        if let node = mapping["builtin-rules"] {
            guard let keep = node.bool else { throw reader.error("builtin-rules", "must be true or false") }
            if !keep {
                configuration.rules = []
                configuration.allowRules = []
            }
        }
        if let node = mapping["max-file-size"] {
            guard let size = node.int, size > 0 else { throw reader.error("max-file-size", "must be a positive number of bytes") }
            configuration.maxFileSize = Int64(size)
        }
        var userRules: [SecretRule] = []
        if let node = mapping["rules"] {
            guard let items = node.sequence else { throw reader.error("rules", "must be a list") }
            for (index, item) in items.enumerated() {
                userRules.append(try reader.rule(item, at: "rules[\(index)]"))
            }
        }
        let userIDs = Set(userRules.map(\.id))
        configuration.rules = userRules + configuration.rules.filter { !userIDs.contains($0.id) }
        if let node = mapping["disable"] {
            let ids = try reader.strings(node, at: "disable")
            let known = Set(configuration.rules.map(\.id) + configuration.allowRules.map(\.id))
            for (index, id) in ids.enumerated() where !known.contains(id) {
                throw reader.error("disable[\(index)]", "unknown rule id '\(id)' (rule or built-in allow rule)")
            }
            configuration = configuration.disabling(ids)
        }
        if let node = mapping["allow"] {
            guard let items = node.sequence else { throw reader.error("allow", "must be a list") }
            for (index, item) in items.enumerated() {
                configuration.allowRules.append(try reader.allowRule(item, at: "allow[\(index)]"))
            }
        }
        return configuration
    }

    /// Field-by-field validation with errors that name the file and the field.
    private struct Reader {
        let source: String

        func error(_ field: String, _ problem: String) -> BulwarkError {
            BulwarkError.invalid(source, "\(field): \(problem)")
        }

        func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, at field: String) throws {
            for key in mapping.keys {
                let name = key.string ?? "?"
                if !allowed.contains(name) {
                    throw error(field.isEmpty ? name : "\(field).\(name)", "unknown field (expected one of \(allowed.sorted().joined(separator: ", ")))")
                }
            }
        }

        func string(_ node: Node?, at field: String, required: Bool) throws -> String? {
            guard let node else {
                if required { throw error(field, "is required") }
                return nil
            }
            guard let scalar = node.scalar else { throw error(field, "must be a string") }
            if required && scalar.string.isEmpty { throw error(field, "must not be empty") }
            return scalar.string
        }

        func strings(_ node: Node, at field: String) throws -> [String] {
            if let scalar = node.scalar { return [scalar.string] }
            guard let items = node.sequence else { throw error(field, "must be a list of strings") }
            return try items.enumerated().map { index, item in
                guard let scalar = item.scalar else { throw error("\(field)[\(index)]", "must be a string") }
                return scalar.string
            }
        }

        func rule(_ node: Node, at field: String) throws -> SecretRule {
            guard let mapping = node.mapping else { throw error(field, "must be a mapping") }
            try checkKeys(mapping, allowed: ["id", "category", "title", "severity", "regex", "keywords", "entropy", "multiline", "files"], at: field)
            let id = try string(mapping["id"], at: "\(field).id", required: true) ?? ""
            if id.unicodeScalars.contains(where: { !($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }) {
                throw error("\(field).id", "'\(id)' may contain only letters, digits, '-', '_' and '.'")
            }
            let regex = try string(mapping["regex"], at: "\(field).regex", required: true) ?? ""
            let keywords = try mapping["keywords"].map { try strings($0, at: "\(field).keywords") } ?? []
            let files = try mapping["files"].map { try strings($0, at: "\(field).files") } ?? []
            if keywords.isEmpty && files.isEmpty { throw error("\(field).keywords", "is required (at least one keyword of 2+ characters)") }
            for (index, keyword) in keywords.enumerated() where keyword.utf8.count < 2 {
                throw error("\(field).keywords[\(index)]", "'\(keyword)' is shorter than 2 characters")
            }
            var severity = Severity.high
            if let word = try string(mapping["severity"], at: "\(field).severity", required: false) {
                severity = Severity(word: word)
                if severity == .unknown { throw error("\(field).severity", "'\(word)' is not one of critical, high, medium, low") }
            }
            var entropy: Double?
            if let node = mapping["entropy"] {
                guard let value = node.float, value >= 0, value <= 8 else { throw error("\(field).entropy", "must be a number from 0 to 8") }
                entropy = value
            }
            var multiline = false
            if let node = mapping["multiline"] {
                guard let value = node.bool else { throw error("\(field).multiline", "must be true or false") }
                multiline = value
            }
            let pattern: CompiledPattern
            do {
                pattern = try CompiledPattern(regex, context: source)
            } catch {
                throw self.error("\(field).regex", "does not compile: \(regex)")
            }
            return try SecretRule(
                id: id, category: try string(mapping["category"], at: "\(field).category", required: false) ?? "Custom",
                title: try string(mapping["title"], at: "\(field).title", required: false) ?? id,
                severity: severity, pattern: pattern, keywords: keywords, minimumEntropy: entropy,
                multiline: multiline, fileNames: files, rejectsPlaceholders: false, context: "\(source): \(field)"
            )
        }

        func allowRule(_ node: Node, at field: String) throws -> SecretAllowRule {
            guard let mapping = node.mapping else { throw error(field, "must be a mapping") }
            try checkKeys(mapping, allowed: ["id", "description", "regex", "values", "paths", "rules"], at: field)
            let id = try string(mapping["id"], at: "\(field).id", required: true) ?? ""
            var valueRegex: CompiledPattern?
            if let text = try string(mapping["regex"], at: "\(field).regex", required: false) {
                do { valueRegex = try CompiledPattern(text, context: source) } catch {
                    throw self.error("\(field).regex", "does not compile: \(text)")
                }
            }
            let values = try mapping["values"].map { try strings($0, at: "\(field).values") } ?? []
            let pathTexts = try mapping["paths"].map { try strings($0, at: "\(field).paths") } ?? []
            var paths: [CompiledPattern] = []
            for (index, text) in pathTexts.enumerated() {
                do { paths.append(try CompiledPattern(text, context: source)) } catch {
                    throw self.error("\(field).paths[\(index)]", "does not compile: \(text)")
                }
            }
            let ruleIDs = try mapping["rules"].map { try strings($0, at: "\(field).rules") } ?? []
            if valueRegex == nil && values.isEmpty && paths.isEmpty && ruleIDs.isEmpty {
                throw error(field, "needs at least one of regex, values, paths")
            }
            return SecretAllowRule(
                id: id, description: try string(mapping["description"], at: "\(field).description", required: false) ?? "",
                valueRegex: valueRegex, values: values, paths: paths, ruleIDs: ruleIDs
            )
        }
    }
}
