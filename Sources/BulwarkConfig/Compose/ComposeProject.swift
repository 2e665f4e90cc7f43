import BulwarkCore
import Foundation
import Yams

/// Limits for reading and merging a Compose project.
public struct ComposeMergeOptions: Sendable, Hashable {
    /// Deepest nesting accepted in any file (Compose files rarely exceed 10 levels).
    public var maximumDepth: Int
    /// Most values (with aliases expanded) accepted across all files of the project.
    public var maximumValues: Int

    /// Creates options; the defaults accept every realistic project.
    public init(maximumDepth: Int = 128, maximumValues: Int = 1_000_000) {
        self.maximumDepth = maximumDepth
        self.maximumValues = maximumValues
    }
}

/// A Compose project merged from one or more files, as `docker compose -f a.yaml -f b.yaml` does.
public struct ComposeProjectModel: Sendable, Hashable {
    /// The files in merge order; ``ComposeOrigin/fileIndex`` indexes this list.
    public var files: [String]
    /// The merged top-level mapping (`services`, `volumes`, `networks`, `x-…`).
    public var root: ComposeValue

    /// Creates a model.
    public init(files: [String], root: ComposeValue) {
        self.files = files
        self.root = root
    }

    /// The path of the file `origin` points into.
    public func path(of origin: ComposeOrigin) -> String {
        files.indices.contains(origin.fileIndex) ? files[origin.fileIndex] : "?"
    }
}

/// Merges Compose files by the Compose specification's "Merge and override" rules.
///
/// - Mappings merge key by key; sequences append; scalars are replaced by the later file.
/// - `command`, `entrypoint`, `healthcheck.test` are replaced.
/// - `environment`, `labels`, `annotations`, `sysctls`, `build.args`, `deploy.labels` (list `KEY=VALUE`
///   or mapping form) are normalized to mappings and merged by key; `extra_hosts` is normalized to
///   `host=address` items and appended without duplicates; `ulimits` are merged by name.
/// - `ports` (unique by host IP, published port, target port, protocol), `volumes` and `devices`
///   (by target), `secrets`/`configs` (by target), `env_file` (by path), and `cap_add`, `cap_drop`,
///   `dns`, `dns_opt`, `dns_search`, `expose`, `links`, `profiles`, `tmpfs` (by value) append new
///   elements and replace an earlier element with the same identity in place.
/// - `depends_on`, service `networks` (list or mapping) and `build` (string or mapping) are merged as mappings;
///   `logging` is merged when the driver is the same, else replaced.
/// - `!reset` removes what the earlier files set; `!override` replaces it without merging.
///
/// Not done: `include:`, variable interpolation, and profiles selection; `extends` is resolved by the
/// checker on the merged model, not per file before merging.
public enum ComposeProject {
    /// The merge of `files` in order (the first is the base). Throws a ``BulwarkError`` naming the file
    /// and line when a file is not valid YAML, its root is not a mapping, a limit is exceeded, or a value
    /// cannot override the earlier one (a mapping replaced by a scalar…).
    public static func merge(
        files: [(path: String, text: String)], options: ComposeMergeOptions = ComposeMergeOptions()
    ) throws(BulwarkError) -> ComposeProjectModel {
        guard !files.isEmpty else { throw BulwarkError(.invalidInput, "no Compose files to merge") }
        var budget = options.maximumValues
        var root: ComposeValue?
        for (index, file) in files.enumerated() {
            let tree = try load(file.text, path: file.path, fileIndex: index, options: options, budget: &budget)
            root = try mergeFile(tree, onto: root, path: file.path)
        }
        return ComposeProjectModel(files: files.map(\.path), root: root ?? ComposeValue(.mapping([]), origin: ComposeOrigin(fileIndex: 0, line: 1)))
    }

    /// One file's top-level mapping (an empty file is an empty mapping), merge tags still attached.
    static func load(
        _ text: String, path: String, fileIndex: Int, options: ComposeMergeOptions, budget: inout Int
    ) throws(BulwarkError) -> ComposeValue {
        do throws(YAMLGuard.Rejection) {
            let documents = try YAMLDocuments.load(text)
            guard let document = documents.first else {
                return ComposeValue(.mapping([]), origin: ComposeOrigin(fileIndex: fileIndex, line: 1))
            }
            var loader = ComposeValueLoader(fileIndex: fileIndex, maximumDepth: options.maximumDepth, budget: budget)
            let tree = try loader.convert(document)
            budget = loader.budget
            guard tree.isMapping || tree.isNull else {
                throw YAMLGuard.Rejection(line: tree.origin.line, message: "the top level of a Compose file must be a mapping")
            }
            return tree.isNull ? ComposeValue(.mapping([]), origin: tree.origin) : tree
        } catch {
            let code: BulwarkError.Code = error.message.contains("limit") || error.message.contains("deeper") ? .limitExceeded : .invalidInput
            throw BulwarkError(code, "\(path):\(error.line): \(error.message)")
        }
    }

    /// `tree` merged onto `base` (or, for the first file, `tree` with its merge tags removed).
    static func mergeFile(_ tree: ComposeValue, onto base: ComposeValue?, path: String) throws(BulwarkError) -> ComposeValue {
        guard let base else { return ComposeMerger.sanitized(tree) }
        do {
            return try ComposeMerger.merge(base, tree, path: []).0
        } catch {
            throw BulwarkError(.invalidInput, "\(path):\(error.line): \(error.message)")
        }
    }
}
