import BulwarkCore
import Foundation
import Yams

/// Runs the Compose rules over the services of a Compose file or of a merged project
/// (``ComposeProject``), after resolving `extends` (within the model and from other files). Every
/// finding points at the origin of the offending value; a missing setting (no `read_only`, no `user`,
/// no limits…) points at the service's key in the first file that defines the service.
struct ComposeChecker {
    typealias Rules = ComposeRules
    /// The top-level mapping (one file's, or the merged project's).
    let root: ComposeValue
    /// The (first) file's directory, for `extends.file`.
    let directory: String
    /// Loads another Compose file's top-level mapping (for `extends.file`); nil when unreadable.
    let loadFile: (String) -> ComposeValue?

    static let dangerousCapabilities: Set<String> = [
        "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH", "SYS_BOOT",
        "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "BPF", "PERFMON", "NET_RAW",
    ]
    static let sensitivePaths = [
        "/", "/etc", "/proc", "/sys", "/root", "/boot", "/dev", "/var/run", "/run", "/var/lib/docker",
        "/var/lib/kubelet", "/lib/modules", "/usr", "/bin", "/sbin", "/lib", "/home", "/var/log",
    ]
    static let engineSockets = ["docker.sock", "containerd.sock", "podman.sock", "crio.sock", "dockershim.sock"]
    static let databasePorts: Set<Int> = [
        1433, 1521, 2379, 3306, 5432, 5984, 6379, 7000, 7001, 8086, 9042, 9200, 9300, 11211, 27017, 27018, 28015,
    ]

    /// A checker for one file's top-level mapping as ``YAMLMap`` (the single-file scan path): the
    /// values are converted (file index 0) and `!reset` values dropped, as Compose does for one file.
    init(root: YAMLMap, directory: String, loadFile: @escaping (String) -> YAMLMap?) {
        self.init(root: Self.convert(root), directory: directory) { path in loadFile(path).map(Self.convert) }
    }

    /// A checker for a ``ComposeValue`` model; values are interpolated with the `.env` file of `directory`
    /// (see ``ComposeInterpolation``).
    init(root: ComposeValue, directory: String, loadFile: @escaping (String) -> ComposeValue?) {
        let variables = ComposeInterpolation.environmentFile(at: directory + "/.env")
        self.root = ComposeInterpolation.apply(to: root, variables: variables)
        self.directory = directory
        self.loadFile = { path in loadFile(path).map { ComposeInterpolation.apply(to: $0, variables: variables) } }
    }

    /// Checks one file's services into `collector` (every origin is in that file).
    func check(into collector: inout FindingCollector) {
        var sink = ComposeFindingSink(collectors: [collector])
        check(into: &sink)
        if let updated = sink.collectors.first { collector = updated }
    }

    /// Checks the services, each finding going to the file its origin names.
    func check(into sink: inout ComposeFindingSink) {
        guard let services = root["services"] else { return }
        for entry in services.entries {
            guard entry.value.isMapping else { continue }
            var service = entry.value
            resolveExtends(&service, depth: 0)
            checkService(service, name: entry.key, origin: entry.origin, into: &sink)
        }
    }

    /// A ``YAMLMap``'s entries as a ``ComposeValue`` mapping of file 0. The YAML guard already bounded
    /// the tree (nesting, alias expansion), so the limits here only repeat it.
    private static func convert(_ map: YAMLMap) -> ComposeValue {
        var loader = ComposeValueLoader(fileIndex: 0, maximumDepth: YAMLGuard.maximumNesting * 2 + 8, budget: YAMLGuard.maximumExpandedNodes)
        var entries: [ComposeEntry] = []
        for entry in map.entries {
            guard let value = try? loader.convert(entry.value, depth: 1) else { continue }
            entries.append(ComposeEntry(key: entry.key, origin: ComposeOrigin(fileIndex: 0, line: entry.line), value: value))
        }
        return ComposeMerger.sanitized(ComposeValue(.mapping(entries), origin: ComposeOrigin(fileIndex: 0, line: map.line)))
    }

