/// Merges one Compose file's tree onto the merge of the files before it, following
/// ``ComposeMergeRule``: mappings merge key by key, sequences append, scalars are replaced, and the
/// attribute-specific rules of the Compose specification apply. `!reset` removes the earlier value,
/// `!override` replaces it. Merged containers keep the origin of their first definition; a replaced
/// value (and its key) takes the origin of the file whose value won.
///
/// Every step is linear in the sizes of the two trees (key lookups go through dictionaries), and
/// recursion is bounded by the loader's depth limit.
enum ComposeMerger {
    /// A type clash the specification does not define (a mapping overridden by a scalar…), at a line
    /// of the overriding file.
    typealias Conflict = YAMLGuard.Rejection

    /// `override` merged onto `base`; the boolean says whether the result replaced `base` as a whole.
    static func merge(_ base: ComposeValue, _ override: ComposeValue, path: [String]) throws(Conflict) -> (ComposeValue, replaced: Bool) {
        if override.directive == .override { return (sanitized(override), true) }
        if override.directive == .reset { return (ComposeValue(.null, origin: override.origin), true) }
        if let rule = ComposeMergeRule.rule(for: path), let merged = try merge(base, override, rule: rule, path: path) {
            return merged
        }
        if override.isNull { return (base, false) }
        switch (base.content, override.content) {
        case (.mapping, .mapping):
            return (try mergeMappings(base, override, path: path, replaceEachKey: false), false)
        case (.sequence(let first), .sequence(let second)):
            var combined = base
            combined.content = .sequence(first + second.compactMap(sanitizedElement))
            return (combined, false)
        case (.mapping, _), (.sequence, _):
            throw Conflict(line: override.origin.line, message: "cannot merge \(describe(path)): a \(kind(of: override)) cannot override a \(kind(of: base))")
        default:
            return (sanitized(override), true)
        }
    }

    /// The value with merge tags removed and `!reset` entries and elements dropped (for values that
    /// have nothing to reset: the first file, and keys new in a later file).
    static func sanitized(_ value: ComposeValue) -> ComposeValue {
        var copy = value
        copy.directive = nil
        switch value.content {
        case .null, .scalar:
            if value.directive == .reset { copy.content = .null }
        case .sequence(let list):
            copy.content = value.directive == .reset ? .sequence([]) : .sequence(list.compactMap(sanitizedElement))
        case .mapping(let list):
            copy.content = value.directive == .reset ? .mapping([]) : .mapping(list.compactMap(sanitizedEntry))
        }
        return copy
    }

    // MARK: Rules

    /// Applies `rule`; nil when the values' shapes do not fit it (the default merge then decides).
    private static func merge(_ base: ComposeValue, _ override: ComposeValue, rule: ComposeMergeRule, path: [String]) throws(Conflict) -> (ComposeValue, replaced: Bool)? {
        switch rule {
        case .replace:
            return (sanitized(override), true)
        case .keyValue:
            guard let first = keyValuePairs(base), let second = keyValuePairs(override) else { return nil }
            var merged = base
            merged.content = .mapping(mergeByKey(first, second))
            return (merged, false)
        case .unique(let identity):
            guard let first = elements(of: base), let second = elements(of: override) else { return nil }
            var merged = base
            merged.content = .sequence(mergeUnique(first, second.compactMap(sanitizedElement), identity: identity))
            return (merged, false)
        case .extraHosts:
            guard let first = hostEntries(base), let second = hostEntries(override) else { return nil }
            var seen = Set(first.compactMap(\.string))
            var merged = base
            merged.content = .sequence(first + second.filter { seen.insert($0.string ?? "").inserted })
            return (merged, false)
        case .namesOrMapping:
            guard let first = namesAsMapping(base), let second = namesAsMapping(override) else { return nil }
            return (try mergeMappings(first, second, path: path, replaceEachKey: false), false)
        case .build:
            guard let first = buildAsMapping(base), let second = buildAsMapping(override) else { return nil }
            return (try mergeMappings(first, second, path: path, replaceEachKey: false), false)
        case .logging:
            guard base.isMapping, override.isMapping else { return nil }
            if let newDriver = override.string("driver"), let oldDriver = base.string("driver"), newDriver != oldDriver {
                return (sanitized(override), true)
            }
            return (try mergeMappings(base, override, path: path, replaceEachKey: false), false)
        case .replaceEachKey:
            guard base.isMapping, override.isMapping else { return nil }
            return (try mergeMappings(base, override, path: path, replaceEachKey: true), false)
        }
    }

    private static func mergeMappings(_ base: ComposeValue, _ override: ComposeValue, path: [String], replaceEachKey: Bool) throws(Conflict) -> ComposeValue {
        var entries: [ComposeEntry?] = base.entries.map { $0 }
        var index: [String: Int] = [:]
        for (position, entry) in base.entries.enumerated() { index[entry.key] = position }
        for entry in override.entries {
            if entry.value.directive == .reset {
                if let position = index.removeValue(forKey: entry.key) { entries[position] = nil }
                continue
            }
            guard let position = index[entry.key], let existing = entries[position] else {
                index[entry.key] = entries.count
                entries.append(ComposeEntry(key: entry.key, origin: entry.origin, value: sanitized(entry.value)))
                continue
            }
            if replaceEachKey {
                entries[position] = ComposeEntry(key: entry.key, origin: entry.origin, value: sanitized(entry.value))
            } else {
                let (value, replaced) = try merge(existing.value, entry.value, path: path + [entry.key])
                entries[position] = ComposeEntry(key: entry.key, origin: replaced ? entry.origin : existing.origin, value: value)
            }
        }
        var merged = base
        merged.content = .mapping(entries.compactMap { $0 })
        return merged
    }

