/// How the Compose specification ("Merge and override", compose-spec `13-merge.md`) and its
/// reference implementation (compose-go `override/merge.go`, `override/uncity.go`) combine one
/// attribute of two files. Attributes without a rule follow the default: mappings merge key by key,
/// sequences append, scalars are replaced.
enum ComposeMergeRule: Equatable {
    /// The later file's value replaces the earlier one (`command`, `entrypoint`, `healthcheck.test`).
    case replace
    /// Key/value collections written as a mapping or as `KEY=VALUE` items (`environment`, `labels`,
    /// `sysctls`, `annotations`, `build.args`…): both forms are normalized to a mapping, merged by key.
    case keyValue
    /// Sequences whose elements are unique by `key` (`ports`, `volumes`, `secrets`, `cap_add`, `dns`…):
    /// appended, and an element whose key an earlier element has replaces that element in place.
    case unique(ComposeUniqueKey)
    /// `extra_hosts`: both forms normalized to `host=address` items, appended without exact duplicates
    /// (one host may have several addresses).
    case extraHosts
    /// Written as a list of names or a mapping (`depends_on`, service `networks`, `models`): lists are
    /// turned into mappings with empty values, then merged key by key.
    case namesOrMapping
    /// `build`: a context string is `{context: …}`, then merged key by key.
    case build
    /// `logging`: merged when both name the same driver (or one names none), else replaced.
    case logging
    /// `ulimits`: merged by limit name, each limit replaced as a whole.
    case replaceEachKey

    /// The rule for the attribute at `path` (mapping keys from the root), nil for the default.
    static func rule(for path: [String]) -> ComposeMergeRule? {
        if path.count == 3, path[0] == "networks" || path[0] == "volumes", path[2] == "labels" { return .keyValue }
        guard path.count >= 3, path[0] == "services" else { return nil }
        if path.count == 3 {
            switch path[2] {
            case "command", "entrypoint": return .replace
            case "environment", "labels", "annotations", "sysctls": return .keyValue
            case "extra_hosts": return .extraHosts
            case "cap_add", "cap_drop", "dns", "dns_opt", "dns_search", "links", "profiles", "tmpfs": return .unique(.keyBeforeEquals)
            case "expose": return .unique(.whole)
            case "ports": return .unique(.port)
            case "volumes", "devices": return .unique(.mountTarget)
            case "secrets": return .unique(.fileReference(defaultFolder: "/run/secrets"))
            case "configs": return .unique(.fileReference(defaultFolder: ""))
            case "env_file": return .unique(.envFile)
            case "depends_on", "networks", "models": return .namesOrMapping
            case "build": return .build
            case "logging": return .logging
            case "ulimits": return .replaceEachKey
            default: return nil
            }
        }
        if path.count == 4 {
            switch (path[2], path[3]) {
            case ("healthcheck", "test"): return .replace
            case ("build", "args"), ("build", "labels"), ("build", "additional_contexts"), ("deploy", "labels"): return .keyValue
            case ("build", "extra_hosts"): return .extraHosts
            case ("build", "tags"): return .unique(.whole)
            default: return nil
            }
        }
        if path.count == 5, path[2] == "networks", path[4] == "aliases" || path[4] == "link_local_ips" { return .unique(.whole) }
        return nil
    }
}

/// What makes two elements of a unique-element sequence "the same" (compose-spec "Unique resources").
enum ComposeUniqueKey: Equatable {
    /// The whole text.
    case whole
    /// The text before the first `=` (or all of it).
    case keyBeforeEquals
    /// `{host_ip, published, target, protocol}` of a port, short or long syntax.
    case port
    /// The mount target of a volume or device, short or long syntax.
    case mountTarget
    /// A secret's or config's target: `target:` or `defaultFolder/source`.
    case fileReference(defaultFolder: String)
    /// An env file's path (string or `path:`).
    case envFile

    /// The identity of `element`; nil when it has none (such elements are never merged away).
    func key(of element: ComposeValue) -> String? {
        switch self {
        case .whole:
            return element.string
        case .keyBeforeEquals:
            guard let text = element.string else { return nil }
            return text.firstIndex(of: "=").map { String(text[..<$0]) } ?? text
        case .port:
            return Self.portKey(element)
        case .mountTarget:
            if let text = element.string {
                let parts = text.split(separator: ":", omittingEmptySubsequences: false)
                return parts.count == 1 ? text : String(parts[1])
            }
            return element.string("target")
        case .fileReference(let folder):
            if let text = element.string { return folder + "/" + text }
            if let target = element.string("target") { return target }
            return element.string("source").map { folder + "/" + $0 }
        case .envFile:
            return element.string ?? element.string("path")
        }
    }

    /// `ip|published|target|protocol` with Compose's defaults (all interfaces, tcp).
    static func portKey(_ element: ComposeValue) -> String? {
        var hostIP = ""
        var published = ""
        var target = ""
        var proto = "tcp"
        if let text = element.string {
            var rest = Substring(text)
            if let slash = rest.lastIndex(of: "/") {
                proto = String(rest[rest.index(after: slash)...]).lowercased()
                rest = rest[..<slash]
            }
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                hostIP = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...].drop { $0 == ":" }
                let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
                target = parts.last.map(String.init) ?? ""
                published = parts.count >= 2 ? String(parts[parts.count - 2]) : ""
            } else {
                let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                target = parts.last ?? ""
                if parts.count >= 2 { published = parts[parts.count - 2] }
                if parts.count >= 3 { hostIP = parts[0..<(parts.count - 2)].joined(separator: ":") }
            }
        } else if element.isMapping {
            guard let value = element.string("target") else { return nil }
            target = value
            published = element.string("published") ?? ""
            hostIP = element.string("host_ip") ?? ""
            proto = element.string("protocol")?.lowercased() ?? "tcp"
        } else {
            return nil
        }
        if hostIP == "0.0.0.0" { hostIP = "" }
        return "\(hostIP)|\(published)|\(target)|\(proto)"
    }
}