    /// Applies `extends` (up to 8 levels) the way `extends` always did here: the service's own keys win,
    /// inherited keys report the `extends` key; values from another file are reported there entirely.
    private func resolveExtends(_ service: inout ComposeValue, depth: Int) {
        guard depth < 8, let extends = service["extends"] else { return }
        let origin = service.origin(of: "extends")
        var baseName: String?
        var file: String?
        if let name = extends.string {
            baseName = name
        } else if extends.isMapping {
            baseName = extends.string("service")
            file = extends.string("file")
        }
        guard let baseName else { return }
        let baseRoot: ComposeValue?
        if let file {
            baseRoot = loadFile(file.hasPrefix("/") ? file : directory + "/" + file)
        } else {
            baseRoot = root
        }
        guard var base = baseRoot?["services"]?[baseName], base.isMapping else { return }
        if file == nil, base.string("extends") != baseName { resolveExtends(&base, depth: depth + 1) }
        if file != nil { base = base.relocated(to: origin) }
        var entries = service.entries
        let own = Set(entries.map(\.key))
        for entry in base.entries where !own.contains(entry.key) {
            entries.append(ComposeEntry(key: entry.key, origin: origin, value: entry.value))
        }
        service.content = .mapping(entries)
    }

    private func checkService(_ service: ComposeValue, name: String, origin: ComposeOrigin, into sink: inout ComposeFindingSink) {
        // A service with neither image nor build is a fragment (override file): only what it sets is judged.
        let complete = service["image"] != nil || service["build"] != nil
        if service.bool("privileged") == true {
            sink.add(Rules.privileged, at: service.origin(of: "privileged"), "service '\(name)' runs privileged")
        }
        for element in service.list("cap_add") {
            guard let text = element.string else { continue }
            let capability = normalizedCapability(text)
            if Self.dangerousCapabilities.contains(capability) {
                sink.add(Rules.dangerousCapabilities, at: element.origin, "service '\(name)' adds capability \(capability)")
            }
        }
        let dropped = service.list("cap_drop").compactMap(\.string).map(normalizedCapability)
        if complete, !dropped.contains("ALL") {
            sink.add(Rules.capabilitiesNotDropped, at: service["cap_drop"] == nil ? origin : service.origin(of: "cap_drop"), "service '\(name)' does not drop all capabilities")
        }
        if complete || service["read_only"] != nil, service.bool("read_only") != true {
            sink.add(Rules.writableRoot, at: service["read_only"] == nil ? origin : service.origin(of: "read_only"), "service '\(name)' has a writable root filesystem")
        }
        let securityOptions = service.list("security_opt").compactMap { element in
            element.string.map { (option: $0.lowercased().replacingOccurrences(of: "=", with: ":"), origin: element.origin) }
        }
        if complete || service["security_opt"] != nil,
            !securityOptions.contains(where: { $0.option == "no-new-privileges" || $0.option == "no-new-privileges:true" })
        {
            sink.add(Rules.newPrivileges, at: service["security_opt"] == nil ? origin : service.origin(of: "security_opt"), "service '\(name)' does not set no-new-privileges:true")
        }
        for (option, optionOrigin) in securityOptions where option == "seccomp:unconfined" || option == "apparmor:unconfined" || option == "label:disable" {
            sink.add(Rules.unconfined, at: optionOrigin, "service '\(name)' sets \(option)")
        }
        if let user = service.string("user") {
            let account = user.split(separator: ":").first.map(String.init) ?? user
            if account == "root" || account == "0" {
                sink.add(Rules.rootUser, at: service.origin(of: "user"), "service '\(name)' runs as \(user)")
            }
        } else if complete {
            sink.add(Rules.rootUser, at: origin, "service '\(name)' sets no user, so it runs as the image's user (often root)")
        }
        if service.string("network_mode") == "host" {
            sink.add(Rules.hostNetwork, at: service.origin(of: "network_mode"), "service '\(name)' uses the host network")
        }
        if service.string("pid") == "host" {
            sink.add(Rules.hostPid, at: service.origin(of: "pid"), "service '\(name)' shares the host PID namespace")
        }
        if service.string("ipc") == "host" {
            sink.add(Rules.hostIpc, at: service.origin(of: "ipc"), "service '\(name)' shares the host IPC namespace")
        }
        for volume in service.list("volumes") { checkVolume(volume, service: name, into: &sink) }
        for port in service.list("ports") { checkPort(port, service: name, into: &sink) }
        checkEnvironment(service, name: name, into: &sink)
        if let image = service.string("image"), !ImageName.isDynamic(image), ImageName(image).usesLatest {
            sink.add(Rules.latestImage, at: service.origin(of: "image"), "service '\(name)' image '\(image)' is not pinned to a version")
        }
        let limits = service.value(at: ["deploy", "resources", "limits"])
        if complete, service["mem_limit"] == nil, limits?["memory"] == nil {
            sink.add(Rules.memoryLimit, at: origin, "service '\(name)' has no memory limit")
        }
        if complete, service["pids_limit"] == nil, limits?["pids"] == nil {
            sink.add(Rules.pidsLimit, at: origin, "service '\(name)' has no PIDs limit")
        }
        var tmpfsEntries = service.list("tmpfs")
        if let single = service["tmpfs"], single.string != nil { tmpfsEntries = [single] }
        for entry in tmpfsEntries {
            guard let text = entry.string else { continue }
            let options = text.split(separator: ":", maxSplits: 1).dropFirst().first.map { $0.split(separator: ",").map(String.init) } ?? []
            if !options.contains("noexec") || !options.contains("nosuid") {
                sink.add(Rules.tmpfsOptions, at: entry.origin, "service '\(name)' mounts tmpfs \(text) without noexec and nosuid")
            }
        }
    }