    /// Ordered union by key: a later key replaces the earlier value in place; `!reset` removes it.
    private static func mergeByKey(_ first: [ComposeEntry], _ second: [ComposeEntry]) -> [ComposeEntry] {
        var entries: [ComposeEntry?] = first
        var index: [String: Int] = [:]
        for (position, entry) in first.enumerated() { index[entry.key] = position }
        for entry in second {
            if entry.value.directive == .reset {
                if let position = index.removeValue(forKey: entry.key) { entries[position] = nil }
                continue
            }
            let replacement = ComposeEntry(key: entry.key, origin: entry.origin, value: sanitized(entry.value))
            if let position = index[entry.key] {
                entries[position] = replacement
            } else {
                index[entry.key] = entries.count
                entries.append(replacement)
            }
        }
        return entries.compactMap { $0 }
    }

    private static func mergeUnique(_ first: [ComposeValue], _ second: [ComposeValue], identity: ComposeUniqueKey) -> [ComposeValue] {
        var result = first
        var index: [String: Int] = [:]
        for (position, element) in first.enumerated() {
            if let key = identity.key(of: element), index[key] == nil { index[key] = position }
        }
        for element in second {
            if let key = identity.key(of: element) {
                if let position = index[key] {
                    result[position] = element
                    continue
                }
                index[key] = result.count
            }
            result.append(element)
        }
        return result
    }

    // MARK: Normalization

    /// `KEY=VALUE` items or a mapping, as entries (`KEY` alone has a null value); nil for other shapes.
    private static func keyValuePairs(_ value: ComposeValue) -> [ComposeEntry]? {
        switch value.content {
        case .null: return []
        case .mapping(let entries): return entries
        case .scalar, .sequence:
            let items = value.isSequence ? value.elements : [value]
            return items.compactMap { item in
                guard let text = item.string else { return nil }
                guard let equals = text.firstIndex(of: "=") else {
                    var null = ComposeValue(.null, origin: item.origin)
                    null.directive = item.directive
                    return ComposeEntry(key: text, origin: item.origin, value: null)
                }
                var scalar = ComposeValue(.scalar(String(text[text.index(after: equals)...])), origin: item.origin)
                scalar.directive = item.directive
                return ComposeEntry(key: String(text[..<equals]), origin: item.origin, value: scalar)
            }
        }
    }

    /// A sequence's elements, a lone scalar as one element, null as none; nil for mappings.
    private static func elements(of value: ComposeValue) -> [ComposeValue]? {
        switch value.content {
        case .null: return []
        case .scalar: return [value]
        case .sequence(let list): return list
        case .mapping: return nil
        }
    }

    /// `extra_hosts` as `host=address` scalars (mapping values may be lists of addresses).
    private static func hostEntries(_ value: ComposeValue) -> [ComposeValue]? {
        switch value.content {
        case .null: return []
        case .scalar, .sequence:
            return (elements(of: value) ?? []).compactMap { item in
                guard let text = item.string else { return nil }
                guard let separator = text.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return item }
                return ComposeValue(.scalar(text[..<separator] + "=" + text[text.index(after: separator)...]), origin: item.origin)
            }
        case .mapping(let entries):
            return entries.flatMap { entry -> [ComposeValue] in
                let addresses = entry.value.isSequence ? entry.value.strings : entry.value.string.map { [$0] } ?? []
                return addresses.map { ComposeValue(.scalar(entry.key + "=" + $0), origin: entry.origin) }
            }
        }
    }

    /// A list of names as a mapping of names to null; mappings as they are.
    private static func namesAsMapping(_ value: ComposeValue) -> ComposeValue? {
        switch value.content {
        case .mapping: return value
        case .null: return ComposeValue(.mapping([]), origin: value.origin)
        case .sequence(let list):
            return ComposeValue(.mapping(list.compactMap { item in
                item.string.map { ComposeEntry(key: $0, origin: item.origin, value: ComposeValue(.null, origin: item.origin)) }
            }), origin: value.origin)
        case .scalar: return nil
        }
    }

    /// `build: ./dir` as `{context: ./dir}`.
    private static func buildAsMapping(_ value: ComposeValue) -> ComposeValue? {
        switch value.content {
        case .mapping: return value
        case .scalar: return ComposeValue(.mapping([ComposeEntry(key: "context", origin: value.origin, value: value)]), origin: value.origin)
        case .null: return ComposeValue(.mapping([]), origin: value.origin)
        case .sequence: return nil
        }
    }

    private static func sanitizedElement(_ value: ComposeValue) -> ComposeValue? {
        value.directive == .reset ? nil : sanitized(value)
    }

    private static func sanitizedEntry(_ entry: ComposeEntry) -> ComposeEntry? {
        entry.value.directive == .reset ? nil : ComposeEntry(key: entry.key, origin: entry.origin, value: sanitized(entry.value))
    }

    private static func describe(_ path: [String]) -> String { path.isEmpty ? "the top level" : path.joined(separator: ".") }

    private static func kind(of value: ComposeValue) -> String {
        switch value.content {
        case .null: return "null"
        case .scalar: return "scalar"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }
}