    private func normalizedCapability(_ text: String) -> String {
        let upper = text.uppercased()
        return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
    }

    private func checkVolume(_ volume: ComposeValue, service: String, into sink: inout ComposeFindingSink) {
        let origin = volume.origin
        var source: String
        var readOnly: Bool
        if let text = volume.string {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { return }
            source = parts[0]
            readOnly = parts.count >= 3 && parts[2].split(separator: ",").contains("ro")
        } else if volume.isMapping {
            guard volume.string("type") == nil || volume.string("type") == "bind", let mapSource = volume.string("source") else { return }
            source = mapSource
            readOnly = volume.bool("read_only") == true
        } else {
            return
        }
        guard source.hasPrefix("/") else { return }
        while source.count > 1, source.hasSuffix("/") { source.removeLast() }
        if Self.engineSockets.contains(where: { source.hasSuffix("/" + $0) }) {
            sink.add(Rules.dockerSocket, at: origin, "service '\(service)' mounts the engine socket \(source)")
            return
        }
        let sensitive = Self.sensitivePaths.contains { path in
            source == path || (path != "/" && source.hasPrefix(path + "/") && !source.hasPrefix("/home/") && !source.hasPrefix("/var/log/") && !source.hasPrefix("/run/") && !source.hasPrefix("/var/run/"))
        }
        guard sensitive else { return }
        // Single files below a system folder (e.g. /etc/localtime:ro) are fine read-only.
        let wholeFolder = Self.sensitivePaths.contains(source)
        if readOnly, !wholeFolder { return }
        if readOnly {
            sink.add(Rules.sensitiveMountReadOnly, at: origin, "service '\(service)' mounts host path \(source) (read-only)")
        } else {
            sink.add(Rules.sensitiveMountWritable, at: origin, "service '\(service)' mounts host path \(source) writable")
        }
    }

    private func checkPort(_ port: ComposeValue, service: String, into sink: inout ComposeFindingSink) {
        let origin = port.origin
        var hostIP: String?
        var target: Int?
        var published = true
        if let text = port.string {
            let noProtocol = text.split(separator: "/").first.map(String.init) ?? text
            var parts = noProtocol.split(separator: ":").map(String.init)
            if noProtocol.hasPrefix("[") , let close = noProtocol.firstIndex(of: "]") {
                hostIP = String(noProtocol[noProtocol.index(after: noProtocol.startIndex)..<close])
                parts = noProtocol[noProtocol.index(after: close)...].split(separator: ":").map(String.init)
            } else if parts.count == 3 {
                hostIP = parts.removeFirst()
            }
            target = parts.last.flatMap { Int($0.split(separator: "-").first ?? "") }
        } else if port.isMapping {
            hostIP = port.string("host_ip")
            target = port.string("target").flatMap { Int($0) }
            published = true
        }
        guard published, let target, Self.databasePorts.contains(target) else { return }
        if hostIP == nil || hostIP == "0.0.0.0" || hostIP == "::" || hostIP == "" {
            sink.add(Rules.databasePort, at: origin, "service '\(service)' publishes database port \(target) on all interfaces")
        }
    }

    private func checkEnvironment(_ service: ComposeValue, name: String, into sink: inout ComposeFindingSink) {
        guard let environment = service["environment"] else { return }
        var pairs: [(String, String, ComposeOrigin)] = []
        if environment.isMapping {
            pairs = environment.entries.map { ($0.key, $0.value.string ?? "", $0.origin) }
        } else {
            for item in environment.elements {
                guard let text = item.string, let equals = text.firstIndex(of: "=") else { continue }
                pairs.append((String(text[..<equals]), String(text[text.index(after: equals)...]), item.origin))
            }
        }
        for (key, value, origin) in pairs where SecretHeuristics.looksLikeSecret(name: key, value: value) {
            sink.add(Rules.secretInEnvironment, at: origin, "service '\(name)' environment \(key) looks like a hard-coded secret")
        }
    }
}
